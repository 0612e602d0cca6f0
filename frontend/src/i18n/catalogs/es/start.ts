/** Signing up and in, verifying, the app shell, shared components and the PWA (install, push, offline). */
import type { Catalog } from '../../i18n';

const start: Catalog = {};

export default start;
