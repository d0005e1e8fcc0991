import { describe, expect, it } from 'vitest';
import { runPresence, type RunPresenceInput } from '../../../../src/core/campaign/runPresence';

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
});
