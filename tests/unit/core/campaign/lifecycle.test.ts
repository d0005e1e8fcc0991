import { describe, expect, it } from 'vitest';
import {
  allowedEvents,
  CAMPAIGN_EVENTS,
  CAMPAIGN_STATUSES,
  CAMPAIGN_TRANSITIONS,
  IllegalCampaignTransitionError,
  isActive,
  isEditable,
  isFinished,
  nextStatus,
  type CampaignEvent,
  type CampaignStatus,
} from '../../../../src/core/campaign/lifecycle';
import { CAMPAIGN_STATUSES as STORED_STATUSES } from '../../../../src/store/campaignModel';

/** The lifecycle written out by hand, independently of the table: every allowed move, and nothing else. */
const ALLOWED: ReadonlyArray<[CampaignStatus, CampaignEvent, CampaignStatus]> = [
  ['draft', 'schedule', 'scheduled'],
  ['draft', 'launch', 'running'],
  ['draft', 'cancel', 'cancelled'],
  ['scheduled', 'schedule', 'scheduled'],
  ['scheduled', 'unschedule', 'draft'],
  ['scheduled', 'hold', 'paused'],
  ['scheduled', 'launch', 'running'],
  ['scheduled', 'cancel', 'cancelled'],
  ['running', 'pause', 'paused'],
  ['running', 'complete', 'completed'],
  ['running', 'cancel', 'cancelled'],
  ['paused', 'resume', 'running'],
  ['paused', 'cancel', 'cancelled'],
];

describe('nextStatus', () => {
  it.each(ALLOWED)('%s + %s → %s', (status, event, next) => {
    expect(nextStatus(status, event)).toBe(next);
  });

  const refused = CAMPAIGN_STATUSES.flatMap((status) =>
    CAMPAIGN_EVENTS.filter((event) => !ALLOWED.some(([from, on]) => from === status && on === event)).map((event) => [status, event] as const),
  );

  it.each(refused)('%s + %s is refused, naming the transition', (status, event) => {
    let thrown: unknown;
    try {
      nextStatus(status, event);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(IllegalCampaignTransitionError);
    expect(thrown).toMatchObject({ status, event, message: `A ${status} campaign cannot ${event}` });
  });

  it('decides every (status, event) pair explicitly in the table', () => {
    expect(ALLOWED.length + refused.length).toBe(CAMPAIGN_STATUSES.length * CAMPAIGN_EVENTS.length);
    for (const status of CAMPAIGN_STATUSES) {
      expect(Object.keys(CAMPAIGN_TRANSITIONS[status]).sort(), status).toEqual([...CAMPAIGN_EVENTS].sort());
      for (const event of CAMPAIGN_EVENTS) {
        const next = CAMPAIGN_TRANSITIONS[status][event];
        expect(next === null || CAMPAIGN_STATUSES.includes(next), `${status} + ${event}`).toBe(true);
      }
    }
  });

  it('never leaves a finished campaign, so nothing is sent after completion or cancellation', () => {
    for (const status of ['completed', 'cancelled'] as const) expect(allowedEvents(status)).toEqual([]);
  });

  it('lets every unfinished campaign be cancelled', () => {
    for (const status of CAMPAIGN_STATUSES.filter((candidate) => !isFinished(candidate))) expect(nextStatus(status, 'cancel')).toBe('cancelled');
  });
});

describe('allowedEvents', () => {
  it('gives the actions to offer on each status', () => {
    expect(allowedEvents('draft')).toEqual(['schedule', 'launch', 'cancel']);
    expect(allowedEvents('running')).toEqual(['pause', 'complete', 'cancel']);
    expect(allowedEvents('paused')).toEqual(['resume', 'cancel']);
  });
});

describe('status helpers', () => {
  it('editable before anything is sent, finished when nothing more will be, active while sending', () => {
    const table = CAMPAIGN_STATUSES.map((status) => [status, isEditable(status), isFinished(status), isActive(status)]);
    expect(table).toEqual([
      ['draft', true, false, false],
      ['scheduled', true, false, false],
      ['running', false, false, true],
      ['paused', false, false, false],
      ['completed', false, true, false],
      ['cancelled', false, true, false],
    ]);
  });

  it('is the list of statuses the campaign store reads and writes', () => {
    expect(STORED_STATUSES).toEqual(CAMPAIGN_STATUSES);
    expect(STORED_STATUSES).toContain('scheduled');
  });
});
