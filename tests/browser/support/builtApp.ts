import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The built app the browser tests load: `dist/`, or `HERALD_DIST` when the build was made there. */
export const BUILT_APP_DIR = process.env.HERALD_DIST
  ? path.resolve(process.env.HERALD_DIST)
  : path.resolve(fileURLToPath(new URL('.', import.meta.url)), '../../../dist');
