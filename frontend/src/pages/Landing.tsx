import { LanguagePicker } from '../account/LanguagePicker';
import { Page } from '../components/Page';
import { t } from '../i18n/i18n';
import './Landing.css';

/**
 * Home for someone this device has never seen signed in: what Shoulder is, and sign up
 * first. Part of the first bundle (not a lazy page), so it paints with the shell at once.
 */
export function Landing() {
  return (
    <Page title={t('Welcome')} heading={t('Friends who show up when you cry')}>
      <p class="lead">
        {t(
          'Shoulder is for a small circle of trusted friends. When one of you needs the others, you reach out in two taps, and they answer with one.',
        )}
      </p>
      <ul class="landing-points">
        <li>{t("Say how you'd like them there: come over, call, text, or just sit with you.")}</li>
        <li>{t('No need to explain. Nobody is trying to fix anything.')}</li>
        <li>{t('Only the people you invite. No feed, no strangers.')}</li>
      </ul>
      <div class="actions">
        <a class="button" href="/signup">
          {t('Sign up')}
        </a>
        <a class="button button--quiet" href="/login">
          {t('Log in')}
        </a>
      </div>
      <p class="muted landing-invite">{t('Got an invite from a friend? Open their link to join their circle.')}</p>
      <LanguagePicker beforeSignIn />
    </Page>
  );
}
