import { HttpError } from '../api/transport/errors';

/** Herald's custom objects are not set up yet: an admin must run the setup in Settings. */
export class HeraldObjectsMissingError extends Error {
  override name = 'HeraldObjectsMissingError';

  constructor(readonly objectKey: string) {
    super(`The custom object ${objectKey} does not exist yet`);
  }
}

/**
 * Runs work on one of Herald's custom objects; a 404 means the object does not exist yet (every
 * record and job call on a missing object answers 404), which the UI turns into "run the setup".
 */
export async function onHeraldObject<T>(objectKey: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof HttpError && error.status === 404) throw new HeraldObjectsMissingError(objectKey);
    throw error;
  }
}
