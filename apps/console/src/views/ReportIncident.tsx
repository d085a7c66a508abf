// Report a new incident (officers): kind, severity, bilingual title and location, the affected port (which also
// places it), the material by UN number (the ERG table fills in its class and guide), quantity.
import { useMemo, useState, type FormEvent } from 'react';
import { INCIDENT_KINDS, QUANTITY_UNITS, type HazardousMaterial, type IncidentKind, type Severity } from '../api/types';
import {
  BilingualFields,
  ChoiceField,
  DisabledReason,
  FormProblems,
  SeveritySelect,
  SubmitButton,
} from '../components/common';
import { usePorts, useTitle } from '../components/hooks';
import { useResource, useWrite } from '../state/DataProvider';
import { bilingualInput } from '../i18n';
import { useI18n } from '../i18n/I18nProvider';
import { useLive } from '../live/LiveProvider';
import { useRouter } from '../router/Router';
import { canWrite } from '../session/session';
import { useSignedIn } from '../session/SessionProvider';
import { portName } from './Overview';

export function ReportIncident() {
  const { t, lang } = useI18n();
  const { user, token } = useSignedIn();
  const { navigate } = useRouter();
  const { announce } = useLive();
  const ports = usePorts();
  const write = useWrite(token);
  const [kind, setKind] = useState<IncidentKind>('hazmat-release');
  const [severity, setSeverity] = useState<Severity>('severe');
  const [title, setTitle] = useState({ en: '', es: '' });
  const [place, setPlace] = useState({ en: '', es: '' });
  const [portId, setPortId] = useState('');
  const [unNumber, setUnNumber] = useState('');
  const [materialName, setMaterialName] = useState('');
  const [amount, setAmount] = useState('');
  const [unit, setUnit] = useState<string>('kg');
  const [problem, setProblem] = useState<string | undefined>(undefined);
  useTitle(t.reportIncidentTitle);

  const validUn = /^\d{4}$/.test(unNumber) ? unNumber : null;
  const material = useResource<HazardousMaterial>(validUn ? `/api/materials/${validUn}` : null);
  const known = validUn && material.data?.unNumber === validUn ? material.data : undefined;
  const sorted = useMemo(
    () => [...(ports.data ?? [])].sort((a, b) => portName(a, lang).localeCompare(portName(b, lang), lang)),
    [ports.data, lang],
  );
  const port = ports.data?.find((candidate) => candidate.id === portId);

  if (!canWrite(user)) {
    return (
      <div className="card">
        <h1>{t.reportIncidentTitle}</h1>
        <DisabledReason id="report-readonly">{t.readOnlyReason}</DisabledReason>
      </div>
    );
  }

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const titleText = bilingualInput(title.en, title.es);
    const placeText = bilingualInput(place.en, place.es);
    if (!titleText.en && !titleText.es) return setProblem(`${t.incidentTitleField}: ${t.atLeastOneLanguage}`);
    if (!placeText.en && !placeText.es) return setProblem(`${t.locationDescription}: ${t.atLeastOneLanguage}`);
    if (!port?.location) return setProblem(`${t.affectedPort}: ${t.required}`);
    const name = materialName.trim() || known?.name;
    setProblem(undefined);
    void write
      .run('POST', '/api/incidents', {
        kind,
        severity,
        title: titleText,
        location: { lat: port.location.lat, lon: port.location.lon, description: placeText },
        affectedPortIds: [port.id],
        ...(name ? { material: { name, ...(validUn ? { unNumber: validUn } : {}) } } : {}),
        ...(amount.trim() && Number.isFinite(Number(amount)) ? { quantity: { amount: Number(amount), unit } } : {}),
      })
      .then((result) => {
        if (!result) return;
        announce(t.reported);
        navigate({ name: 'incident', incidentId: result.id }, { replace: true });
      });
  };

  return (
    <div className="narrow">
      <h1>{t.reportIncidentTitle}</h1>
      <form className="card form" onSubmit={onSubmit} data-testid="report-incident-form" noValidate>
        <div className="form-row">
          <ChoiceField
            id="incident-kind"
            label={t.kind}
            value={kind}
            values={INCIDENT_KINDS}
            labelOf={(value) => t.incidentKind[value]}
            onChange={setKind}
          />
          <SeveritySelect id="incident-severity" value={severity} onChange={setSeverity} />
        </div>
        <BilingualFields
          label={t.incidentTitleField}
          value={title}
          onChange={setTitle}
          required
          name="incident-title"
        />
        <div className="field">
          <label htmlFor="incident-port">
            {t.affectedPort} <span className="req">({t.required})</span>
          </label>
          <select id="incident-port" required value={portId} onChange={(event) => setPortId(event.target.value)}>
            <option value="">{t.choosePort}</option>
            {sorted
              .filter((candidate) => candidate.location)
              .map((candidate) => (
                <option key={candidate.id} value={candidate.id}>
                  {portName(candidate, lang)}
                </option>
              ))}
          </select>
        </div>
        <BilingualFields
          label={t.locationDescription}
          value={place}
          onChange={setPlace}
          required
          name="incident-place"
        />
        <fieldset>
          <legend>
            {t.material} <span className="req">({t.optional})</span>
          </legend>
          <div className="form-row">
            <div className="field">
              <label htmlFor="incident-un">{t.unNumber}</label>
              <input
                id="incident-un"
                inputMode="numeric"
                maxLength={4}
                value={unNumber}
                aria-describedby="incident-un-hint"
                onChange={(event) => setUnNumber(event.target.value.replace(/\D/g, ''))}
              />
              <p className="hint" id="incident-un-hint" aria-live="polite">
                {known
                  ? t.knownMaterial(known.names[lang], known.hazardClass, known.ergGuide, known.guideTitle[lang])
                  : validUn && material.error
                    ? t.unknownMaterial
                    : t.unNumberHint}
              </p>
            </div>
            <div className="field">
              <label htmlFor="incident-material">{t.materialName}</label>
              <input
                id="incident-material"
                value={materialName}
                placeholder={known?.names[lang] ?? ''}
                onChange={(event) => setMaterialName(event.target.value)}
              />
            </div>
          </div>
          <div className="form-row">
            <div className="field">
              <label htmlFor="incident-amount">{t.quantityAmount}</label>
              <input
                id="incident-amount"
                type="number"
                min={0}
                inputMode="decimal"
                value={amount}
                onChange={(event) => setAmount(event.target.value)}
              />
            </div>
            <div className="field">
              <label htmlFor="incident-unit">{t.quantityUnit}</label>
              <select id="incident-unit" value={unit} onChange={(event) => setUnit(event.target.value)}>
                {QUANTITY_UNITS.map((value) => (
                  <option key={value} value={value}>
                    {value}
                  </option>
                ))}
              </select>
            </div>
          </div>
        </fieldset>
        <FormProblems problem={problem} error={write.error} />
        <div className="inline">
          <SubmitButton pending={write.pending} label={t.submitReport} className="btn btn-primary" />
          <button type="button" className="btn btn-quiet" onClick={() => navigate({ name: 'overview' })}>
            {t.cancel}
          </button>
        </div>
      </form>
    </div>
  );
}
