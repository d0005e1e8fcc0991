/**
 * The Conversations API key as Zendesk keeps it for Herald: one secure setting holding
 * `base64(keyId:secret)`, scoped `header`, which Herald's requests send as
 * `Authorization: Basic {{setting.sunco_credential}}`. Zendesk documents the substitution of a
 * secure setting as plain string replacement, so the value must already be the Basic credential:
 * Herald's Settings page computes it here from the key ID and secret an admin types (nobody encodes
 * anything by hand), and an admin who prefers Admin Center pastes the same value there.
 */

/** The manifest parameter holding the credential (no word of Zendesk's secret-keyword list in it). */
export const CREDENTIAL_SETTING = 'sunco_credential';

/** Which half of the key is wrong, and how. */
export type CredentialProblem = { part: 'keyId' | 'secret'; problem: 'missing' | 'not-a-key' };

export type CredentialResult = { ok: true; credential: string } | { ok: false; problems: CredentialProblem[] };

// What Admin Center shows for a key: printable ASCII, no spaces. Anything else is a copy that went
// wrong (a non-breaking space, a typographic quote), and `btoa` would throw on it anyway.
const KEY_TEXT = /^[\x21-\x7e]+$/;

/**
 * The credential for a key ID and secret, or what is wrong with them. A key ID holding `:` could not
 * be told from the secret in Basic credentials (RFC 7617), so it is refused too.
 */
export function sunshineCredential(keyId: string, secret: string): CredentialResult {
  const problems: CredentialProblem[] = [];
  const id = keyId.trim();
  const key = secret.trim();
  if (id === '') problems.push({ part: 'keyId', problem: 'missing' });
  else if (!KEY_TEXT.test(id) || id.includes(':')) problems.push({ part: 'keyId', problem: 'not-a-key' });
  if (key === '') problems.push({ part: 'secret', problem: 'missing' });
  else if (!KEY_TEXT.test(key)) problems.push({ part: 'secret', problem: 'not-a-key' });
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, credential: btoa(`${id}:${key}`) };
}
