// Report a new incident (officers): kind, severity, bilingual title; the port where it happened (every crossing, with
// or without coordinates on record) and the other ports it affects; where exactly (the port's point, or coordinates
// placed on the map or typed); the material by UN number (the ERG table fills in its class and guide), quantity.
// Every problem shows at once, in words, under its field.
import { useMemo, useState, type FormEvent } from 'react';
import { INCIDENT_KINDS, QUANTITY_UNITS, type HazardousMaterial, type IncidentKind, type Severity } from '../api/types';
import {
  BilingualFields,
  ChoiceField,
  DisabledReason,
  ErrorAlert,
  SeveritySelect,
  SubmitButton,
} from '../components/common';
import { usePorts, useTitle } from '../components/hooks';
import { FieldError } from '../drills/FieldError';
import { BorderMap } from '../map/BorderMap';
import { mapPortsOf } from '../map/map-ports';
import { useResource, useWrite } from '../state/DataProvider';
import { useI18n } from '../i18n/I18nProvider';
import { useLive } from '../live/LiveProvider';
import { useRouter } from '../router/Router';
import { canWrite } from '../session/session';
import { useSignedIn } from '../session/SessionProvider';
import { portName } from './Overview';
import { type FieldProblems, parseDecimal, readReport, refusalProblems, type ReportField } from './report/report-form';
import './archive-report.css';

/** A field's messages under it; the field points at them (aria-describedby) and says it is invalid. */
function Problems({ field, problems }: { field: ReportField; problems: FieldProblems }) {
  return <FieldError id={`report-error-${field}`} messages={problems.get(field) ?? []} />;
}

const described = (field: ReportField, problems: FieldProblems, hint?: string) => {
  const ids = [hint, problems.has(field) ? `report-error-${field}` : undefined].filter(Boolean).join(' ');
  return { 'aria-describedby': ids || undefined, 'aria-invalid': problems.has(field) || undefined };
};

