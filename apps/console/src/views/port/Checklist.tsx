// The resumption checklist grouped by owner side: tick, waive, undo (with a reason) and add items.
import { useId, useState, type FormEvent } from 'react';
import {
  CHECKLIST_AGENCIES,
  type ActiveShutdown,
  type ChecklistItem,
  type Owner,
  type PortStatus,
} from '../../api/types';
import {
  BilingualFields,
  BiText,
  ChoiceField,
  DisabledReason,
  ErrorAlert,
  FormProblems,
  LocalTime,
  SubmitButton,
} from '../../components/common';
import { pickText } from '../../i18n';
import { useI18n } from '../../i18n/I18nProvider';
import { useLive } from '../../live/LiveProvider';
import { canWrite } from '../../session/session';
import { useSignedIn } from '../../session/SessionProvider';
import { useWrite } from '../../state/DataProvider';

const OWNERS: Owner[] = ['US', 'MX', 'JOINT'];

function ItemStateChip({ item, zone }: { item: ChecklistItem; zone: string }) {
  const { t } = useI18n();
  const icon = item.status === 'completed' ? '✔' : item.status === 'waived' ? '⊘' : '○';
  return (
    <span className={`item-state item-${item.status}`}>
      <span aria-hidden="true">{icon} </span>
      {t.itemState[item.status]}
      {item.resolvedBy ? <> {t.resolvedBy(t.side[item.resolvedBy.side], item.resolvedBy.agency)}</> : null}
      {item.resolvedAt ? (
        <>
          {' · '}
          <LocalTime iso={item.resolvedAt} zone={zone} />
        </>
      ) : null}
    </span>
  );
}

