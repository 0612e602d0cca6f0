import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import { Timeline } from '../aftermath/Timeline';
import { listCircleMoments } from '../api/aftermath';
import { type Circle, getCircle } from '../api/circles';
import type { ApiError } from '../api/client';
import { loadMe, me } from '../auth/me';
import { Page } from '../components/Page';
import { t } from '../i18n/i18n';
import type { PageProps } from '../routes';

/** "Our moments": a circle's times together that are over, with the notes I may read. */
export default function CircleMoments({ params }: PageProps) {
  const id = params.id ?? '';
  const [circle, setCircle] = useState<Circle | null>(null);
  const [gone, setGone] = useState<ApiError | null>(null);
  const load = useCallback((next?: string | null) => listCircleMoments(id, next), [id]);

  useEffect(() => {
    loadMe().catch(() => undefined);
    setGone(null);
    getCircle(id)
      .then(setCircle)
      .catch(() => setCircle(null));
  }, [id]);

  const owned = useMemo(() => new Set(circle?.my_role === 'owner' ? [circle.id] : []), [circle?.id, circle?.my_role]);

  if (gone) {
    return (
      <Page title={t('Our moments')} heading={t("We couldn't find that circle")}>
        <p>{t('You may have left it, or its owner closed it.')}</p>
        <a class="button" href="/">
          {t('Go home')}
        </a>
      </Page>
    );
  }

  const myId = me.value?.id;
  const others = circle?.members.filter((m) => m.user.id !== myId) ?? [];
  return (
    <Page title={t('Our moments')}>
      {circle && (
        <p class="lead">{t('The times you were there for each other in {circle}.', { circle: circle.name })}</p>
      )}
      <Timeline
        load={load}
        myId={myId}
        onNotFound={setGone}
        ownedCircles={owned}
        empty={
          <p>
            {t(
              "Nothing here yet. After you've been there for each other, the notes you write afterwards will gather here — a quiet record of showing up.",
            )}
          </p>
        }
      />
      {myId && others.length > 0 && (
        <nav class="links" aria-label={t('Moments with one person')}>
          {others.map((m) => (
            <a key={m.user.id} href={`/people/${encodeURIComponent(m.user.id)}/moments`}>
              {t('Moments with {name}', { name: m.user.display_name })}
            </a>
          ))}
        </nav>
      )}
      {circle && (
        <p class="links">
          <a href={`/circles/${encodeURIComponent(circle.id)}`}>{t('Back to {circle}', { circle: circle.name })}</a>
        </p>
      )}
    </Page>
  );
}
