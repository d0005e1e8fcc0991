/**
 * The moments an API asked not to be sent to: one window [refusal, refusal + Retry-After] per 429.
 * The pacer is judged on what it sends outside them (the sending bench, the pacer's tests).
 */
export type RetryAfterWindow = readonly [from: number, to: number];

/**
 * Sends a second outside the Retry-After windows, between the first send and the last, against
 * the target: 1 when the engine sends at the full rate whenever the API lets it.
 */
export function shareOutsideWindows(sendTimes: readonly number[], windows: readonly RetryAfterWindow[], target: number): number {
  const [first, last] = [sendTimes[0]!, sendTimes.at(-1)!];
  const merged = mergeWindows(windows.map(([from, to]) => [Math.max(first, from), Math.min(last, to)] as const).filter(([from, to]) => to > from));
  const heldMs = merged.reduce((sum, [from, to]) => sum + (to - from), 0);
  const outside = sendTimes.filter((time) => !merged.some(([from, to]) => time >= from && time < to)).length;
  return outside / ((last - first - heldMs) / 1000) / target;
}

function mergeWindows(windows: readonly RetryAfterWindow[]): Array<[number, number]> {
  const merged: Array<[number, number]> = [];
  for (const [from, to] of [...windows].sort((a, b) => a[0] - b[0])) {
    const previous = merged.at(-1);
    if (previous && from <= previous[1]) previous[1] = Math.max(previous[1], to);
    else merged.push([from, to]);
  }
  return merged;
}
