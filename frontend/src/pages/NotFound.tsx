import { Page } from '../components/Page';
import { t } from '../i18n/i18n';

export default function NotFound() {
  return (
    <Page title={t('Page not found')} heading={t("We couldn't find that page")}>
      <p>{t('The link may be old or mistyped.')}</p>
      <a class="button" href="/">
        {t("Go to Shoulder's home")}
      </a>
    </Page>
  );
}
