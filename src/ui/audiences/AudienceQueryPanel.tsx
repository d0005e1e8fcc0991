import { Button } from '@zendeskgarden/react-buttons';
import { Field, Input } from '@zendeskgarden/react-forms';
import { Body, Cell, Head, HeaderCell, HeaderRow, Row, Table } from '@zendeskgarden/react-tables';
import { Paragraph, SM } from '@zendeskgarden/react-typography';
import { useRef, useState, type FormEvent } from 'react';
import styled from 'styled-components';
import type { AudienceUser } from '../../core/campaign/audienceUser';
import { checkAudienceQuery, type AudienceQueryProblem } from '../../core/audience/audienceQuery';
import type { ContactRules } from '../../core/contact/assessContact';
import type { ContactListKind } from '../../store/contactLists';
import { ErrorNotice } from '../components/ErrorNotice';
import { Loading } from '../components/Loading';
import { useFocusRescue } from '../hooks/useFocusRescue';
import { useI18n } from '../i18n/I18nProvider';
import { countUsers, sampleUsers } from '../../app/audience/audience';
import { useHerald } from '../herald';
import { ContactSummary } from './ContactSummary';

type Lookup = { status: 'idle' } | { status: 'checking' } | { status: 'done'; query: string; count: number; sample: AudienceUser[] } | { status: 'failed'; error: unknown };

const Form = styled.form`
  display: flex;
  flex-direction: column;
  gap: ${(p) => p.theme.space.sm};
  max-width: 720px;
`;

interface AudienceQueryPanelProps {
  rules: ContactRules;
  /** The query the plan will use, once checked. */
  onChecked?: (query: string, count: number) => void;
  /** Puts a user on a list from the sample; absent when the lists are not available. */
  onList?: (user: AudienceUser, list: ContactListKind) => Promise<void>;
  /** The query to start from (a reopened draft). */
  initialQuery?: string;
}

/** The audience query: validated, counted, and a sample of users with their number and consent. */
export function AudienceQueryPanel({ rules, onChecked, onList, initialQuery = '' }: AudienceQueryPanelProps) {
  const { t } = useI18n();
  const { base } = useHerald();
  const [text, setText] = useState(initialQuery);
  const [problem, setProblem] = useState<AudienceQueryProblem | undefined>();
  const [lookup, setLookup] = useState<Lookup>({ status: 'idle' });
  const [listed, setListed] = useState<Record<number, ContactListKind>>({});
  // The button is disabled while the users are counted: once they are, it has the focus again.
  const countButton = useRef<HTMLButtonElement>(null);
  useFocusRescue(countButton, lookup.status);

  const check = async (event: FormEvent) => {
    event.preventDefault();
    const result = checkAudienceQuery(text);
    if (!result.ok) {
      setProblem(result.problem);
      return;
    }
    setProblem(undefined);
    setLookup({ status: 'checking' });
    try {
      const [count, sample] = await Promise.all([countUsers(base, result.query), sampleUsers(base, result.query, 10, [])]);
      setLookup({ status: 'done', query: result.query, count, sample });
      onChecked?.(result.query, count);
    } catch (error) {
      setLookup({ status: 'failed', error });
    }
  };

  const list = async (user: AudienceUser, kind: ContactListKind) => {
    if (!onList) return;
    await onList(user, kind);
    setListed((current) => ({ ...current, [user.id]: kind }));
  };

  return (
    <>
      <Form onSubmit={check} noValidate>
        <Field>
          <Field.Label>{t('audiences.queryLabel')}</Field.Label>
          <Field.Hint>{t('audiences.queryHint')}</Field.Hint>
          <Input value={text} onChange={(event) => setText(event.target.value)} validation={problem ? 'error' : undefined} placeholder="tags:whatsapp_opt_in loyalty_tier:gold" />
          {problem && <Field.Message validation="error">{t(`audiences.problem.${problem}`)}</Field.Message>}
        </Field>
        <div>
          <Button ref={countButton} type="submit" isPrimary disabled={lookup.status === 'checking'}>
            {t('audiences.count')}
          </Button>
        </div>
      </Form>
      {lookup.status === 'checking' && <Loading label={t('audiences.counting')} />}
      {lookup.status === 'failed' && <ErrorNotice error={lookup.error} title={t('audiences.countFailed')} />}
      {lookup.status === 'done' && (
        <>
          <Paragraph role="status">{t('audiences.matches', { count: lookup.count })}</Paragraph>
          {lookup.sample.length > 0 && (
            <Table size="small" aria-label={t('audiences.sample.caption')}>
              <Head>
                <HeaderRow>
                  <HeaderCell>{t('audiences.sample.user')}</HeaderCell>
                  <HeaderCell>{t('audiences.sample.contact')}</HeaderCell>
                  {onList && <HeaderCell>{t('audiences.sample.lists')}</HeaderCell>}
                </HeaderRow>
              </Head>
              <Body>
                {lookup.sample.map((user) => (
                  <Row key={user.id}>
                    <Cell>
                      {user.name ?? t('contact.unnamed')}
                      {user.email && <SM>{user.email}</SM>}
                    </Cell>
                    <Cell>
                      <ContactSummary user={user} rules={rules} />
                    </Cell>
                    {onList && (
                      <Cell>
                        {listed[user.id] ? (
                          <SM role="status">{t(`audiences.sample.added.${listed[user.id]!}`)}</SM>
                        ) : (
                          <>
                            <Button size="small" isBasic onClick={() => void list(user, 'block')} aria-label={t('audiences.sample.blockUser', { name: user.name ?? String(user.id) })}>
                              {t('audiences.sample.block')}
                            </Button>{' '}
                            <Button size="small" isBasic onClick={() => void list(user, 'allow')} aria-label={t('audiences.sample.allowUser', { name: user.name ?? String(user.id) })}>
                              {t('audiences.sample.allow')}
                            </Button>
                          </>
                        )}
                      </Cell>
                    )}
                  </Row>
                ))}
              </Body>
            </Table>
          )}
        </>
      )}
    </>
  );
}
