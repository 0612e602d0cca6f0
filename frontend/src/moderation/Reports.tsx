import { useEffect, useState } from 'preact/hooks';
import { ApiError } from '../api/client';
import { listReports, type Report } from '../api/moderation';
import { FormError } from '../components/FormError';
import { Page } from '../components/Page';
import { useSubmit } from '../components/useSubmit';
import { categoryLabel, formatWhen, reportStatus, reportSubject } from './words';
import './moderation.css';
import { t } from '../i18n/i18n';
import { rich } from '../i18n/rich';

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
    <Page title={t('My reports')}>
      <p class="lead">{t("What you've told us about, and what we did. We never tell anyone who reported.")}</p>
      {!reports &&
        (error ? (
          <FormError message={error.detail} />
        ) : (
          <p class="waiting" role="status">
            {t('One moment…')}
          </p>
        ))}
      {reports && reports.length === 0 && (
        <div class="empty">
          <p>
            {t('You haven’t reported anything. If something feels wrong, “Report” is on notes, people and circles.')}
          </p>
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
                    {categoryLabel(report.category)} · {t('sent {when}', { when: formatWhen(report.created_at) })}
                  </p>
                  <p>{reportStatus(report)}</p>
                  {report.show_crisis_resources && (
                    <p>
                      {rich(
                        t(
                          "If you're still worried about them, <0>the crisis page</0> has people you can call or text, for them or for you.",
                        ),
                        [(text) => <a href="/crisis">{text}</a>],
                      )}
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
          {t('Load more')}
        </button>
      )}
      <p class="links">
        <a href="/account">{t('Back to your account')}</a>
      </p>
    </Page>
  );
}
