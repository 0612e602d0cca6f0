/** Home, reaching out, a session, answers and nudges (pages Home, ReachOut, Checkin, Nudge; src/checkins). */
import type { Catalog } from '../../i18n';

const checkins: Catalog = {};

export default checkins;
