// A bilingual text of the incident shown in the officer's language, or in the other marked "translation pending":
// there an officer adds the missing language (the api's translations route), even once the incident is closed.
import { useState, type FormEvent } from 'react';
import type { BilingualText, Incident } from '../../api/types';
import { BiText, FormProblems, SubmitButton } from '../../components/common';
import { htmlLang } from '../../i18n';
import { useI18n } from '../../i18n/I18nProvider';
import { useLive } from '../../live/LiveProvider';
import { canWrite } from '../../session/session';
import { useSignedIn } from '../../session/SessionProvider';
import { useWrite } from '../../state/DataProvider';

/** Whether the officer may add the text of `field` in their language (it is missing there). */
export function useCanTranslate(incident: Incident, field: string): boolean {
  const { lang } = useI18n();
  const { user } = useSignedIn();
  return canWrite(user) && incident.missingTranslations.includes(`${field}:${lang}`);
}

/** The "add the translation" control of one text: a button, then the form with the original beside it. */
export function TranslateControl({
  incident,
  field,
  value,
}: {
  incident: Incident;
  field: string;
  value: BilingualText;
}) {
  const { t, lang } = useI18n();
  const { token } = useSignedIn();
  const { announce } = useLive();
  const write = useWrite(token);
  const allowed = useCanTranslate(incident, field);
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  if (!allowed) return null;
  const language = t.incidentActions.languageName[lang];
  const original = lang === 'en' ? value.es : value.en;
  const id = `translate-${field.replace(/[^a-z0-9]/gi, '-')}`;
  if (!open) {
    return (
      <button type="button" className="btn btn-small translate-button" onClick={() => setOpen(true)} data-testid={id}>
        {t.incidentActions.addTranslation(language)}
      </button>
    );
  }
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void write
      .run('POST', `/api/incidents/${incident.incidentId}/translations`, { field, language: lang, text: text.trim() })
      .then((result) => {
        if (result) {
          setOpen(false);
          setText('');
          announce(t.incidentActions.translationSaved);
        }
      });
  };
  return (
    <form className="form translate-form" onSubmit={onSubmit} data-testid={`${id}-form`}>
      <p className="muted small">
        {t.incidentActions.original}: <span lang={htmlLang(lang === 'en' ? 'es' : 'en')}>{original}</span>
      </p>
      <div className="field">
        <label htmlFor={`${id}-text`}>{t.incidentActions.translation(language)}</label>
        <textarea
          id={`${id}-text`}
          rows={2}
          lang={htmlLang(lang)}
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
      </div>
      <FormProblems error={write.error} />
      <SubmitButton
        pending={write.pending}
        label={t.incidentActions.saveTranslation}
        className="btn btn-small btn-primary"
        disabled={!text.trim()}
      />{' '}
      <button type="button" className="btn btn-small" onClick={() => setOpen(false)}>
        {t.cancel}
      </button>
    </form>
  );
}

/** The text, and where its translation is pending, the control to add it. */
export function TranslatableText({
  incident,
  field,
  value,
}: {
  incident: Incident;
  field: string;
  value: BilingualText | undefined;
}) {
  return (
    <>
      <BiText value={value} />
      {value ? <TranslateControl incident={incident} field={field} value={value} /> : null}
    </>
  );
}
