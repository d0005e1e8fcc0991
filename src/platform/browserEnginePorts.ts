import type { EnginePorts } from '../app/campaigns/engine';
import { IndexedDbJournal } from './indexedDbJournal';
import { TabLockedLease } from './tabLockedLease';
import { tabSessionId } from './tabSession';
import { createWorkerClock } from './workerClock';

/**
 * What a browser tab adds to the sending engine: a Worker clock (a hidden tab keeps its pace), a Web
 * Lock around the campaign's lease (one runner per campaign among this browser's tabs), this
 * browser's IndexedDB journal of the sends in flight, and the tab's session in the lease.
 */
export function browserEnginePorts(otherTabLabel: string): EnginePorts {
  return {
    clock: createWorkerClock,
    sessionId: tabSessionId(),
    guardLease: (campaignId, lease) => new TabLockedLease(campaignId, lease, otherTabLabel),
    journal: (campaignId) => (typeof indexedDB === 'undefined' ? undefined : new IndexedDbJournal(campaignId)),
  };
}
