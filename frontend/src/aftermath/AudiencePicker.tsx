import type { Audience } from '../api/aftermath';
import { t } from '../i18n/i18n';
import { AUDIENCES } from './words';
import './aftermath.css';

/**
 * "Who can read it?": just the people who were there (the default), or the whole circle.
 * Styled by its own classes (base `.check` rows), so it looks the same whichever screen
 * loaded first.
 */
export function AudiencePicker({
  name,
  value,
  onValue,
}: {
  name: string;
  value: Audience;
  onValue: (value: Audience) => void;
}) {
  return (
    <fieldset class="audience-picker">
      <legend>{t('Who can read it?')}</legend>
      {AUDIENCES.map((option) => {
        const id = `${name}-${option.value}`;
        return (
          <div class="check" key={option.value}>
            <input
              id={id}
              type="radio"
              name={name}
              value={option.value}
              checked={value === option.value}
              onChange={() => onValue(option.value)}
            />
            <label for={id}>{t(option.label)}</label>
          </div>
        );
      })}
    </fieldset>
  );
}
