import { useEffect, useState } from 'preact/hooks';
import { type ActivityItem, getActivity } from '../api/checkins';
import { t } from '../i18n/i18n';
import { recall, withLastKnown } from '../pwa/lastKnown';
import { activityLine, activityWhen } from './activity';
import { useLiveRefresh } from './live';

/**
 * What happened lately around me — answers, nudge answers, friends okay now, people waiting
 * to join, new notes — as a calm list: no counts, no badges. Fresh on push and when the app
 * comes back to the foreground.
 */
export function Lately() {
  const [items, setItems] = useState<ActivityItem[] | null>(() => recall<ActivityItem[]>('activity'));
  const load = () => {
    withLastKnown('activity', getActivity)
      .then(setItems)
      // Nothing to add: the list stays as it was until the next refresh.
      .catch(() => undefined);
  };
  useEffect(load, []);
  useLiveRefresh(load);
  if (!items || items.length === 0) return null;
  const now = new Date();
  return (
    <section aria-labelledby="lately-title">
      <h2 id="lately-title">{t('Lately')}</h2>
      <ul class="lately">
        {items.map((item) => {
          const line = activityLine(item);
          return (
            <li key={`${item.kind}-${item.checkin ?? item.circle.id}-${item.person.id}-${item.at}`}>
              <a href={line.href}>
                <span class="lately-text">{line.text}</span>
                <span class="lately-when">{activityWhen(item.at, now)}</span>
              </a>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
