// Small building blocks: times, bilingual text, status chips, errors, bilingual form fields.
import { useId, type ReactNode } from 'react';
import type { ApiError } from '../api/client';
import { type BilingualText, type PortStatusValue, SEVERITIES, type Severity } from '../api/types';
import { htmlLang, pickText } from '../i18n';
import { useI18n } from '../i18n/I18nProvider';
import { formatTime, type FormatOptions } from '../time/format';
import './common.css';

/** An instant on the given clock, with its zone; UTC on hover. */
export function LocalTime({ iso, zone, ...options }: { iso: string; zone: string } & FormatOptions) {
  const { lang } = useI18n();
  const formatted = formatTime(iso, zone, lang, options);
  if (!formatted) return <span>—</span>;
  return (
    <time dateTime={formatted.dateTime} title={formatted.utc}>
      {formatted.text}
    </time>
  );
}

/** Bilingual content in the chosen language, or the other one marked "translation pending". */
export function BiText({ value }: { value: BilingualText | undefined }) {
  const { lang, t } = useI18n();
  const picked = pickText(value, lang);
  if (!picked.fallback) return <>{picked.text}</>;
  return (
    <>
      <span lang={htmlLang(picked.shownIn)}>{picked.text}</span>{' '}
      <span className="tr-pending" title={t.translationPendingTitle}>
        <span aria-hidden="true">⚑ </span>
        {t.translationPending}
      </span>
    </>
  );
}

/** The status symbol of the map (circle, triangle, square), so that a chip never relies on colour alone. */
export function StatusIcon({ status }: { status: PortStatusValue }) {
  return (
    <svg className="icon" viewBox="-6 -6 12 12" aria-hidden="true" focusable="false">
      {status === 'open' ? (
        <circle r="4.5" className="sym-open" />
      ) : status === 'partially-closed' ? (
        <polygon points="0,-5.5 5,4 -5,4" className="sym-partial" />
      ) : (
        <rect x="-4.5" y="-4.5" width="9" height="9" className="sym-closed" />
      )}
    </svg>
  );
}

export function PortStatusChip({ status, testId }: { status: PortStatusValue; testId?: string }) {
  const { t } = useI18n();
  return (
    <span className={`chip chip-${status}`} data-testid={testId} data-status={status}>
      <StatusIcon status={status} />
      {t.portStatus[status]}
    </span>
  );
}

const SEVERITY_BARS: Record<Severity, number> = { minor: 1, moderate: 2, severe: 3, extreme: 4 };

export function SeverityChip({ severity }: { severity: Severity }) {
  const { t } = useI18n();
  const bars = SEVERITY_BARS[severity];
  return (
    <span className={`chip chip-sev-${severity}`}>
      <svg className="icon" viewBox="0 0 16 12" aria-hidden="true" focusable="false">
        {[0, 1, 2, 3].map((i) => (
          <rect
            key={i}
            x={i * 4}
            y={9 - i * 3}
            width="3"
            height={3 + i * 3}
            className={i < bars ? 'bar-on' : 'bar-off'}
          />
        ))}
      </svg>
      <span className="visually-hidden">{t.severityLabel}: </span>
      {t.severity[severity]}
    </span>
  );
}

/** A tag for drill data. */
export function ExerciseTag() {
  const { t } = useI18n();
  return <span className="exercise-tag">{t.exerciseTag}</span>;
}

/** The banner of any view that shows drill data. */
export function ExerciseBanner() {
  const { t } = useI18n();
  return (
    <div className="exercise-banner" role="note" data-testid="exercise-banner">
      <strong>{t.exerciseBanner}</strong> <span>{t.exerciseBannerNote}</span>
    </div>
  );
}

/** A refusal or failure, in the chosen language, announced at once. */
/** A form's own problem (what the console checked) and the api's refusal, each announced. */
export function FormProblems({
  problem,
  error,
}: {
  problem?: string | null | undefined;
  error?: ApiError | null | undefined;
}) {
  return (
    <>
      {problem ? (
        <p className="alert alert-error" role="alert">
          {problem}
        </p>
      ) : null}
      {error ? <ErrorAlert error={error} /> : null}
    </>
  );
}

/** A form's submit button: "Saving…" while the write is under way, and not pressable then. */
export function SubmitButton({
  pending,
  label,
  className,
  disabled = false,
}: {
  pending: boolean;
  label: string;
  className: string;
  disabled?: boolean;
}) {
  const { t } = useI18n();
  return (
    <button type="submit" className={className} disabled={pending || disabled}>
      {pending ? t.saving : label}
    </button>
  );
}

export function ErrorAlert({ error, onRetry, testId }: { error: ApiError; onRetry?: () => void; testId?: string }) {
  const { lang, t } = useI18n();
  const fields = error.fieldMessages(lang);
  return (
    <div className="alert alert-error" role="alert" data-testid={testId}>
      <span className="alert-icon" aria-hidden="true">
        ✖
      </span>
      <div>
        <p>{error.text(lang)}</p>
        {fields.length > 0 ? (
          <>
            <p>{t.fieldErrors}</p>
            <ul>
              {fields.map((message) => (
                <li key={message}>{message}</li>
              ))}
            </ul>
          </>
        ) : null}
        {onRetry ? (
          <button type="button" className="btn btn-small" onClick={onRetry}>
            {t.retry}
          </button>
        ) : null}
      </div>
    </div>
  );
}

