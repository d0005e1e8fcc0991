import { CustomObjectsClient } from '../api/zendesk/customObjects';
import { missingHeraldObjects, setUpHeraldObjects, type MissingPiece, type SetupReport } from '../store/setup';
import type { AppContext } from './context';
import { requireRight, type RightsContext } from './rights';

/** Herald's custom objects: what is missing, and the one-click setup (idempotent). Zendesk lets only admins create objects. */

export function missingPieces(context: Pick<AppContext, 'transport'>): Promise<MissingPiece[]> {
  return missingHeraldObjects(new CustomObjectsClient(context.transport));
}

export async function setUpHerald(context: Pick<AppContext, 'transport'> & RightsContext): Promise<SetupReport> {
  requireRight(context, 'admin', 'set-up');
  return setUpHeraldObjects(new CustomObjectsClient(context.transport));
}
