import { Button } from '@zendeskgarden/react-buttons';
import { Field, Input } from '@zendeskgarden/react-forms';
import { Paragraph } from '@zendeskgarden/react-typography';
import { useState, type FormEvent } from 'react';
import styled from 'styled-components';
import { checkAudienceQuery, type AudienceQueryProblem } from '../../core/audience/audienceQuery';
import { ErrorNotice } from '../components/ErrorNotice';
import { Loading } from '../components/Loading';
import { Section } from '../components/Section';
import { useI18n } from '../i18n/I18nProvider';
import { useServices } from '../services';

type CountState = { status: 'idle' } | { status: 'counting' } | { status: 'counted'; query: string; count: number } | { status: 'failed'; error: unknown };

const Form = styled.form`
  display: flex;
  flex-direction: column;
  gap: ${(p) => p.theme.space.sm};
  max-width: 640px;
`;

export function AudiencesSection() {
  const { t } = useI18n();
  const { search } = useServices();
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<AudienceQueryProblem | undefined>();
  const [state, setState] = useState<CountState>({ status: 'idle' });

  const count = async (event: FormEvent) => {
    event.preventDefault();
    const check = checkAudienceQuery(text);
    if (!check.ok) {
      setProblem(check.problem);
      return;
    }
    setProblem(undefined);
    setState({ status: 'counting' });
    try {
      setState({ status: 'counted', query: check.query, count: await search.countUsers(check.query) });
    } catch (error) {
      setState({ status: 'failed', error });
    }
  };

  return (
    <Section title={t('audiences.title')} intro={t('audiences.intro')}>
      <Form onSubmit={count} noValidate>
        <Field>
          <Field.Label>{t('audiences.queryLabel')}</Field.Label>
          <Field.Hint>{t('audiences.queryHint')}</Field.Hint>
          <Input
            value={text}
            onChange={(event) => setText(event.target.value)}
            validation={problem ? 'error' : undefined}
            placeholder="tags:whatsapp_opt_in created>2024-01-01"
          />
          {problem && <Field.Message validation="error">{t(`audiences.problem.${problem}`)}</Field.Message>}
        </Field>
        <div>
          <Button type="submit" isPrimary disabled={state.status === 'counting'}>
            {t('audiences.count')}
          </Button>
        </div>
      </Form>
      {state.status === 'counting' && <Loading label={t('audiences.counting')} />}
      {state.status === 'failed' && <ErrorNotice error={state.error} title={t('audiences.countFailed')} />}
      {state.status === 'counted' && (
        <Paragraph role="status">{t('audiences.matches', { count: state.count })}</Paragraph>
      )}
    </Section>
  );
}
