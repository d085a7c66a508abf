// Each side's sign-off: given, pending, or withdrawn by a later change and to be given again. A side signs off once
// its own critical items are completed or waived.
import type { ActiveShutdown, PortStatus, Side } from '../../api/types';
import { DisabledReason, ErrorAlert, LocalTime } from '../../components/common';
import { pickText } from '../../i18n';
import { useI18n } from '../../i18n/I18nProvider';
import { useLive } from '../../live/LiveProvider';
import { canWrite } from '../../session/session';
import { useSignedIn } from '../../session/SessionProvider';
import { useWrite } from '../../state/DataProvider';

const SIDES: Side[] = ['US', 'MX'];

export function SignOffs({ port, shutdown, zone }: { port: PortStatus; shutdown: ActiveShutdown; zone: string }) {
  const { t, lang } = useI18n();
  const { user, token } = useSignedIn();
  /** The item a withdrawal names, as officers read it (its text, shortened), not its id. */
  const itemText = (itemId: string | undefined): string => {
    const item = shutdown.checklist.items.find((candidate) => candidate.id === itemId);
    const text = item ? pickText(item.text, lang).text : (itemId ?? '');
    return text.length > 90 ? `${text.slice(0, 89).trimEnd()}…` : text;
  };
  const { announce } = useLive();
  const write = useWrite(token);
  return (
    <section className="card" aria-labelledby="signoffs-heading">
      <h2 id="signoffs-heading">{t.signOffs}</h2>
      <div className="signoffs">
        {SIDES.map((side) => {
          const signOff = shutdown.signOffs[side];
          const withdrawn = signOff ? undefined : shutdown.signOffsToRenew[side];
          const state = signOff ? 'signed' : withdrawn ? 'renew' : 'pending';
          const own = canWrite(user) && user.country === side;
          const openOwn = shutdown.checklist.items.filter(
            (item) => item.critical && item.status === 'open' && item.owner === side,
          ).length;
          return (
            <div key={side} className={`signoff signoff-${state}`} data-testid={`sign-off-${side}`} data-state={state}>
              <p className="signoff-status">
                <span aria-hidden="true">{signOff ? '✔ ' : withdrawn ? '↻ ' : '○ '}</span>
                {signOff
                  ? t.signedOff(t.side[side])
                  : withdrawn
                    ? t.signOffWithdrawn(t.side[side])
                    : t.signOffPending(t.side[side])}
              </p>
              {signOff ? (
                <p className="muted small">
                  {t.signOffBy(signOff.officer, signOff.agency)} · <LocalTime iso={signOff.at} zone={zone} />
                </p>
              ) : null}
              {withdrawn ? (
                <p className="small" data-testid={`sign-off-withdrawn-${side}`}>
                  {t.withdrawalReason(withdrawn.cause, itemText(withdrawn.itemId), t.owner[side])}
                  <br />
                  <span className="muted">
                    {t.signOffWasGiven(withdrawn.officer, withdrawn.agency)} ·{' '}
                    <LocalTime iso={withdrawn.withdrawnAt} zone={zone} />
                  </span>
                </p>
              ) : null}
              {signOff ? null : own && openOwn === 0 ? (
                <button
                  type="button"
                  className="btn btn-primary"
                  disabled={write.pending}
                  onClick={() => {
                    void write.run('POST', `/api/ports/${port.id}/sign-offs`, { side }).then((result) => {
                      if (result) announce(t.signedOff(t.side[side]));
                    });
                  }}
                >
                  {withdrawn ? t.signOffAgain(t.side[side]) : t.signOff(t.side[side])}
                </button>
              ) : (
                <DisabledReason id={`signoff-why-${side}`}>
                  {own
                    ? t.signOffBlocked(openOwn)
                    : canWrite(user)
                      ? t.signOffOtherSide(t.side[side])
                      : t.readOnlyReason}
                </DisabledReason>
              )}
            </div>
          );
        })}
      </div>
      {write.error ? <ErrorAlert error={write.error} /> : null}
    </section>
  );
}
