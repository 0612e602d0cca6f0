import type { Audience } from '../api/aftermath';
import { AUDIENCES } from './words';

/** "Who can read it?": just the people who were there (the default), or the whole circle. */
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
    <fieldset class="choices">
      <legend>Who can read it?</legend>
      {AUDIENCES.map((option) => {
        const id = `${name}-${option.value}`;
        return (
          <div class="choice" key={option.value}>
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
