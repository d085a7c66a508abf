// Protective actions of an incident: the list (zone, who ordered it, in force or lifted), lifting one's own side's,
// and the form to order an evacuation or a shelter-in-place around a point.
import { useState, type FormEvent } from 'react';
import type { Incident, ProtectiveAction } from '../../api/types';
import { BilingualFields, ChoiceField, FormProblems, LocalTime, SubmitButton } from '../../components/common';
import { bilingualInput } from '../../i18n';
import { useI18n } from '../../i18n/I18nProvider';
import { useLive } from '../../live/LiveProvider';
import { canWrite } from '../../session/session';
import { useSignedIn } from '../../session/SessionProvider';
import { useWrite } from '../../state/DataProvider';
import { TranslatableText } from './Translatable';

const KINDS = ['evacuation', 'shelter-in-place'] as const;

function LiftAction({ incident, action }: { incident: Incident; action: ProtectiveAction }) {
  const { t } = useI18n();
  const { token } = useSignedIn();
  const { announce } = useLive();
  const write = useWrite(token);
  const [asking, setAsking] = useState(false);
  const kind = t.protectiveActionKind[action.kind];
  const lift = () =>
    void write
      .run('POST', `/api/incidents/${incident.incidentId}/protective-actions/${action.actionId}/lift`, {})
      .then((result) => {
        if (result) announce(t.incidentActions.liftedDone);
      });
  return (
    <div className="pa-lift">
      {asking ? (
        <div role="group" aria-label={t.incidentActions.lift}>
          <p>{t.incidentActions.liftQuestion(kind)}</p>
          <button type="button" className="btn btn-danger btn-small" disabled={write.pending} onClick={lift}>
            {t.incidentActions.liftConfirm}
          </button>{' '}
          <button type="button" className="btn btn-small" onClick={() => setAsking(false)}>
            {t.cancel}
          </button>
        </div>
      ) : (
        <button
          type="button"
          className="btn btn-small"
          aria-label={`${t.incidentActions.lift}: ${kind}`}
          onClick={() => setAsking(true)}
        >
          {t.incidentActions.lift}
        </button>
      )}
      <FormProblems error={write.error} />
    </div>
  );
}

export function ProtectiveActionList({ incident, zone }: { incident: Incident; zone: string }) {
  const { t } = useI18n();
  const { user } = useSignedIn();
  const officer = canWrite(user) && incident.status === 'open';
  if (incident.protectiveActions.length === 0) return <p className="muted">{t.noProtectiveActions}</p>;
  return (
    <ul className="plain pa-list">
      {incident.protectiveActions.map((action) => (
        <li
          key={action.actionId}
          className={action.liftedAt ? 'muted' : ''}
          data-testid={`protective-action-${action.actionId}`}
          data-state={action.liftedAt ? 'lifted' : 'in-force'}
        >
          <strong>{t.protectiveActionLine(t.protectiveActionKind[action.kind], action.radiusMeters)}</strong> ·{' '}
          {action.liftedAt ? t.lifted : t.inForce} · {t.orderedBy(t.side[action.side])} ·{' '}
          <LocalTime iso={action.orderedAt} zone={zone} />
          {action.liftedAt ? (
            <>
              {' '}
              · {t.incidentActions.liftedAt} <LocalTime iso={action.liftedAt} zone={zone} />
            </>
          ) : null}
          <div className="muted small">
            {t.incidentActions.zoneAt(action.center.lat.toFixed(4), action.center.lon.toFixed(4))}
          </div>
          <div>
            <TranslatableText
              incident={incident}
              field={`protectiveAction:${action.actionId}`}
              value={action.instructions}
            />
          </div>
          {officer && !action.liftedAt ? (
            action.side === user.country ? (
              <LiftAction incident={incident} action={action} />
            ) : (
              <div className="muted small">{t.incidentActions.liftOtherSide(t.side[action.side])}</div>
            )
          ) : null}
        </li>
      ))}
    </ul>
  );
}

/** The centre of the zone being ordered, as typed (or placed on the map). */
export interface ZoneCenterInput {
  lat: string;
  lon: string;
}

export function OrderProtectiveActionForm({
  incident,
  center,
  onCenter,
}: {
  incident: Incident;
  center: ZoneCenterInput;
  onCenter: (center: ZoneCenterInput) => void;
}) {
  const { t } = useI18n();
  const { token } = useSignedIn();
  const { announce } = useLive();
  const write = useWrite(token);
  const [kind, setKind] = useState<(typeof KINDS)[number]>('evacuation');
  const { lat, lon } = center;
  const [radius, setRadius] = useState('800');
  const [instructions, setInstructions] = useState({ en: '', es: '' });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void write
      .run('POST', `/api/incidents/${incident.incidentId}/protective-actions`, {
        kind,
        center: { lat: Number(lat), lon: Number(lon) },
        radiusMeters: Number(radius),
        instructions: bilingualInput(instructions.en, instructions.es),
      })
      .then((result) => {
        if (result) {
          setInstructions({ en: '', es: '' });
          announce(t.incidentActions.ordered);
        }
      });
  };
  return (
    <form className="form" onSubmit={onSubmit} data-testid="protective-action-form">
      <h3>{t.incidentActions.orderHeading}</h3>
      <div className="form-row">
        <ChoiceField
          id="pa-kind"
          label={t.incidentActions.actionKind}
          value={kind}
          values={KINDS}
          labelOf={(value) => t.protectiveActionKind[value]}
          onChange={setKind}
        />
        <div className="field">
          <label htmlFor="pa-radius">{t.incidentActions.radius}</label>
          <input
            id="pa-radius"
            type="number"
            min={1}
            max={100000}
            step={1}
            inputMode="numeric"
            required
            value={radius}
            onChange={(event) => setRadius(event.target.value)}
          />
        </div>
      </div>
      <fieldset className="bilingual">
        <legend>{t.incidentActions.zoneCenter}</legend>
        <p className="hint">{t.incidentActions.zoneCenterHint}</p>
        <div className="form-row">
          <div className="field">
            <label htmlFor="pa-lat">{t.latitude}</label>
            <input
              id="pa-lat"
              type="number"
              step="any"
              min={-90}
              max={90}
              required
              value={lat}
              onChange={(event) => onCenter({ ...center, lat: event.target.value })}
            />
          </div>
          <div className="field">
            <label htmlFor="pa-lon">{t.longitude}</label>
            <input
              id="pa-lon"
              type="number"
              step="any"
              min={-180}
              max={180}
              required
              value={lon}
              onChange={(event) => onCenter({ ...center, lon: event.target.value })}
            />
          </div>
        </div>
      </fieldset>
      <BilingualFields
        label={t.incidentActions.instructions}
        value={instructions}
        onChange={setInstructions}
        multiline
        required
        name="pa-instructions"
      />
      <FormProblems error={write.error} />
      <SubmitButton
        pending={write.pending}
        label={t.incidentActions.order}
        className="btn btn-primary"
        disabled={!(instructions.en.trim() || instructions.es.trim())}
      />
    </form>
  );
}
