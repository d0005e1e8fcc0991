import { minimumSendingSeconds } from '../sending/pacer';

/**
 * The least time a send takes at the configured pace (product brief: "honest ETA"): 300,000
 * recipients at 8 per second take at least about 10.5 hours (the pacer's second is 1,010 ms), which
 * the screen must say before the marketer starts. Only the pace: rate limits, retries, pauses and
 * quiet hours make the real send longer, never shorter, so the screens say "at least".
 */
export function estimateDuration(recipients: number, ratePerSecond: number): { seconds: number } {
  if (!(ratePerSecond > 0) || !Number.isFinite(ratePerSecond)) throw new RangeError(`The send rate must be a positive number of messages per second, not ${ratePerSecond}`);
  if (!(recipients >= 0)) throw new RangeError(`The number of recipients must be zero or more, not ${recipients}`);
  return { seconds: Math.ceil(minimumSendingSeconds(recipients, ratePerSecond)) };
}
