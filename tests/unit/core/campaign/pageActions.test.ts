import { describe, expect, it } from 'vitest';
import { campaignPageActions, sendingPlaces, startNowPlace, type CampaignPageFacts } from '../../../../src/core/campaign/pageActions';

const base: CampaignPageFacts = {
  status: 'paused',
  frozen: true,
  runner: { kind: 'idle' },
  stopping: false,
  schedule: undefined,
  unverified: 0,
  canSend: true,
  untrusted: false,
  sentFrom: 'browser',
  serviceConnected: false,
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

  it('pauses and cancels a campaign another tab or browser sends, through its record, and nothing else', () => {
    expect(offered({ status: 'running', runner: { kind: 'elsewhere', holder: 'Alex Martin (#1) · ab12', thisBrowser: false } })).toEqual(['pause', 'cancel']);
    expect(offered({ status: 'running', runner: { kind: 'elsewhere', holder: 'Alex Martin (#1) · ab12', thisBrowser: false }, canSend: false })).toEqual([]);
  });

  describe('the Herald service', () => {
    const byService = { kind: 'elsewhere', holder: 'Herald (#9) · Herald service host-1', thisBrowser: false, service: true } as const;

    it('pauses, cancels and takes back a campaign the service sends, even before it took it up', () => {
      expect(offered({ status: 'running', runner: byService, sentFrom: 'service', serviceConnected: true })).toEqual(['pause', 'cancel', 'moveToBrowser']);
      expect(offered({ status: 'running', runner: { ...byService, holder: undefined }, sentFrom: 'service', serviceConnected: true })).toEqual(['pause', 'cancel', 'moveToBrowser']);
      // The service stopped answering after its heartbeat: it can still be taken back.
      expect(offered({ status: 'running', runner: byService, sentFrom: 'service', serviceConnected: false })).toContain('moveToBrowser');
    });

    it('hands a campaign this tab sends to the service only while the service is connected', () => {
      expect(offered({ status: 'running', runner: { kind: 'here' }, serviceConnected: true })).toEqual(['pause', 'cancel', 'moveToService']);
      expect(offered({ status: 'running', runner: { kind: 'here' }, serviceConnected: false })).toEqual(['pause', 'cancel']);
      expect(offered({ status: 'running', runner: { kind: 'here' }, serviceConnected: true, stopping: true })).toEqual([]);
    });

    it('never moves a campaign another browser sends: only its own page can hand it over', () => {
      expect(offered({ status: 'running', runner: { kind: 'elsewhere', holder: 'Alex Martin (#1) · ab12', thisBrowser: false }, serviceConnected: true })).toEqual(['pause', 'cancel']);
    });

    it('changes the place of a scheduled campaign, to the service only while it is connected', () => {
      expect(offered({ status: 'scheduled', schedule: 'waiting', sentFrom: 'browser', serviceConnected: true })).toEqual(['cancel', 'startNow', 'moveToService']);
      expect(offered({ status: 'scheduled', schedule: 'waiting', sentFrom: 'browser', serviceConnected: false })).toEqual(['cancel', 'startNow']);
      expect(offered({ status: 'scheduled', schedule: 'waiting', sentFrom: 'service', serviceConnected: false })).toEqual(['cancel', 'startNow', 'moveToBrowser']);
      expect(offered({ status: 'scheduled', schedule: 'waiting', sentFrom: 'service', serviceConnected: true, untrusted: 'record' })).not.toContain('moveToBrowser');
    });

    it('offers nothing while a runner elsewhere told to pause still holds the campaign, then resumes it', () => {
      expect(offered({ status: 'paused', runnerStopping: true, serviceConnected: true, sentFrom: 'service' })).toEqual([]);
      expect(offered({ status: 'paused', runnerStopping: false, serviceConnected: true, sentFrom: 'service' })).toEqual(['cancel', 'resume']);
    });

    it('resumes a campaign the service left as any other, from this browser when the service is not connected', () => {
      expect(offered({ status: 'running', runner: { kind: 'interrupted' }, sentFrom: 'service', serviceConnected: false })).toEqual(['cancel', 'resume']);
      expect(sendingPlaces(false)).toEqual(['browser']);
      expect(sendingPlaces(true)).toEqual(['service', 'browser']);
    });

    it('starts now from the service a campaign scheduled for it while it is connected, else from this browser', () => {
      expect(startNowPlace('service', true)).toBe('service');
      expect(startNowPlace('service', false)).toBe('browser');
      expect(startNowPlace('browser', true)).toBe('browser');
    });
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
