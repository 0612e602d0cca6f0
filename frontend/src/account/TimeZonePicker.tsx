import { useMemo, useState } from 'preact/hooks';
import { t } from '../i18n/i18n';
import { deviceTimeZone, filterZones, timeZoneOptions, zoneLabel } from '../timezones';

interface Props {
  value: string;
  onChange: (zone: string) => void;
}

/** A searchable list of current zone names ("Berlin — Europe (GMT+1)"). */
export function TimeZonePicker({ value, onChange }: Props) {
  const [query, setQuery] = useState('');
  const now = useMemo(() => new Date(), []);
  const all = useMemo(() => timeZoneOptions(value), [value]);
  const shown = useMemo(() => filterZones(all, query, value), [all, query, value]);
  const device = deviceTimeZone();
  return (
    <div class="field">
      <label for="timezone">{t('Time zone')}</label>
      <p class="hint" id="timezone-hint">
        {t('Used for quiet hours and “check on me later” times. Now: {zone}.', { zone: zoneLabel(value, now) })}
      </p>
      <input
        id="timezone-search"
        type="search"
        placeholder={t('Search a city or region')}
        aria-label={t('Search time zones')}
        autocomplete="off"
        aria-controls="timezone"
        value={query}
        onInput={(e) => setQuery(e.currentTarget.value)}
      />
      <select
        id="timezone"
        name="timezone"
        aria-describedby="timezone-hint"
        size={Math.min(6, Math.max(2, shown.length))}
        value={value}
        onChange={(e) => onChange(e.currentTarget.value)}
      >
        {shown.map((z) => (
          <option value={z} key={z}>
            {zoneLabel(z, now)}
          </option>
        ))}
      </select>
      {device && device !== value && (
        <button type="button" class="link-button" onClick={() => onChange(device)}>
          {t("Use this device's time zone ({zone})", { zone: zoneLabel(device, now) })}
        </button>
      )}
    </div>
  );
}
