import type { Translate } from '../i18n/messages';

/** "3 h 25 min", "12 min", "40 s": how long a send takes at its rate. */
export function formatDuration(totalSeconds: number, t: Translate): string {
  const seconds = Math.max(0, Math.ceil(totalSeconds));
  if (seconds < 60) return t('duration.seconds', { seconds });
  const minutes = Math.ceil(seconds / 60);
  if (minutes < 60) return t('duration.minutes', { minutes });
  const hours = Math.floor(minutes / 60);
  return t('duration.hoursMinutes', { hours, minutes: String(minutes % 60).padStart(2, '0') });
}

/** "at least 3 h 25 min": the plan's sending time, which rate limits, retries and quiet hours only lengthen. */
export function formatMinimumDuration(totalSeconds: number, t: Translate): string {
  return t('duration.atLeast', { duration: formatDuration(totalSeconds, t) });
}
