import { useMemo, useState } from 'react';
import type { MessagingIntegration } from '../../api/sunshine/integrations';
import { emptyDraft, type TemplateDraft } from '../../core/template/model';
import { normalizeTemplateName } from '../../core/template/name';
import { checkTemplate } from '../../core/template/rules';
import { checkSubmission } from '../../core/template/submission';
import type { SubmissionTarget } from '../../store/templateCatalogue';

export const SMS_TARGET = 'sms';

/** The editor's state: the draft, the chosen targets, and what the rules say about them, live. */
export function useTemplateDraft(integrations: readonly MessagingIntegration[], language: string) {
  const [draft, setDraft] = useState<TemplateDraft>(() => emptyDraft(language));
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());

  const targets = useMemo<SubmissionTarget[]>(
    () => [
      ...integrations.filter((integration) => chosen.has(integration.id)).map((integration) => ({ channel: 'whatsapp' as const, integration })),
      ...(chosen.has(SMS_TARGET) ? [{ channel: 'sms' as const }] : []),
    ],
    [integrations, chosen],
  );
  const channels = useMemo(
    () => ({ whatsapp: targets.some((target) => target.channel === 'whatsapp'), sms: chosen.has(SMS_TARGET) }),
    [targets, chosen],
  );
  const problems = useMemo(() => checkTemplate(draft, channels), [draft, channels]);
  const submission = useMemo(() => checkSubmission(problems, channels), [problems, channels]);
  const normalisedName = useMemo(() => normalizeTemplateName(draft.name), [draft.name]);

  const update = (patch: Partial<TemplateDraft>) => setDraft((current) => ({ ...current, ...patch }));
  const toggleTarget = (id: string, on: boolean) =>
    setChosen((current) => {
      const next = new Set(current);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  return { draft, update, targets, chosen, toggleTarget, channels, problems, submission, normalisedName };
}
