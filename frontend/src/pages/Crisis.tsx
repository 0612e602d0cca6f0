import { useEffect, useState } from 'preact/hooks';
import { getCrisisResources } from '../api/shoulder';
import { Page } from '../components/Page';
import {
  type CrisisResource,
  cacheResources,
  dialable,
  displayUrl,
  initialResources,
  NOT_A_SERVICE,
  parseResources,
} from '../crisis/resources';
import './Crisis.css';

function Resource({ r }: { r: CrisisResource }) {
  return (
    <li class="card resource">
      <h2>{r.name}</h2>
      {r.region && <p class="region">{r.region}</p>}
      {r.description && <p>{r.description}</p>}
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

export default function Crisis() {
  // The cached or built-in list shows at once, offline too; the server's list replaces it when it answers.
  const [data, setData] = useState(initialResources);
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

  return (
    <Page title="Need help right now?">
      <p class="notice not-a-service">
        <strong>{NOT_A_SERVICE}</strong>
      </p>
      {data.intro && <p class="lead">{data.intro}</p>}
      <ul class="resources">
        {data.resources.map((r, i) => (
          <Resource r={r} key={`${r.name}-${r.region}-${i}`} />
        ))}
      </ul>
      <p class="muted">You can also call or text a friend you trust and simply say, “I need you.”</p>
    </Page>
  );
}
