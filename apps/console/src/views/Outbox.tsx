// The local outbox, for administrators: the e-mails and webhooks the worker kept on this machine instead of sending
// them (the embedded default's delivery config), newest first, a page at a time.
import { useState } from 'react';
import type { OutboxMessage, OutboxPage } from '@enlace/outbox-types';
import { ColumnHeads, Loadable, LocalTime, RolesOnlyPage } from '../components/common';
import { useTitle } from '../components/hooks';
import { useI18n } from '../i18n/I18nProvider';
import { canReadOutbox } from '../session/session';
import { useSignedIn } from '../session/SessionProvider';
import { useResource } from '../state/DataProvider';
import { browserZone } from '../time/format';
import './admin.css';

export const OUTBOX_PAGE_SIZE = 20;

function Row({ message }: { message: OutboxMessage }) {
  const { t } = useI18n();
  return (
    <tr data-testid="outbox-message" data-channel={message.channel}>
      <td>
        <LocalTime iso={message.receivedAt} zone={browserZone()} seconds />
      </td>
      <td>
        {t.outboxChannel[message.channel]}
        {message.kind === 'escalation' ? <span className="muted block">{t.outboxEscalation}</span> : null}
      </td>
      <td>
        {message.recipient}
        <span className="muted block">
          {message.agency} ({message.side})
        </span>
      </td>
      <td>
        {message.channel === 'email' ? (
          <details>
            <summary>{message.subject}</summary>
            <pre className="outbox-body">{message.body}</pre>
          </details>
        ) : (
          <details>
            <summary>{t.outboxPayload}</summary>
            <pre className="outbox-body">{JSON.stringify(message.payload, null, 2)}</pre>
          </details>
        )}
      </td>
      <td>
        <code className="block">{message.deliveryId}</code>
      </td>
    </tr>
  );
}

export function Outbox() {
  const { t } = useI18n();
  const { user } = useSignedIn();
  useTitle(t.outboxTitle);
  const allowed = canReadOutbox(user);
  const [offset, setOffset] = useState(0);
  const page = useResource<OutboxPage>(allowed ? `/api/admin/outbox?offset=${offset}&limit=${OUTBOX_PAGE_SIZE}` : null);
  return (
    <RolesOnlyPage
      allowed={allowed}
      id="outbox"
      title={t.outboxTitle}
      intro={t.outboxIntro}
      whoMay={t.outboxOnlyAdmins}
    >
      <Loadable resource={page}>
        {({ total, items }) => {
          if (total === 0) return <p className="muted">{t.outboxEmpty}</p>;
          const last = Math.min(offset + items.length, total);
          return (
            <>
              <p data-testid="outbox-range">{t.outboxRange(offset + 1, last, total)}</p>
              <table className="admin-table">
                <ColumnHeads
                  labels={[
                    t.outboxColumns.when,
                    t.outboxColumns.channel,
                    t.outboxColumns.to,
                    t.outboxColumns.message,
                    t.outboxColumns.delivery,
                  ]}
                />
                <tbody>
                  {items.map((message) => (
                    <Row key={`${message.deliveryId} ${message.receivedAt}`} message={message} />
                  ))}
                </tbody>
              </table>
              <div className="outbox-pager">
                <button
                  type="button"
                  className="btn"
                  data-testid="outbox-newer"
                  disabled={offset === 0}
                  onClick={() => setOffset(Math.max(0, offset - OUTBOX_PAGE_SIZE))}
                >
                  {t.outboxNewer}
                </button>
                <button
                  type="button"
                  className="btn"
                  data-testid="outbox-older"
                  disabled={last >= total}
                  onClick={() => setOffset(offset + OUTBOX_PAGE_SIZE)}
                >
                  {t.outboxOlder}
                </button>
                <button type="button" className="btn" data-testid="outbox-refresh" onClick={page.retry}>
                  {t.outboxRefresh}
                </button>
              </div>
            </>
          );
        }}
      </Loadable>
    </RolesOnlyPage>
  );
}
