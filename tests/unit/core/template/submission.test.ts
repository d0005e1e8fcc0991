import { describe, expect, it } from 'vitest';
import { checkSubmission } from '../../../../src/core/template/submission';
import type { TemplateProblem } from '../../../../src/core/template/rules';

const problem: TemplateProblem = { rule: 'body-required', field: 'body', vars: {} };

describe('checkSubmission', () => {
  it('lets a valid draft with a target through', () => {
    expect(checkSubmission([], { whatsapp: true, sms: false })).toEqual({ noTarget: false, blockers: 0, canSubmit: true });
    expect(checkSubmission([], { whatsapp: false, sms: true }).canSubmit).toBe(true);
  });

  it('blocks a draft without target, and counts it with the problems', () => {
    expect(checkSubmission([], { whatsapp: false, sms: false })).toEqual({ noTarget: true, blockers: 1, canSubmit: false });
    expect(checkSubmission([problem, problem], { whatsapp: false, sms: false })).toEqual({ noTarget: true, blockers: 3, canSubmit: false });
    expect(checkSubmission([problem], { whatsapp: true, sms: true })).toEqual({ noTarget: false, blockers: 1, canSubmit: false });
  });
});
