/** Circles, invites, members, moments and notification settings (src/circles, pages Circle*, Invite, PersonMoments, NotificationSettings). */
import type { Catalog } from '../../i18n';

const circles: Catalog = {};

export default circles;
