/**
 * Meta refuses newlines, tabs and more than 4 consecutive spaces in parameter values: both in the
 * samples given at creation and in the values sent with each message. Campaigns reuse this check
 * on mapped values before sending, rather than learning it from a failed message.
 */
export const PARAMETER_VALUE_PROBLEMS = ['newline', 'tab', 'spaces'] as const;
export type ParameterValueProblem = (typeof PARAMETER_VALUE_PROBLEMS)[number];

/** Meta's limit is on spaces in a row: four are fine, five are refused. */
export const MAX_CONSECUTIVE_SPACES = 4;

export function parameterValueProblem(value: string): ParameterValueProblem | undefined {
  if (/[\r\n\u2028\u2029]/.test(value)) return 'newline';
  if (value.includes('\t')) return 'tab';
  if (value.includes(' '.repeat(MAX_CONSECUTIVE_SPACES + 1))) return 'spaces';
  return undefined;
}
