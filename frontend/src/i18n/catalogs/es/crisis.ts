/** The crisis page and its resources (src/crisis, page Crisis). */
import type { Catalog } from '../../i18n';

const crisis: Catalog = {};

export default crisis;
