import { useEffect, useState } from 'preact/hooks';
import { type Circle, listCircles } from '../api/circles';
import type { ApiError } from '../api/client';
import { loadMe, me } from '../auth/me';
import { CircleCards } from '../circles/CircleCards';
import { FormError } from '../components/FormError';
import { Page } from '../components/Page';
import { t } from '../i18n/i18n';

export default function Circles() {
  const [circles, setCircles] = useState<Circle[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  useEffect(() => {
    loadMe().catch(() => undefined);
    listCircles()
      .then(setCircles)
      .catch((err: ApiError) => setError(err));
  }, []);

  return (
    <Page title={t('Your circles')}>
      <FormError message={error?.detail} />
      {circles && circles.length === 0 && (
        <p class="lead">{t("You're not in a circle yet. Start one with the people you trust.")}</p>
      )}
      {circles && circles.length > 0 && <CircleCards circles={circles} myId={me.value?.id} />}
      {circles && (
        <a class="button" href="/circles/new">
          {t('Create a circle')}
        </a>
      )}
    </Page>
  );
}
