// The incident's ICS 214 Activity Log, per side: the printable form (opened in a tab of its own) or its CSV. Officers
// get their own side's; auditors and admins either side's (the api enforces the same).
import { ErrorAlert } from '../components/common';
import { useFileRequest } from '../drills/file-request';
import { openBlob, saveBlob } from '../drills/save-blob';
import { useI18n } from '../i18n/I18nProvider';
import type { SessionUser } from '../api/types';
import { canAudit } from '../session/session';

type Side = 'US' | 'MX';

export function Ics214Downloads({ incidentId, user }: { incidentId: string; user: SessionUser }) {
  const { t, lang } = useI18n();
  const { pending, error, fetchFile } = useFileRequest<string>();
  const sides: Side[] = canAudit(user)
    ? ['US', 'MX']
    : user.country === 'US' || user.country === 'MX'
      ? [user.country]
      : [];
  if (sides.length === 0) return null;
  const path = (side: Side, format: 'html' | 'csv') =>
    `/api/audit/incidents/${incidentId}/ics-214?side=${side}&format=${format}&lang=${lang}`;
  return (
    <section className="card" aria-labelledby="ics-214-heading" data-testid="ics-214">
      <h2 id="ics-214-heading">{t.audit.ics214.heading}</h2>
      <p className="hint">{t.audit.ics214.intro}</p>
      <div className="actions">
        {sides.flatMap((side) => [
          <button
            key={`${side}-html`}
            type="button"
            disabled={pending !== undefined}
            onClick={() => void fetchFile(`${side}-html`, path(side, 'html'), openBlob)}
          >
            {pending === `${side}-html` ? t.audit.ics214.fetching : t.audit.ics214.print(t.side[side])}
          </button>,
          <button
            key={`${side}-csv`}
            type="button"
            disabled={pending !== undefined}
            onClick={() =>
              void fetchFile(`${side}-csv`, path(side, 'csv'), (blob) =>
                saveBlob(blob, `ics-214-${incidentId.slice(0, 8)}-${side}-${lang}.csv`),
              )
            }
          >
            {pending === `${side}-csv` ? t.audit.ics214.fetching : t.audit.ics214.csv(t.side[side])}
          </button>,
        ])}
      </div>
      {error ? <ErrorAlert error={error} /> : null}
    </section>
  );
}
