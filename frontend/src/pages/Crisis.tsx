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
  NOT_A_SERVICE,
  parseResources,
  regionName,
  regionsOf,
  viewFor,
} from '../crisis/resources';
import { deviceTimeZone } from '../timezones';
import './Crisis.css';

function Resource({ r }: { r: CrisisResource }) {
  return (
    <li class="card resource">
      <h3>{r.name}</h3>
      {r.description && <p lang={r.language}>{r.description}</p>}
      <div class="resource-actions">
        {r.phone && (
          <a class="button" href={`tel:${dialable(r.phone)}`}>
            Call {r.phone}
          </a>
        )}
        {r.text && (
          <a class="button button--quiet" href={`sms:${dialable(r.text)}`}>
            Text {r.text}
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
  const view = viewFor(data, region, languages()[0]);
  const options = [...regions].map((code) => ({ code, name: regionName(code) }));
  options.sort((a, b) => a.name.localeCompare(b.name));
  const here = regionName(region);

  const onRegion = (value: string) => {
    chooseRegion(value);
    setChosen(value);
  };

  return (
    <Page title="Need help right now?">
      <p class="notice not-a-service">
        <strong>{NOT_A_SERVICE}</strong>
      </p>
      {view.emergency && (
        <section class="card emergency" aria-labelledby="emergency-title">
          <h2 id="emergency-title">In an emergency</h2>
          <p class="muted">
            {region === INTERNATIONAL ? view.emergency.description : `${view.emergency.name} in ${here}.`}
          </p>
          <a class="button emergency-call" href={`tel:${dialable(view.emergency.phone)}`}>
            Call {view.emergency.phone}
          </a>
          {region !== INTERNATIONAL && view.emergency.description && (
            <p class="muted" lang={view.emergency.language}>
              {view.emergency.description}
            </p>
          )}
        </section>
      )}
      <div class="field region-field">
        <label for="crisis-region">Where you are</label>
        <select id="crisis-region" value={region} onChange={(e) => onRegion(e.currentTarget.value)}>
          {options.map((o) => (
            <option key={o.code} value={o.code}>
              {o.name}
            </option>
          ))}
          <option value={INTERNATIONAL}>{regionName(INTERNATIONAL)}</option>
        </select>
      </div>
      {data.intro && <p class="lead">{data.intro}</p>}
      {view.local.length > 0 && (
        <section aria-labelledby="local-title">
          <h2 id="local-title">Someone to talk to in {here}</h2>
          <ul class="resources">
            {view.local.map((r, i) => (
              <Resource r={r} key={`${r.name}-${i}`} />
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="anywhere-title">
        <h2 id="anywhere-title">{view.local.length > 0 ? 'Anywhere in the world' : 'Someone to talk to'}</h2>
        <ul class="resources">
          {view.anywhere.map((r, i) => (
            <Resource r={r} key={`${r.name}-${i}`} />
          ))}
        </ul>
      </section>
      <p class="muted">You can also call or text a friend you trust and simply say, “I need you.”</p>
    </Page>
  );
}
