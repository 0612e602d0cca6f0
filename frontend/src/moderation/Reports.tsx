import { useEffect, useState } from 'preact/hooks';
import { ApiError } from '../api/client';
import { listReports, type Report } from '../api/moderation';
import { FormError } from '../components/FormError';
import { Page } from '../components/Page';
import { useSubmit } from '../components/useSubmit';
import { categoryLabel, formatWhen, reportStatus, reportSubject } from './words';
import './moderation.css';

/** "My reports": what I told the moderators about, and what they did. */
export default function Reports() {
  const [reports, setReports] = useState<Report[] | null>(null);
  const [next, setNext] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  useEffect(() => {
    listReports()
      .then((page) => {
        setReports(page.results);
        setNext(page.next);
      })
      .catch((err: unknown) => setError(err instanceof ApiError ? err : new ApiError(0, [])));
  }, []);

  const more = useSubmit(async () => {
    const page = await listReports(next);
    setReports((current) => [...(current ?? []), ...page.results.filter((r) => !current?.some((c) => c.id === r.id))]);
    setNext(page.next);
  });

  return (
    <Page title="My reports">
      <p class="lead">What you've told us about, and what we did. We never tell anyone who reported.</p>
      {!reports &&
        (error ? (
          <FormError message={error.detail} />
        ) : (
          <p class="waiting" role="status">
            One moment…
          </p>
        ))}
      {reports && reports.length === 0 && (
        <div class="empty">
          <p>You haven't reported anything. If something feels wrong, "Report" is on notes, people and circles.</p>
        </div>
      )}
      {reports && reports.length > 0 && (
        <ul class="mod-list">
          {reports.map((report) => {
            const titleId = `report-${report.id}-title`;
            return (
              <li key={report.id}>
                <article class="card" aria-labelledby={titleId}>
                  <h2 id={titleId}>{reportSubject(report)}</h2>
                  <p class="mod-meta">
                    {categoryLabel(report.category)} · sent {formatWhen(report.created_at)}
                  </p>
                  <p>{reportStatus(report)}</p>
                  {report.show_crisis_resources && (
                    <p>
                      If you're still worried about them, <a href="/crisis">the crisis page</a> has people you can call
                      or text, for them or for you.
                    </p>
                  )}
                </article>
              </li>
            );
          })}
        </ul>
      )}
      <FormError message={more.error?.detail} />
      {next && (
        <button type="button" class="button button--quiet" disabled={more.busy} onClick={() => void more.onSubmit()}>
          Load more
        </button>
      )}
      <p class="links">
        <a href="/account">Back to your account</a>
      </p>
    </Page>
  );
}