/**
 * A page for some roles only (admins, auditors): its title, intro and content, or for anyone else the title and why
 * they cannot see it. `id` names the page's heading (`<id>-title`) and its test id.
 */
export function RolesOnlyPage({
  allowed,
  id,
  title,
  intro,
  whoMay,
  children,
}: {
  allowed: boolean;
  id: string;
  title: string;
  intro: string;
  whoMay: string;
  children: ReactNode;
}) {
  if (!allowed) {
    return (
      <div className="card narrow">
        <h1>{title}</h1>
        <p>{whoMay}</p>
      </div>
    );
  }
  return (
    <section className="card" aria-labelledby={`${id}-title`} data-testid={id}>
      <h1 id={`${id}-title`}>{title}</h1>
      <p className="muted">{intro}</p>
      {children}
    </section>
  );
}

/** A table's header row, a column for each label, in order. */
export function ColumnHeads({ labels }: { labels: string[] }) {
  return (
    <thead>
      <tr>
        {labels.map((label) => (
          <th key={label} scope="col">
            {label}
          </th>
        ))}
      </tr>
    </thead>
  );
}

/** Loading, failed or loaded: the frame of every read model on screen. */
export function Loadable<T>({
  resource,
  children,
}: {
  resource: { data: T | undefined; error: ApiError | undefined; loading: boolean; retry: () => void };
  children: (data: T) => ReactNode;
}) {
  const { t } = useI18n();
  if (resource.data === undefined) {
    if (resource.error) return <ErrorAlert error={resource.error} onRetry={resource.retry} />;
    return (
      <p className="muted" role="status">
        {t.loading}
      </p>
    );
  }
  return (
    <>
      {resource.error ? <ErrorAlert error={resource.error} onRetry={resource.retry} /> : null}
      {children(resource.data)}
    </>
  );
}

/** English and Spanish versions of one text; the officer's language first. At least one is required. */
export function BilingualFields({
  label,
  value,
  onChange,
  multiline,
  required,
  name,
  hint,
}: {
  label: string;
  value: { en: string; es: string };
  onChange: (value: { en: string; es: string }) => void;
  multiline?: boolean;
  required?: boolean;
  name: string;
  /** Replaces "at least one language" where a text must be in both. */
  hint?: string;
}) {
  const { lang, t } = useI18n();
  const hintId = useId();
  const order: ('en' | 'es')[] = lang === 'es' ? ['es', 'en'] : ['en', 'es'];
  return (
    <fieldset className="bilingual">
      <legend>
        {label}
        {required ? <span className="req"> ({t.required})</span> : null}
      </legend>
      <p className="hint" id={hintId}>
        {hint ?? t.atLeastOneLanguage}
      </p>
      {order.map((language) => {
        const id = `${name}-${language}`;
        const common = {
          id,
          name: id,
          lang: htmlLang(language),
          value: value[language],
          'aria-describedby': hintId,
          onChange: (event: { target: { value: string } }) => onChange({ ...value, [language]: event.target.value }),
        };
        return (
          <div className="field" key={language}>
            <label htmlFor={id}>{language === 'en' ? t.englishText : t.spanishText}</label>
            {multiline ? <textarea rows={3} {...common} /> : <input type="text" {...common} />}
          </div>
        );
      })}
    </fieldset>
  );
}

/** Why a control is disabled, next to it. */
export function DisabledReason({ id, children }: { id: string; children: ReactNode }) {
  return (
    <p className="disabled-reason" id={id}>
      <svg className="icon" viewBox="0 0 12 12" aria-hidden="true" focusable="false">
        <rect x="2" y="5" width="8" height="6" rx="1" fill="currentColor" />
        <path d="M4 5V3.5a2 2 0 0 1 4 0V5" fill="none" stroke="currentColor" strokeWidth="1.3" />
      </svg>{' '}
      {children}
    </p>
  );
}

/** The severity field of the incident, update and notification forms. */
export function SeveritySelect({
  id,
  value,
  onChange,
}: {
  id: string;
  value: Severity;
  onChange: (severity: Severity) => void;
}) {
  const { t } = useI18n();
  return (
    <ChoiceField
      id={id}
      label={t.severityLabel}
      value={value}
      values={SEVERITIES}
      labelOf={(severity) => t.severity[severity]}
      onChange={onChange}
    />
  );
}

/** A labelled drop-down of a fixed list of values, each shown by its label. */
export function ChoiceField<Value extends string>({
  id,
  label,
  value,
  values,
  labelOf,
  onChange,
}: {
  id: string;
  label: string;
  value: Value;
  values: readonly Value[];
  labelOf: (value: Value) => string;
  onChange: (value: Value) => void;
}) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(event) => onChange(event.target.value as Value)}>
        {values.map((option) => (
          <option key={option} value={option}>
            {labelOf(option)}
          </option>
        ))}
      </select>
    </div>
  );
}
