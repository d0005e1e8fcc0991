import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { createConfig } from '../../emulator/config';
import en from '../../translations/en.json';

/** What a newcomer reads to set the sandbox up by hand, checked against what the emulator accepts. */

async function section(title: string): Promise<string> {
  const readme = await readFile(new URL('../../README.md', import.meta.url), 'utf8');
  const start = readme.indexOf(`### ${title}\n`);
  expect(start, `README has a "${title}" section`).toBeGreaterThanOrEqual(0);
  const end = readme.indexOf('\n#', start + title.length + 5);
  return readme.slice(start, end === -1 ? undefined : end);
}

describe('README', () => {
  it("gives the emulator's Conversations API app ID, key ID and secret for the first-time setup, under the settings' own labels", async () => {
    const setup = await section('First-time setup in the sandbox');
    const { appId, keyId, keySecret } = createConfig().sunshine;
    // The key ID and secret are typed in Herald's own Settings form, which computes the credential.
    const key = en.settings.form.key;
    for (const [label, value] of [
      [en.app.parameters.sunco_app_id.label, appId],
      [key.sunco_key_id.label, keyId],
      [key.sunco_key_secret.label, keySecret],
    ]) {
      expect(setup).toContain(`| ${label} | \`${value}\` |`);
    }
  });

  it('says where the faults are set, and what they are', async () => {
    const faults = await section('Faults in the sandbox');
    for (const words of ['Admin page', 'undeliverable', '429', '5xx', '/__sandbox/faults']) expect(faults).toContain(words);
  });

  it('says the service runs with the sandbox, on which port, and what the Phones view is', async () => {
    const hearing = await section('The Herald service and the Phones view in the sandbox');
    for (const words of ['npm start', 'HERALD_SERVICE_PORT', '4570', '#/phones', 'STOP', '/__sandbox/phones/reply', 'Herald service: connected']) expect(hearing).toContain(words);
  });
});