export function ReportIncident() {
  const { t, lang } = useI18n();
  const words = t.archiveReport;
  const { user, token } = useSignedIn();
  const { navigate } = useRouter();
  const { announce } = useLive();
  const ports = usePorts();
  const write = useWrite(token);
  const [kind, setKind] = useState<IncidentKind>('hazmat-release');
  const [severity, setSeverity] = useState<Severity>('severe');
  const [title, setTitle] = useState({ en: '', es: '' });
  const [place, setPlace] = useState({ en: '', es: '' });
  const [primaryPortId, setPrimaryPortId] = useState('');
  const [additionalPortIds, setAdditionalPortIds] = useState<string[]>([]);
  const [lat, setLat] = useState('');
  const [lon, setLon] = useState('');
  const [unNumber, setUnNumber] = useState('');
  const [materialName, setMaterialName] = useState('');
  const [amount, setAmount] = useState('');
  const [unit, setUnit] = useState<string>('kg');
  const [submitted, setSubmitted] = useState(false);
  useTitle(t.reportIncidentTitle);

  const validUn = /^\d{4}$/.test(unNumber) ? unNumber : null;
  const material = useResource<HazardousMaterial>(validUn ? `/api/materials/${validUn}` : null);
  const known = validUn && material.data?.unNumber === validUn ? material.data : undefined;
  // Every crossing, whether or not its coordinates are on record: the list never depends on the map.
  const sorted = useMemo(
    () => [...(ports.data ?? [])].sort((a, b) => portName(a, lang).localeCompare(portName(b, lang), lang)),
    [ports.data, lang],
  );
  const input = {
    kind,
    severity,
    title,
    place,
    primaryPortId,
    additionalPortIds,
    lat,
    lon,
    unNumber,
    materialName,
    knownMaterialName: known?.name,
    amount,
    unit,
  };
  const read = readReport(input, ports.data ?? [], words.problems);
  const labels: Record<ReportField, string> = {
    title: t.incidentTitleField,
    primaryPort: words.primaryPort,
    additionalPorts: words.additionalPorts,
    place: t.locationDescription,
    coordinates: t.coordinates,
    unNumber: t.unNumber,
    materialName: t.materialName,
    amount: t.quantityAmount,
    unit: t.quantityUnit,
  };
  const refused = refusalProblems(write.error, lang, labels, words.problems);
  // Once the officer tried to submit, the form's own problems show (and clear as they are fixed); then the api's.
  const problems: FieldProblems = new Map(submitted ? read.problems : []);
  for (const [field, messages] of refused.problems) problems.set(field, [...(problems.get(field) ?? []), ...messages]);

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
    setSubmitted(true);
    if (!read.body) return;
    void write.run('POST', '/api/incidents', read.body).then((result) => {
      if (!result) return;
      announce(t.reported);
      navigate({ name: 'incident', incidentId: result.id }, { replace: true });
    });
  };

  const primary = ports.data?.find((candidate) => candidate.id === primaryPortId);
  const toggleAdditional = (id: string, on: boolean) =>
    setAdditionalPortIds((current) => (on ? [...current, id] : current.filter((other) => other !== id)));
  const fmt = (value: number) => value.toFixed(5);
  const typedLat = parseDecimal(lat);
  const typedLon = parseDecimal(lon);
  const picked = Math.abs(typedLat) <= 90 && Math.abs(typedLon) <= 180 ? { lat: typedLat, lon: typedLon } : undefined;
  const mapPorts = mapPortsOf(ports.data ?? [], (port) => port.linkedIncidentId !== null);

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
        <Problems field="title" problems={problems} />
        <div className="field">
          <label htmlFor="incident-port">
            {words.primaryPort} <span className="req">({t.required})</span>
          </label>
          <select
            id="incident-port"
            required
            value={primaryPortId}
            onChange={(event) => setPrimaryPortId(event.target.value)}
            {...described('primaryPort', problems)}
          >
            <option value="">{t.choosePort}</option>
            {sorted.map((candidate) => (
              <option key={candidate.id} value={candidate.id}>
                {portName(candidate, lang)}
              </option>
            ))}
          </select>
          <Problems field="primaryPort" problems={problems} />
        </div>
        <fieldset className="additional-ports" {...described('additionalPorts', problems, 'additional-ports-hint')}>
          <legend>
            {words.additionalPorts} <span className="req">({t.optional})</span>
          </legend>
          <p className="hint" id="additional-ports-hint">
            {words.additionalPortsHint}{' '}
            <span aria-live="polite">{words.additionalPortsChosen(additionalPortIds.length)}</span>
          </p>
          <div className="port-checklist" data-testid="additional-ports">
            {sorted
              .filter((candidate) => candidate.id !== primaryPortId)
              .map((candidate) => (
                <label key={candidate.id} className="check">
                  <input
                    type="checkbox"
                    value={candidate.id}
                    checked={additionalPortIds.includes(candidate.id)}
                    onChange={(event) => toggleAdditional(candidate.id, event.target.checked)}
                  />{' '}
                  {portName(candidate, lang)}
                </label>
              ))}
          </div>
          <Problems field="additionalPorts" problems={problems} />
        </fieldset>
        <BilingualFields
          label={t.locationDescription}
          value={place}
          onChange={setPlace}
          required
          name="incident-place"
        />
        <Problems field="place" problems={problems} />
        <fieldset>
          <legend>
            {t.coordinates} <span className="req">({t.optional})</span>
          </legend>
          <p className="hint" id="coordinates-hint">
            {words.placeHint}
          </p>
          <div className="report-map" data-testid="report-map">
            <p className="hint">{words.pickOnMap}</p>
            <BorderMap
              ports={mapPorts}
              lang={lang}
              selectedPortId={primaryPortId || null}
              onSelectPort={setPrimaryPortId}
              pick={{
                ...(picked ? { value: picked } : {}),
                onPick: (point) => {
                  setLat(fmt(point.lat));
                  setLon(fmt(point.lon));
                },
              }}
            />
            {picked ? (
              <p className="hint" aria-live="polite" data-testid="picked-point">
                {words.pickedPoint(lat, lon)}
              </p>
            ) : null}
          </div>
          <div className="form-row">
            <div className="field">
              <label htmlFor="incident-lat">{t.latitude}</label>
              <input
                id="incident-lat"
                inputMode="decimal"
                value={lat}
                placeholder={primary?.location ? String(primary.location.lat) : ''}
                onChange={(event) => setLat(event.target.value)}
                {...described('coordinates', problems, 'incident-lat-hint')}
              />
              <p className="hint" id="incident-lat-hint">
                {words.latitudeHint}
              </p>
            </div>
            <div className="field">
              <label htmlFor="incident-lon">{t.longitude}</label>
              <input
                id="incident-lon"
                inputMode="decimal"
                value={lon}
                placeholder={primary?.location ? String(primary.location.lon) : ''}
                onChange={(event) => setLon(event.target.value)}
                {...described('coordinates', problems, 'incident-lon-hint')}
              />
              <p className="hint" id="incident-lon-hint">
                {words.longitudeHint}
              </p>
            </div>
          </div>
          {lat || lon ? (
            <button
              type="button"
              className="btn btn-quiet"
              onClick={() => {
                setLat('');
                setLon('');
              }}
            >
              {words.usePortPoint}
            </button>
          ) : null}
          <Problems field="coordinates" problems={problems} />
        </fieldset>
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
                onChange={(event) => setUnNumber(event.target.value.replace(/\D/g, ''))}
                {...described('unNumber', problems, 'incident-un-hint')}
              />
              <p className="hint" id="incident-un-hint" aria-live="polite">
                {known
                  ? t.knownMaterial(known.names[lang], known.hazardClass, known.ergGuide, known.guideTitle[lang])
                  : validUn && material.error
                    ? t.unknownMaterial
                    : t.unNumberHint}
              </p>
              <Problems field="unNumber" problems={problems} />
            </div>
            <div className="field">
              <label htmlFor="incident-material">{t.materialName}</label>
              <input
                id="incident-material"
                value={materialName}
                placeholder={known?.names[lang] ?? ''}
                onChange={(event) => setMaterialName(event.target.value)}
                {...described('materialName', problems)}
              />
              <Problems field="materialName" problems={problems} />
            </div>
          </div>
          <div className="form-row">
            <div className="field">
              <label htmlFor="incident-amount">{t.quantityAmount}</label>
              <input
                id="incident-amount"
                inputMode="decimal"
                value={amount}
                onChange={(event) => setAmount(event.target.value)}
                {...described('amount', problems)}
              />
              <Problems field="amount" problems={problems} />
            </div>
            <div className="field">
              <label htmlFor="incident-unit">{t.quantityUnit}</label>
              <select
                id="incident-unit"
                value={unit}
                onChange={(event) => setUnit(event.target.value)}
                {...described('unit', problems)}
              >
                {QUANTITY_UNITS.map((value) => (
                  <option key={value} value={value}>
                    {value}
                  </option>
                ))}
              </select>
              <Problems field="unit" problems={problems} />
            </div>
          </div>
        </fieldset>
        {problems.size > 0 ? (
          <p className="alert alert-error" role="alert" data-testid="report-problems">
            {words.problemsSummary(problems.size)}
          </p>
        ) : null}
        {write.error && refused.rest ? <ErrorAlert error={write.error} /> : null}
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
