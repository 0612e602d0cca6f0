import type { Audience } from '../api/aftermath';
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
      <legend>Who can read it?</legend>
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
            <label for={id}>{option.label}</label>
          </div>
        );
      })}
    </fieldset>
  );
}
