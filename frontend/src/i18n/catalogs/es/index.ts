/**
 * Shoulder in Spanish. Keys are the English source, exactly as written in the code; values
 * are written for someone on a hard day: warm and plain, "tú", never word for word.
 *
 * One file per area of the app, merged here into the one catalog that is loaded lazily (its
 * own chunk, fetched only when Spanish is chosen). `frontend/test/i18n.test.ts` fails when a
 * marked string has no entry, an entry nothing uses, placeholders differ, or one English
 * string has entries in two files (put a word shared by areas in `start.ts`).
 */
import type { Catalog } from '../../i18n';
import account from './account';
import checkins from './checkins';
import circles from './circles';
import crisis from './crisis';
import notes from './notes';
import start from './start';

export const PARTS: Record<string, Catalog> = { account, checkins, circles, crisis, notes, start };

const es: Catalog = Object.assign({}, ...Object.values(PARTS));

export default es;
