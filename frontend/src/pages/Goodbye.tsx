import { useEffect } from 'preact/hooks';
import { auth } from '../auth/state';
import { Page } from '../components/Page';
import { t } from '../i18n/i18n';

export default function Goodbye() {
  useEffect(() => {
    // The account and its sessions are gone; this device is signed out too.
    if (auth.value.status === 'authenticated') auth.value = { status: 'anonymous', user: null, pending: [] };
  }, []);
  return (
    <Page title={t('Goodbye')} heading={t('Your account is deleted')}>
      <p class="lead">{t('Everything you wrote is gone. Thank you for being there for your friends.')}</p>
      <p>{t("If you ever want to come back, you're welcome to sign up again.")}</p>
      <a class="button button--quiet" href="/crisis">
        {t('Need help right now?')}
      </a>
    </Page>
  );
}
