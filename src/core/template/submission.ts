import type { TemplateChannels } from './model';
import type { TemplateProblem } from './rules';

/** Whether a draft may be submitted: no problem left, and at least one WhatsApp number or SMS chosen. */
export interface SubmissionCheck {
  noTarget: boolean;
  /** Problems plus the missing target, as the editor counts what is left to fix. */
  blockers: number;
  canSubmit: boolean;
}

export function checkSubmission(problems: readonly TemplateProblem[], channels: TemplateChannels): SubmissionCheck {
  const noTarget = !channels.whatsapp && !channels.sms;
  const blockers = problems.length + (noTarget ? 1 : 0);
  return { noTarget, blockers, canSubmit: blockers === 0 };
}
