import { useState } from 'preact/hooks';
import { msg, t } from '../i18n/i18n';

export const SAFE_SPACE = [
  msg('Find a cozy, private space'),
  msg('Phones on do-not-disturb'),
  msg('Tissues nearby'),
  msg('No timeline'),
  msg('There’s no right way'),
];

function storageKey(checkinId: string): string {
  return `shoulder.checklist.${checkinId}`;
}

function readTicks(checkinId: string): boolean[] {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(storageKey(checkinId)) ?? '[]');
    return Array.isArray(parsed) ? parsed.map(Boolean) : [];
  } catch {
    return [];
  }
}

/** Gentle ticks for the time together. They live only on this device; nobody else sees them. */
export function SafeSpaceChecklist({ checkinId }: { checkinId: string }) {
  const [ticks, setTicks] = useState<boolean[]>(() => readTicks(checkinId));
  const toggle = (i: number, on: boolean) => {
    const next = SAFE_SPACE.map((_, j) => (j === i ? on : !!ticks[j]));
    setTicks(next);
    try {
      localStorage.setItem(storageKey(checkinId), JSON.stringify(next));
    } catch {
      // Private mode: the ticks just won't be remembered.
    }
  };
  return (
    <section class="card" aria-labelledby="safe-space-title">
      <h2 id="safe-space-title">{t('A safe space')}</h2>
      <p class="soft">{t('Just for you, on this phone. Tick what feels right — or nothing at all.')}</p>
      <ul class="checklist">
        {SAFE_SPACE.map((label, i) => (
          <li key={label} class="check">
            <input
              type="checkbox"
              id={`safe-${i}`}
              checked={!!ticks[i]}
              onChange={(e) => toggle(i, e.currentTarget.checked)}
            />
            <label for={`safe-${i}`}>{t(label)}</label>
          </li>
        ))}
      </ul>
    </section>
  );
}
