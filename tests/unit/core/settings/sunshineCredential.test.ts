import { describe, expect, it } from 'vitest';
import { sunshineCredential } from '../../../../src/core/settings/sunshineCredential';

describe('the Conversations API credential an admin saves', () => {
  it('is the Basic credentials Sunshine expects: base64 of keyId:secret, the typed key trimmed', () => {
    const result = sunshineCredential(' app_5f0c1a ', 'Zq8-x_Yw/7+k= \n');
    expect(result).toEqual({ ok: true, credential: Buffer.from('app_5f0c1a:Zq8-x_Yw/7+k=').toString('base64') });
  });

  it('names each missing half', () => {
    expect(sunshineCredential('', '  ')).toEqual({
      ok: false,
      problems: [
        { part: 'keyId', problem: 'missing' },
        { part: 'secret', problem: 'missing' },
      ],
    });
  });

  it('refuses, without throwing, a key copied with characters no key has, and a colon in the key ID', () => {
    // btoa throws on anything outside Latin-1; a non-breaking space or a typographic quote is a copy gone wrong.
    expect(sunshineCredential('app_1', 'secret☕')).toEqual({ ok: false, problems: [{ part: 'secret', problem: 'not-a-key' }] });
    expect(sunshineCredential('app\u00a01', '‘abc’')).toEqual({
      ok: false,
      problems: [
        { part: 'keyId', problem: 'not-a-key' },
        { part: 'secret', problem: 'not-a-key' },
      ],
    });
    // A colon in the key ID would move the split between the two halves of the credentials.
    expect(sunshineCredential('app:1', 'abc')).toEqual({ ok: false, problems: [{ part: 'keyId', problem: 'not-a-key' }] });
  });
});
