import { describe, expect, it } from 'vitest';
import { checkListEntry } from '../../../src/core/audience/listEntry';

describe('checkListEntry', () => {
  it('accepts a user id, a phone in national format with the default country, or both', () => {
    expect(checkListEntry({ userId: ' 1042 ', phone: '' }, 'FR')).toEqual({ ok: true, userId: 1042, phone: null });
    expect(checkListEntry({ userId: '', phone: '06 12 34 56 78' }, 'FR')).toEqual({ ok: true, userId: null, phone: '+33612345678' });
    expect(checkListEntry({ userId: '7', phone: '+1 202 555 0188' }, undefined)).toEqual({ ok: true, userId: 7, phone: '+12025550188' });
  });

  it('names each problem', () => {
    expect(checkListEntry({ userId: '', phone: ' ' }, 'FR')).toEqual({ ok: false, problems: ['no-identifier'] });
    expect(checkListEntry({ userId: '12a', phone: '' }, 'FR')).toEqual({ ok: false, problems: ['invalid-user-id'] });
    expect(checkListEntry({ userId: '0', phone: '' }, 'FR')).toEqual({ ok: false, problems: ['invalid-user-id'] });
    expect(checkListEntry({ userId: '12a', phone: '123' }, 'FR')).toEqual({ ok: false, problems: ['invalid-user-id', 'invalid-phone'] });
    expect(checkListEntry({ userId: '', phone: '06 12 34 56 78' }, undefined)).toEqual({ ok: false, problems: ['invalid-phone'] });
  });
});
