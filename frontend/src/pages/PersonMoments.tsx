import { useCallback, useEffect, useState } from 'preact/hooks';
import { Timeline } from '../aftermath/Timeline';
import { personName } from '../aftermath/words';
import { listPersonMoments } from '../api/aftermath';
import { listCircles } from '../api/circles';
import type { ApiError } from '../api/client';
import { loadMe, me } from '../auth/me';
import { Page } from '../components/Page';
import { t } from '../i18n/i18n';
import type { PageProps } from '../routes';

/** "Moments with <name>": the times both of us were there, with the notes I may read. */
export default function PersonMoments({ params }: PageProps) {
  const id = params.id ?? '';
  const [name, setName] = useState<string | null>(null);
  const [gone, setGone] = useState<ApiError | null>(null);
  const load = useCallback((next?: string | null) => listPersonMoments(id, next), [id]);

  useEffect(() => {
    loadMe().catch(() => undefined);
    setGone(null);
    // Their name comes from the circles we share (the API has no person endpoint to ask).
    listCircles()
      .then((circles) => setName(personName(circles, id)))
      .catch(() => setName(null));
  }, [id]);

  if (gone) {
    return (
      <Page title={t('Moments')} heading={t("We couldn't find this person")}>
        <p>{t('You may no longer share a circle with them.')}</p>
        <a class="button" href="/">
          {t('Go home')}
        </a>
      </Page>
    );
  }

  const title = name ? t('Moments with {name}', { name }) : t('Moments together');
  return (
    <Page title={title}>
      <Timeline
        load={load}
        myId={me.value?.id}
        showCircle
        onNotFound={setGone}
        empty={
          <p>
            {t(
              'Nothing here yet. When the two of you have been there together, the notes written afterwards will gather here.',
            )}
          </p>
        }
      />
    </Page>
  );
}
