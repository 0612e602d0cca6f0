import { useEffect, useMemo, useState } from 'preact/hooks';
import { getCrisisResources, getMe } from '../api/shoulder';
import { auth } from '../auth/state';
import { Page } from '../components/Page';
import {
  type CrisisResource,
  cacheResources,
  chooseRegion,
  chosenRegion,
  dialable,
  displayUrl,
  guessRegion,
  INTERNATIONAL,
  initialResources,
  inLanguage,
  NOT_A_SERVICE,
  parseResources,
  regionName,
  regionsOf,
  viewFor,
} from '../crisis/resources';
import { locale, serverLanguage, t } from '../i18n/i18n';
import { deviceTimeZone } from '../timezones';
import './Crisis.css';

function Resource({ r }: { r: CrisisResource }) {
  const name = inLanguage(r.language, r.name);
  const description = inLanguage(r.language, r.description);
  return (
    <li class="card resource">
      <h3 lang={name.lang}>{name.text}</h3>
      {r.description && <p lang={description.lang}>{description.text}</p>}
      <div class="resource-actions">
        {r.phone && (
          <a class="button" href={`tel:${dialable(r.phone)}`}>
            {t('Call {number}', { number: r.phone })}
          </a>
        )}
        {r.text && (
          <a class="button button--quiet" href={`sms:${dialable(r.text)}`}>
            {t('Text {number}', { number: r.text })}
          </a>
        )}
        {r.url && (
          <a class="resource-url" href={r.url} rel="noopener noreferrer external" target="_blank">
            {displayUrl(r.url)}
          </a>
        )}
      </div>
    </li>
  );
}

function languages(): readonly string[] {
  return typeof navigator === 'undefined' ? [] : (navigator.languages ?? [navigator.language]);
}

export default function Crisis() {
  // The cached or built-in list (every region) shows at once, offline too; the server's list
  // replaces it when it answers.
  const [data, setData] = useState(initialResources);
  const [chosen, setChosen] = useState(chosenRegion);
  const [profileZone, setProfileZone] = useState<string | null>(null);
  const signedIn = auth.value.status === 'authenticated';

  useEffect(() => {
    let live = true;
    getCrisisResources()
      .then((raw) => {
        const parsed = parseResources(raw);
        if (!parsed) return;
        cacheResources(parsed);
        if (live) setData(parsed);
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);

  // Signed in, the profile's time zone says where they are (the browser's may be a traveller's default).
  useEffect(() => {
    if (!signedIn) return;
    let live = true;
    getMe()
      .then((me) => {
        if (live) setProfileZone(me.timezone ?? null);
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [signedIn]);

  const regions = useMemo(() => regionsOf(data), [data]);
  const region = guessRegion(
    { chosen, profileTimeZone: profileZone, languages: languages(), deviceTimeZone: deviceTimeZone() },
    regions,
  );
  // Within their region, lines in the language Shoulder speaks to them in, then their browser's.
  const view = viewFor(data, region, [serverLanguage(locale.value), ...languages()]);
  const options = [...regions].map((code) => ({ code, name: regionName(code) }));
  options.sort((a, b) => a.name.localeCompare(b.name, locale.value));
  const here = regionName(region);
  const emergencyName = view.emergency ? inLanguage(view.emergency.language, view.emergency.name).text : '';
  const emergencyAbout = view.emergency ? inLanguage(view.emergency.language, view.emergency.description) : null;
  // The server's intro is the built-in one unless an admin changed it: the built-in one is translated.
  const intro = data.intro ? inLanguage('en', data.intro) : null;

  const onRegion = (value: string) => {
    chooseRegion(value);
    setChosen(value);
  };

  return (
    <Page title={t('Need help right now?')}>
      <p class="notice not-a-service">
        <strong>{t(NOT_A_SERVICE)}</strong>
      </p>
      {view.emergency && (
        <section class="card emergency" aria-labelledby="emergency-title">
          <h2 id="emergency-title">{t('In an emergency')}</h2>
          {region === INTERNATIONAL ? (
            <p class="muted" lang={emergencyAbout?.lang}>
              {emergencyAbout?.text}
            </p>
          ) : (
            <p class="muted">{t('{name} in {region}.', { name: emergencyName, region: here })}</p>
          )}
          <a class="button emergency-call" href={`tel:${dialable(view.emergency.phone)}`}>
            {t('Call {number}', { number: view.emergency.phone })}
          </a>
          {region !== INTERNATIONAL && emergencyAbout?.text && (
            <p class="muted" lang={emergencyAbout.lang}>
              {emergencyAbout.text}
            </p>
          )}
        </section>
      )}
      <div class="field region-field">
        <label for="crisis-region">{t('Where you are')}</label>
        <select id="crisis-region" value={region} onChange={(e) => onRegion(e.currentTarget.value)}>
          {options.map((o) => (
            <option key={o.code} value={o.code}>
              {o.name}
            </option>
          ))}
          <option value={INTERNATIONAL}>{regionName(INTERNATIONAL)}</option>
        </select>
      </div>
      {intro && (
        <p class="lead" lang={intro.lang}>
          {intro.text}
        </p>
      )}
      {view.local.length > 0 && (
        <section aria-labelledby="local-title">
          <h2 id="local-title">{t('Someone to talk to in {region}', { region: here })}</h2>
          <ul class="resources">
            {view.local.map((r, i) => (
              <Resource r={r} key={`${r.name}-${i}`} />
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="anywhere-title">
        <h2 id="anywhere-title">{view.local.length > 0 ? t('Anywhere in the world') : t('Someone to talk to')}</h2>
        <ul class="resources">
          {view.anywhere.map((r, i) => (
            <Resource r={r} key={`${r.name}-${i}`} />
          ))}
        </ul>
      </section>
      <p class="muted">{t('You can also call or text a friend you trust and simply say, “I need you.”')}</p>
    </Page>
  );
}
