/** Aftermath notes (src/aftermath, page CheckinNotes). */
import type { Catalog } from '../../i18n';

const notes: Catalog = {};

export default notes;
