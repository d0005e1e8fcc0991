import { describe, expect, it } from 'vitest';
import { isServiceHolder, leaseHolderAgent, runPresence, stoppingElsewhere, type RunPresenceInput } from '../../../../src/core/campaign/runPresence';

const NOW = Date.UTC(2026, 5, 1, 12, 0);
const OWN = 'Alex Martin (#1) · aaaa1111';
const OTHER_TAB = 'Alex Martin (#1) · bbbb2222';
const OTHER_AGENT = 'Samira Haddad (#2) · cccc3333';

const running = (changes: Partial<RunPresenceInput> = {}): RunPresenceInput => ({
  status: 'running',
  lease: null,
  now: NOW,
  sendingHere: false,
  ownHolder: OWN,
  lockedInThisBrowser: false,
  ...changes,
});

describe('runPresence', () => {
  it('says this tab sends the campaign while its runner does, whatever the record says', () => {
    expect(runPresence(running({ sendingHere: true, lease: { holder: OTHER_AGENT, expiresAt: NOW + 20_000 }, lockedInThisBrowser: true }))).toEqual({ kind: 'here' });
  });

  it('says nothing of a campaign that is not running, whatever lease is left on it', () => {
    for (const status of ['draft', 'scheduled', 'paused', 'completed', 'cancelled'] as const) {
      expect(runPresence(running({ status, lease: { holder: OTHER_AGENT, expiresAt: NOW + 20_000 } }))).toEqual({ kind: 'idle' });
    }
  });

  it('shows a running campaign with no lease, or an expired one, as interrupted', () => {
    expect(runPresence(running())).toEqual({ kind: 'interrupted' });
    expect(runPresence(running({ lease: { holder: OTHER_AGENT, expiresAt: NOW } }))).toEqual({ kind: 'interrupted' });
    expect(runPresence(running({ lease: { holder: OTHER_AGENT, expiresAt: NOW - 1 }, lockedInThisBrowser: undefined }))).toEqual({ kind: 'interrupted' });
  });

  it('shows a live lease of another tab, browser or agent as sent elsewhere, by its holder', () => {
    expect(runPresence(running({ lease: { holder: OTHER_AGENT, expiresAt: NOW + 1 } }))).toEqual({ kind: 'elsewhere', holder: OTHER_AGENT, thisBrowser: false });
    expect(runPresence(running({ lease: { holder: OTHER_TAB, expiresAt: NOW + 20_000 }, lockedInThisBrowser: undefined }))).toEqual({
      kind: 'elsewhere',
      holder: OTHER_TAB,
      thisBrowser: false,
    });
  });

  it('says another tab of this browser sends it when that tab holds the lock, even before its lease is written', () => {
    expect(runPresence(running({ lease: { holder: OTHER_TAB, expiresAt: NOW + 20_000 }, lockedInThisBrowser: true }))).toEqual({
      kind: 'elsewhere',
      holder: OTHER_TAB,
      thisBrowser: true,
    });
    expect(runPresence(running({ lockedInThisBrowser: true }))).toEqual({ kind: 'elsewhere', holder: undefined, thisBrowser: true });
  });

  it('offers to resume at once after a reload: the lease names this tab and no tab of this browser holds the lock', () => {
    expect(runPresence(running({ lease: { holder: OWN, expiresAt: NOW + 29_000 } }))).toEqual({ kind: 'interrupted' });
  });

  it('does not take this tab’s session for proof when another tab holds the lock (a duplicated tab) or when the locks cannot be read', () => {
    expect(runPresence(running({ lease: { holder: OWN, expiresAt: NOW + 29_000 }, lockedInThisBrowser: true }))).toEqual({ kind: 'elsewhere', holder: OWN, thisBrowser: true });
    expect(runPresence(running({ lease: { holder: OWN, expiresAt: NOW + 29_000 }, lockedInThisBrowser: undefined }))).toEqual({ kind: 'elsewhere', holder: OWN, thisBrowser: false });
  });

  describe('the Herald service', () => {
    const SERVICE = 'Herald (#9) · Herald service host-1';

    it('knows the service by the session of its lease, whatever the agent is called', () => {
      expect(isServiceHolder(SERVICE)).toBe(true);
      expect(isServiceHolder('Herald service (#3) · aaaa1111')).toBe(false);
      expect(isServiceHolder(OTHER_AGENT)).toBe(false);
    });

    it('says the service sends a campaign whose lease it holds', () => {
      expect(runPresence(running({ lease: { holder: SERVICE, expiresAt: NOW + 20_000 }, sentFrom: 'service' }))).toEqual({ kind: 'elsewhere', holder: SERVICE, thisBrowser: false, service: true });
    });

    it('counts a campaign for the connected service as sent by it before it takes it up, as interrupted once the service is gone', () => {
      expect(runPresence(running({ sentFrom: 'service', serviceConnected: true }))).toEqual({ kind: 'elsewhere', holder: undefined, thisBrowser: false, service: true });
      expect(runPresence(running({ lease: { holder: SERVICE, expiresAt: NOW - 1 }, sentFrom: 'service', serviceConnected: false }))).toEqual({ kind: 'interrupted' });
      expect(runPresence(running({ sentFrom: 'browser', serviceConnected: true }))).toEqual({ kind: 'interrupted' });
    });

    it('shows as interrupted when the service instance that held it died: its heartbeat may still be fresh, but nobody took the lapsed lease up', () => {
      // Lapsed moments ago: another instance takes it up within a scan.
      expect(runPresence(running({ lease: { holder: SERVICE, expiresAt: NOW - 5_000 }, sentFrom: 'service', serviceConnected: true }))).toMatchObject({ kind: 'elsewhere', service: true });
      // Lapsed half a minute ago and still nobody: a browser may resume it.
      expect(runPresence(running({ lease: { holder: SERVICE, expiresAt: NOW - 30_000 }, sentFrom: 'service', serviceConnected: true }))).toEqual({ kind: 'interrupted' });
    });

    it('names the agent of a lease without their Zendesk id or the session', () => {
      expect(leaseHolderAgent('Alex Martin (#1) · tab-3f2a')).toBe('Alex Martin');
      expect(leaseHolderAgent(SERVICE)).not.toMatch(/#\d/);
    });

    it('says who still has to stop a campaign paused or cancelled from elsewhere, until its lease is let go', () => {
      const paused = { status: 'paused' as const, now: NOW, sendingHere: false, ownHolder: OWN };
      expect(stoppingElsewhere({ ...paused, lease: { holder: SERVICE, expiresAt: NOW + 25_000 } })).toBe(SERVICE);
      expect(stoppingElsewhere({ ...paused, status: 'cancelled', lease: { holder: SERVICE, expiresAt: NOW + 25_000 } })).toBe(SERVICE);
      expect(stoppingElsewhere({ ...paused, lease: null })).toBeUndefined();
      expect(stoppingElsewhere({ ...paused, lease: { holder: SERVICE, expiresAt: NOW - 1 } })).toBeUndefined();
      expect(stoppingElsewhere({ ...paused, status: 'running', lease: { holder: SERVICE, expiresAt: NOW + 25_000 } })).toBeUndefined();
      expect(stoppingElsewhere({ ...paused, lease: { holder: OWN, expiresAt: NOW + 25_000 } })).toBeUndefined();
    });
  });
});
