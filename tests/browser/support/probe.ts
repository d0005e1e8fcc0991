import type { FrameLocator } from 'playwright-core';

/** Reads what the probe app (fixtures/probe-app) wrote into its page. */

const PROBE_FIELDS = [
  'context',
  'metadata',
  'current-user',
  'location-data',
  'unknown-path',
  'me',
  'secure-request',
  'outside-whitelist',
  'resize',
  'notify',
  'unknown-invoke',
  'host-messages',
] as const;

export type ProbeField = (typeof PROBE_FIELDS)[number];

/** A promise outcome as the probe records it. */
export interface Settled<T = unknown> {
  ok: boolean;
  value?: T;
  error?: { name?: string; message?: string; status?: number; responseText?: string };
}

export interface ProbeResults {
  context: { product: string; location: string; instanceGuid: string; account: { subdomain: string }; ticketId?: number; userId?: number };
  metadata: { appId: number; installationId: number; name: string; version: string; settings: Record<string, unknown> };
  'current-user': Settled<Record<string, unknown>>;
  'location-data': Settled<Record<string, unknown>> | undefined;
  'unknown-path': Settled;
  me: Settled<{ user?: { id: number; name: string } }>;
  'secure-request': Settled<{ status: number }>;
  'outside-whitelist': Settled;
  resize: Settled;
  notify: Settled;
  'unknown-invoke': Settled;
  /** Every message the host posted to the probe, as received. */
  'host-messages': string[];
  activations: number;
}

/** Waits until the probe has run all its calls, then parses its results. */
export async function readProbe(frame: FrameLocator): Promise<ProbeResults> {
  await frame.locator('#status', { hasText: 'done' }).waitFor({ timeout: 20_000 });
  const results: Record<string, unknown> = {};
  for (const field of PROBE_FIELDS) {
    const text = (await frame.locator(`#${field}`).textContent()) ?? '';
    results[field] = text === '' ? undefined : (JSON.parse(text) as unknown);
  }
  results.activations = Number(await frame.locator('#activations').textContent());
  return results as unknown as ProbeResults;
}
