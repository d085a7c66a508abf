// The drill's report as the api renders it: a scenario drill's after-action report and improvement plan (HSEEP
// AAR/IP), a notification drill's acknowledgments per BLM. Opened as a page in the console's language, or saved as
// Markdown or JSON. Before the drill ends it is an interim report.
import type { DrillView as Drill } from '../api/types';
import { ErrorAlert } from '../components/common';
import { useI18n } from '../i18n/I18nProvider';
import { useFileRequest } from './file-request';
import { openBlob, saveBlob } from './save-blob';

type Format = 'html' | 'md' | 'json';

export function AfterActionReport({ drill }: { drill: Drill }) {
  const { t, lang } = useI18n();
  const { pending, error, fetchFile } = useFileRequest<Format>();
  const notification = drill.plan.kind === 'notification';
  const name = notification ? 'notification-drill' : 'aar';
  const fetchReport = (format: Format) =>
    fetchFile(format, `/api/drills/${drill.id}/report?format=${format}&lang=${lang}`, (blob) =>
      format === 'html' ? openBlob(blob) : saveBlob(blob, `${name}-${drill.id.slice(0, 8)}-${lang}.${format}`),
    );
  const label: Record<Format, string> = {
    html: t.drills.report.open,
    md: t.drills.report.markdown,
    json: t.drills.report.json,
  };
  return (
    <section className="panel" aria-labelledby="drill-report-title" data-testid="drill-report">
      <h2 id="drill-report-title">{notification ? t.drills.report.notificationTitle : t.drills.report.title}</h2>
      <p className="muted">
        {drill.status !== 'ended'
          ? t.drills.report.interim
          : notification
            ? t.drills.report.notificationFinal
            : t.drills.report.final}
      </p>
      <div className="drill-controls">
        {(['html', 'md', 'json'] as const).map((format) => (
          <button
            key={format}
            type="button"
            className="btn btn-small"
            data-testid={`report-${format}`}
            disabled={pending !== undefined}
            onClick={() => void fetchReport(format)}
          >
            {pending === format ? t.drills.report.preparing : label[format]}
          </button>
        ))}
      </div>
      {error ? <ErrorAlert error={error} /> : null}
    </section>
  );
}
