import { Button } from '@zendeskgarden/react-buttons';
import { Field, Input } from '@zendeskgarden/react-forms';
import { Alert, Paragraph as AlertText } from '@zendeskgarden/react-notifications';
import { useRef, useState } from 'react';
import type { TestSendResult as Sent } from '../../app/testSends/testSend';
import { ErrorNotice } from '../components/ErrorNotice';
import { useFocusRescue } from '../hooks/useFocusRescue';
import { useI18n } from '../i18n/I18nProvider';
import { testOutcomeMessage } from './sendingMessages';

/** The pieces every test send shares (the wizard's step, the Settings page): the phone, the button, the answer. */

export type TestAttempt = { status: 'idle' } | { status: 'sending' } | { status: 'done'; sent: Sent } | { status: 'failed'; error: unknown };

export function useTestAttempt() {
  const [attempt, setAttempt] = useState<TestAttempt>({ status: 'idle' });
  /** Sends and keeps the answer; resolves with it, undefined when the send was refused or failed. */
  const run = async (send: () => Promise<Sent>): Promise<Sent | undefined> => {
    setAttempt({ status: 'sending' });
    try {
      const sent = await send();
      setAttempt({ status: 'done', sent });
      return sent;
    } catch (error) {
      setAttempt({ status: 'failed', error });
      return undefined;
    }
  };
  return { attempt, run };
}

export function TestPhoneField({ label, phone, valid, onChange }: { label: string; phone: string; valid: boolean; onChange: (phone: string) => void }) {
  const { t } = useI18n();
  const invalid = phone !== '' && !valid;
  return (
    <Field>
      <Field.Label>{label}</Field.Label>
      <Field.Hint>{t('campaigns.wizard.test.phoneHint')}</Field.Hint>
      <Input value={phone} onChange={(event) => onChange(event.target.value)} validation={invalid ? 'error' : undefined} inputMode="tel" autoComplete="tel" />
      {invalid && <Field.Message validation="error">{t('campaigns.wizard.test.badPhone')}</Field.Message>}
    </Field>
  );
}

/** The send button (a submit of the surrounding form) and the answer under it. */
export function TestSendResult({ attempt, disabled }: { attempt: TestAttempt; disabled: boolean }) {
  const { t } = useI18n();
  // The button is disabled while the test goes out: once it is done, the button has the focus again.
  const sendButton = useRef<HTMLButtonElement>(null);
  useFocusRescue(sendButton, attempt.status);
  return (
    <>
      <div>
        <Button ref={sendButton} type="submit" isPrimary disabled={disabled || attempt.status === 'sending'}>
          {t(attempt.status === 'sending' ? 'campaigns.wizard.test.sending' : 'campaigns.wizard.test.send')}
        </Button>
      </div>
      {attempt.status === 'done' && (
        <Alert type={attempt.sent.outcome.kind === 'sent' ? 'success' : 'warning'} role="status">
          <AlertText>{testOutcomeMessage(t, attempt.sent.outcome, attempt.sent.phone)}</AlertText>
        </Alert>
      )}
      {attempt.status === 'failed' && <ErrorNotice error={attempt.error} title={t('campaigns.wizard.test.failed')} />}
    </>
  );
}
