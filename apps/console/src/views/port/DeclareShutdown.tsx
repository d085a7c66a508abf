// Declaring a shutdown of the officer's own lanes (the other side joins it with its own).
import { useState, type FormEvent } from 'react';
import {
  SHUTDOWN_KINDS,
  type IncidentBoardEntry,
  type LaneId,
  type PortStatus,
  type ShutdownKind,
} from '../../api/types';
import { BilingualFields, ChoiceField, FormProblems, SubmitButton } from '../../components/common';
import { bilingualInput, plainText } from '../../i18n';
import { useI18n } from '../../i18n/I18nProvider';
import { useLive } from '../../live/LiveProvider';
import { useSignedIn } from '../../session/SessionProvider';
import { useResource, useWrite } from '../../state/DataProvider';
import { LanePicker, lanesOfSide } from './lanes';

export function DeclareShutdown({ port, incidentId }: { port: PortStatus; incidentId: string | undefined }) {
  const { t, lang } = useI18n();
  const { user, token } = useSignedIn();
  const { announce } = useLive();
  const incidents = useResource<IncidentBoardEntry[]>('/api/incidents');
  const write = useWrite(token);
  const ownLanes = lanesOfSide(
    port.lanes.map((lane) => lane.id),
    user.country,
  );
  const [kind, setKind] = useState<ShutdownKind>('hazmat-release');
  const [lanes, setLanes] = useState<Set<LaneId>>(() => new Set(ownLanes));
  const [reason, setReason] = useState({ en: '', es: '' });
  const affecting = (incidents.data ?? []).filter((incident) => incident.affectedPortIds.includes(port.id));
  const [incident, setIncident] = useState<string>(incidentId ?? '');
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const chosenIncident =
    incident || (incidentId === undefined && affecting.length === 1 ? affecting[0]!.incidentId : '');

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (lanes.size === 0) {
      setProblem(t.chooseLanes);
      return;
    }
    const text = bilingualInput(reason.en, reason.es);
    if (!text.en && !text.es) {
      setProblem(`${t.reason}: ${t.atLeastOneLanguage}`);
      return;
    }
    setProblem(undefined);
    void write
      .run('POST', `/api/ports/${port.id}/shutdowns`, {
        kind,
        ...(lanes.size === ownLanes.length ? {} : { lanes: ownLanes.filter((lane) => lanes.has(lane)) }),
        reason: text,
        ...(chosenIncident ? { incidentId: chosenIncident } : {}),
      })
      .then((result) => {
        if (result) announce(`${t.submitShutdown}: ${lang === 'es' ? port.name.mx : port.name.us}`);
      });
  };

  return (
    <form className="card form" onSubmit={onSubmit} data-testid="shutdown-form" aria-labelledby="declare-heading">
      <h2 id="declare-heading">{t.declareShutdown}</h2>
      <ChoiceField
        id="shutdown-kind"
        label={t.shutdownKindField}
        value={kind}
        values={SHUTDOWN_KINDS}
        labelOf={(value) => t.shutdownKind[value]}
        onChange={setKind}
      />
      <p className="hint">{t.ownLanesHint}</p>
      <LanePicker legend={t.lanesToClose} lanes={ownLanes} chosen={lanes} onChange={setLanes} name="close-lane" />
      <BilingualFields label={t.reason} value={reason} onChange={setReason} multiline required name="shutdown-reason" />
      <div className="field">
        <label htmlFor="shutdown-incident">{t.incidentField}</label>
        <select
          id="shutdown-incident"
          // Mounted again once the incidents are known, so that the preselected one shows.
          key={incidents.data ? 'loaded' : 'loading'}
          value={chosenIncident}
          onChange={(event) => setIncident(event.target.value)}
        >
          <option value="">{t.noIncident}</option>
          {(incidents.data ?? []).map((entry) => (
            <option key={entry.incidentId} value={entry.incidentId}>
              {plainText(entry.title, lang)}
            </option>
          ))}
        </select>
      </div>
      <FormProblems problem={problem} error={write.error} />
      <SubmitButton pending={write.pending} label={t.submitShutdown} className="btn btn-danger" />
    </form>
  );
}
