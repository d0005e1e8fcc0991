/**
 * The typed confirmation before a large send: the person launching types the number of recipients,
 * which proves they read it (a click on "Launch" proves nothing). The threshold comes from the
 * settings; 0 asks every time, for teams that want the check on every campaign.
 */

export function needsTypedConfirmation(recipientCount: number, threshold: number): boolean {
  return threshold <= 0 || recipientCount > threshold;
}

/**
 * Thousands as people type them: digits only ("2000"), or groups of three after a first group of
 * one to three digits, all with the same separator: "," (English), "." (several European
 * conventions), a space, a no-break space or a narrow no-break space (French, as `Intl` writes it,
 * and as a copy of the number shown on screen pastes it). A mix ("2,000.000") or a group of another
 * length ("20,00") is refused: it is not how anyone writes the number, so it may be another one.
 */
const GROUPED = /^\d{1,3}(?:([,. \u00A0\u202F])\d{3})(?:\1\d{3})*$/;
const PLAIN = /^\d+$/;

/** True when `input` is `recipientCount`, written with or without thousands separators. */
export function typedCountMatches(input: string, recipientCount: number): boolean {
  // trim() takes away every Unicode space, the no-break ones included.
  const text = input.trim();
  if (!PLAIN.test(text) && !GROUPED.test(text)) return false;
  const digits = text.replace(/\D/g, '');
  // Compared as text: a number beyond 2^53 typed by mistake must not round to the count.
  return digits.replace(/^0+(?=\d)/, '') === String(recipientCount);
}
