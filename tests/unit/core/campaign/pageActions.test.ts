import { describe, expect, it } from 'vitest';
import { campaignPageActions, type CampaignPageFacts } from '../../../../src/core/campaign/pageActions';

const base: CampaignPageFacts = {
  status: 'paused',
  frozen: true,
  runner: { kind: 'idle' },
  stopping: false,
  schedule: undefined,
  unverified: 0,
  canSend: true,
  untrusted: false,
};
const offered = (facts: Partial<CampaignPageFacts>) =>
  Object.entries(campaignPageActions({ ...base, ...facts }))
    .filter(([, yes]) => yes)
    .map(([action]) => action);

describe('what a campaign page offers', () => {
  it('pauses and cancels the campaign this tab sends, and nothing once it is stopping', () => {
    expect(offered({ status: 'running', runner: { kind: 'here' } })).toEqual(['pause', 'cancel']);
    expect(offered({ status: 'running', runner: { kind: 'here' }, stopping: true })).toEqual([]);
  });

  it('resumes a paused campaign and one nobody sends any more, and cancels them', () => {
    expect(offered({ status: 'paused' })).toEqual(['cancel', 'resume']);
    expect(offered({ status: 'running', runner: { kind: 'interrupted' } })).toEqual(['cancel', 'resume']);
  });

  it('offers nothing but watching while another tab or browser sends it', () => {
    expect(offered({ status: 'running', runner: { kind: 'elsewhere', holder: 'Alex Martin (#1) · ab12', thisBrowser: false } })).toEqual([]);
  });

  it('launches a frozen follow-up, and starts a scheduled campaign now', () => {
    expect(offered({ status: 'draft' })).toEqual(['cancel', 'launchFollowUp']);
    expect(offered({ status: 'scheduled', schedule: 'waiting' })).toEqual(['cancel', 'startNow']);
    expect(offered({ status: 'scheduled', schedule: 'stale' })).toEqual(['cancel', 'startNow']);
  });

  it('sends the unverified again on resume or in a follow-up, never while it runs or before it starts', () => {
    expect(offered({ status: 'paused', unverified: 3 })).toContain('resendUnverified');
    expect(offered({ status: 'completed', unverified: 3 })).toEqual(['resendUnverified']);
    expect(offered({ status: 'cancelled', unverified: 3 })).toEqual(['resendUnverified']);
    expect(offered({ status: 'running', runner: { kind: 'interrupted' }, unverified: 3 })).not.toContain('resendUnverified');
    expect(offered({ status: 'scheduled', schedule: 'due', unverified: 3 })).not.toContain('resendUnverified');
  });

  it('offers nothing on a finished campaign without doubt', () => {
    expect(offered({ status: 'completed' })).toEqual([]);
    expect(offered({ status: 'cancelled' })).toEqual([]);
  });

  it('explains the missing right instead of offering actions to someone who may not send', () => {
    expect(offered({ status: 'paused', canSend: false })).toEqual(['explainNoRight']);
    expect(offered({ status: 'scheduled', schedule: 'due', canSend: false })).toEqual(['explainNoRight']);
    expect(offered({ status: 'running', runner: { kind: 'here' }, canSend: false })).toEqual([]);
    expect(offered({ status: 'completed', canSend: false, unverified: 2 })).toEqual([]);
  });

  it('offers only cancelling, or accepting the change, on a campaign last changed by someone without the right to launch it', () => {
    expect(offered({ status: 'scheduled', schedule: 'due', untrusted: 'record' })).toEqual(['cancel', 'acceptChange']);
    expect(offered({ status: 'paused', untrusted: 'record', unverified: 4 })).toEqual(['cancel', 'acceptChange']);
    expect(offered({ status: 'running', runner: { kind: 'interrupted' }, untrusted: 'record' })).toEqual(['cancel', 'acceptChange']);
    expect(offered({ status: 'paused', untrusted: 'record', canSend: false })).toEqual(['explainNoRight']);
    // A finished campaign a change reopened is not reopened by accepting it.
    expect(offered({ status: 'paused', untrusted: 'record', finishedAt: Date.UTC(2026, 11, 1) })).toEqual(['cancel']);
  });

  it('offers only cancelling when what was frozen at launch was changed: nobody can accept that', () => {
    expect(offered({ status: 'paused', untrusted: 'frozen', unverified: 4 })).toEqual(['cancel']);
    expect(offered({ status: 'scheduled', schedule: 'due', untrusted: 'frozen' })).toEqual(['cancel']);
    expect(offered({ status: 'running', runner: { kind: 'interrupted' }, untrusted: 'frozen' })).toEqual(['cancel']);
    expect(offered({ status: 'paused', untrusted: 'frozen', canSend: false })).toEqual(['explainNoRight']);
  });
});
