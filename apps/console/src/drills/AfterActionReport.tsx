// The drill's after-action report and improvement plan (HSEEP AAR/IP), as the api renders it: opened as a page in
// the console's language, or saved as Markdown or JSON. Before the drill ends it is an interim report.
import { useState } from 'react';
import { ApiError, requestBlob } from '../api/client';
import type { DrillView as Drill } from '../api/types';
import { ErrorAlert } from '../components/common';
import { useI18n } from '../i18n/I18nProvider';
import { useSignedIn } from '../session/SessionProvider';
import { openBlob, saveBlob } from './save-blob';

type Format = 'html' | 'md' | 'json';

export function AfterActionReport({ drill }: { drill: Drill }) {
  const { t, lang } = useI18n();
  const { token } = useSignedIn();
  const [pending, setPending] = useState<Format | undefined>(undefined);
  const [error, setError] = useState<ApiError | undefined>(undefined);
  const fetchReport = async (format: Format) => {
    setPending(format);
    setError(undefined);
    try {
      const blob = await requestBlob(`/api/drills/${drill.id}/report?format=${format}&lang=${lang}`, { token });
      if (format === 'html') openBlob(blob);
      else saveBlob(blob, `aar-${drill.id.slice(0, 8)}-${lang}.${format}`);
    } catch (caught) {
      setError(
        caught instanceof ApiError
          ? caught
          : new ApiError(0, 'UNEXPECTED', { en: String(caught), es: String(caught) }, {}),
      );
    } finally {
      setPending(undefined);
    }
  };
  const label: Record<Format, string> = {
    html: t.drills.report.open,
    md: t.drills.report.markdown,
    json: t.drills.report.json,
  };
  return (
    <section className="panel" aria-labelledby="drill-report-title" data-testid="drill-report">
      <h2 id="drill-report-title">{t.drills.report.title}</h2>
      <p className="muted">{drill.status === 'ended' ? t.drills.report.final : t.drills.report.interim}</p>
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
