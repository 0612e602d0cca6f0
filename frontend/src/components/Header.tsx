import { t } from '../i18n/i18n';
import { Mark } from './Mark';

export function Header() {
  return (
    <header class="topbar">
      <a class="brand" href="/">
        <Mark />
        <span>Shoulder</span>
      </a>
      <a class="help-link" href="/crisis">
        {t('Need help right now?')}
      </a>
    </header>
  );
}