/** A one-field form under an item: the waiver's or the undoing's reason. */
function ReasonForm({
  label,
  submit,
  pending,
  onSubmit,
  onCancel,
}: {
  label: string;
  submit: string;
  pending: boolean;
  onSubmit: (reason: string) => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  const id = useId();
  return (
    <form
      className="waive-form"
      onSubmit={(event: FormEvent) => {
        event.preventDefault();
        if (reason.trim()) onSubmit(reason.trim());
      }}
    >
      <label htmlFor={id}>{label}</label>
      <textarea id={id} rows={2} required value={reason} onChange={(event) => setReason(event.target.value)} />
      <div className="inline">
        <button type="submit" className="btn btn-small btn-primary" disabled={pending || !reason.trim()}>
          {submit}
        </button>
        <button type="button" className="btn btn-small btn-quiet" onClick={onCancel}>
          {t.cancel}
        </button>
      </div>
    </form>
  );
}

function ChecklistRow({ port, item, zone }: { port: PortStatus; item: ChecklistItem; zone: string }) {
  const { t, lang } = useI18n();
  const { user, token } = useSignedIn();
  const { announce } = useLive();
  const write = useWrite(token);
  const [form, setForm] = useState<'waive' | 'undo' | undefined>(undefined);
  const textId = useId();
  const whyId = useId();
  const mine = item.owner === 'JOINT' || item.owner === user.country;
  const officer = canWrite(user);
  const label = pickText(item.text, lang).text;
  const base = `/api/ports/${port.id}/checklist/${item.id}`;

  const send = (path: string, body: object, done: string) => {
    void write.run('POST', `${base}/${path}`, body).then((result) => {
      if (!result) return;
      announce(`${done}: ${label}`);
      setForm(undefined);
    });
  };
  const toggle = (which: 'waive' | 'undo') => setForm((open) => (open === which ? undefined : which));

  return (
    <li
      className={`check-item check-item-${item.status}${item.critical ? ' check-item-critical' : ''}`}
      data-testid={`checklist-item-${item.id}`}
      data-state={item.status}
      data-owner={item.owner}
    >
      <div className="check-item-main">
        <p id={textId} className="check-item-text">
          {item.critical ? (
            <span className="critical" title={t.criticalHint}>
              <span aria-hidden="true">▲ </span>
              {t.critical}
              <span className="visually-hidden">: </span>
            </span>
          ) : null}{' '}
          <BiText value={item.text} />
        </p>
        <p className="check-item-meta">
          <span className="muted">{item.agency}</span> · <ItemStateChip item={item} zone={zone} />
        </p>
        {item.addedBy ? (
          <p className="check-item-reason muted">
            {t.itemAddedBy(t.side[item.addedBy.side], item.addedBy.agency)} ·{' '}
            <LocalTime iso={item.addedBy.at} zone={zone} />
          </p>
        ) : null}
        {item.status === 'waived' && item.reason ? (
          <p className="check-item-reason">
            {t.reason}: <BiText value={item.reason} />
          </p>
        ) : null}
        {item.status === 'open' && item.reopened ? (
          <p className="check-item-reason" data-testid={`item-reopened-${item.id}`}>
            <span aria-hidden="true">↺ </span>
            {t.itemReopenedBy(t.side[item.reopened.side], item.reopened.agency)}:{' '}
            <BiText value={item.reopened.reason} />
          </p>
        ) : null}
      </div>
      <div className="check-item-actions">
        {officer && mine ? (
          item.status === 'open' ? (
            <>
              <button
                type="button"
                className="btn btn-small btn-primary"
                onClick={() => send('completion', {}, t.itemState.completed)}
                disabled={write.pending}
                aria-describedby={textId}
              >
                {write.pending ? t.saving : t.markDone}
              </button>
              <button
                type="button"
                className="btn btn-small"
                aria-expanded={form === 'waive'}
                aria-describedby={textId}
                onClick={() => toggle('waive')}
              >
                {t.waive}
              </button>
            </>
          ) : (
            <button
              type="button"
              className="btn btn-small btn-quiet"
              aria-expanded={form === 'undo'}
              aria-describedby={textId}
              onClick={() => toggle('undo')}
            >
              {t.undo}
            </button>
          )
        ) : item.status === 'open' ? (
          <DisabledReason id={whyId}>{officer ? t.notYourItem(t.owner[item.owner]) : t.readOnlyReason}</DisabledReason>
        ) : null}
      </div>
      {form === 'waive' ? (
        <ReasonForm
          label={t.waiveReason}
          submit={t.confirmWaive}
          pending={write.pending}
          onSubmit={(reason) => send('waiver', { reason: { [lang]: reason } }, t.itemState.waived)}
          onCancel={() => setForm(undefined)}
        />
      ) : null}
      {form === 'undo' ? (
        <ReasonForm
          label={t.undoReason}
          submit={t.confirmUndo}
          pending={write.pending}
          onSubmit={(reason) => send('reopening', { reason: { [lang]: reason } }, t.undone)}
          onCancel={() => setForm(undefined)}
        />
      ) : null}
      {write.error ? <ErrorAlert error={write.error} /> : null}
    </li>
  );
}

function AddItem({ port }: { port: PortStatus }) {
  const { t } = useI18n();
  const { user, token } = useSignedIn();
  const { announce } = useLive();
  const write = useWrite(token);
  const owners: Owner[] = [user.country, 'JOINT'];
  const [owner, setOwner] = useState<Owner>(user.country);
  // Nothing chosen for the officer: a reminder must not become a critical item of the wrong agency by default.
  const [agency, setAgency] = useState('');
  const [critical, setCritical] = useState(false);
  const [text, setText] = useState({ en: '', es: '' });
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const [open, setOpen] = useState(false);
  const agencies = CHECKLIST_AGENCIES[owner];

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!agency) return setProblem(t.chooseAgency);
    if (!text.en.trim() || !text.es.trim()) return setProblem(`${t.itemText}: ${t.bothLanguages}`);
    setProblem(undefined);
    void write
      .run('POST', `/api/ports/${port.id}/checklist/items`, {
        owner,
        agency,
        critical,
        text: { en: text.en.trim(), es: text.es.trim() },
      })
      .then((result) => {
        if (!result) return;
        announce(t.itemAdded);
        setText({ en: '', es: '' });
        setOpen(false);
      });
  };

  if (!open) {
    return (
      <p>
        <button type="button" className="btn" aria-expanded={false} onClick={() => setOpen(true)}>
          {t.addItem}
        </button>
      </p>
    );
  }
  return (
    <form className="form add-item" onSubmit={onSubmit} data-testid="add-item-form" aria-labelledby="add-item-heading">
      <h3 id="add-item-heading">{t.addItem}</h3>
      <p className="muted">{t.addItemIntro}</p>
      <ChoiceField
        id="item-owner"
        label={t.itemOwner}
        value={owner}
        values={owners}
        labelOf={(value) => t.owner[value]}
        onChange={(next) => {
          setOwner(next);
          setAgency('');
        }}
      />
      <div className="field">
        <label htmlFor="item-agency">{t.itemAgency}</label>
        <select id="item-agency" value={agency} required onChange={(event) => setAgency(event.target.value)}>
          <option value="" disabled>
            {t.chooseAgency}
          </option>
          {agencies.map((value) => (
            <option key={value} value={value}>
              {value}
            </option>
          ))}
        </select>
      </div>
      <label className="check">
        <input type="checkbox" checked={critical} onChange={() => setCritical((value) => !value)} />
        {t.itemCritical}
      </label>
      <BilingualFields
        label={t.itemText}
        value={text}
        onChange={setText}
        required
        name="item-text"
        hint={t.bothLanguages}
      />
      <FormProblems problem={problem} error={write.error} />
      <div className="inline">
        <SubmitButton pending={write.pending} label={t.submitAddItem} className="btn btn-primary" />
        <button type="button" className="btn btn-quiet" onClick={() => setOpen(false)}>
          {t.cancel}
        </button>
      </div>
    </form>
  );
}

export function Checklist({ port, shutdown, zone }: { port: PortStatus; shutdown: ActiveShutdown; zone: string }) {
  const { t } = useI18n();
  const { user } = useSignedIn();
  const items = shutdown.checklist.items;
  const progress = port.checklistProgress;
  return (
    <section className="card" aria-labelledby="checklist-heading" data-testid="checklist">
      <h2 id="checklist-heading">{t.checklist}</h2>
      {progress ? (
        <p className="muted">
          {t.checklistSummary(progress.completed, progress.waived, progress.total, progress.criticalOpen)}
        </p>
      ) : null}
      {OWNERS.map((owner) => {
        const group = items.filter((item) => item.owner === owner);
        if (group.length === 0) return null;
        return (
          <section
            key={owner}
            className="check-group"
            aria-labelledby={`owner-${owner}`}
            data-testid={`checklist-group-${owner}`}
          >
            <h3 id={`owner-${owner}`}>
              <span className={`side-tag side-${owner}`} aria-hidden="true">
                {t.mapA11y.ownerTag[owner]}
              </span>{' '}
              {t.owner[owner]}
            </h3>
            <ul className="check-list">
              {group.map((item) => (
                <ChecklistRow key={item.id} port={port} item={item} zone={zone} />
              ))}
            </ul>
          </section>
        );
      })}
      {canWrite(user) ? <AddItem port={port} /> : null}
    </section>
  );
}
