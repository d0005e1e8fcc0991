import { describe, expect, it } from 'vitest';
import { dateTimeFormatter } from '../../../src/ui/i18n/dateTimeFormat';

describe('dateTimeFormatter', () => {
  const first = Date.UTC(2026, 11, 1, 9, 5);
  const second = Date.UTC(2026, 11, 2, 9, 5);

  it('writes the first of the month as "1er" in French, and the other days as numbers', () => {
    expect(dateTimeFormatter('fr')(first)).toMatch(/^1er déc\. 2026/);
    expect(dateTimeFormatter('fr')(second)).toMatch(/^2 déc\. 2026/);
  });

  it('writes a long date of the first of the month as "1er janvier"', () => {
    expect(dateTimeFormatter('fr', { dateStyle: 'long', timeZone: 'UTC' })(Date.UTC(2026, 0, 1))).toBe('1er janvier 2026');
  });

  it('leaves English as Intl writes it', () => {
    expect(dateTimeFormatter('en')(first)).toBe(new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' }).format(first));
  });
});
