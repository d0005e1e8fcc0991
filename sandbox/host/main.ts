import { byId } from './dom';
import { failure } from './pages/common';
import { sandboxClient } from './sandboxClient';
import { Workspace } from './workspace';

/** Entry point of the host page: load the sandbox's bootstrap data, then run the workspace. */
async function main(): Promise<void> {
  try {
    new Workspace(await sandboxClient.bootstrap()).start();
  } catch (error) {
    byId('page').replaceChildren(failure('the sandbox', error));
  }
}

void main();
