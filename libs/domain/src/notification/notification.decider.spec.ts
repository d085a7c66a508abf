import { DomainError } from '../shared/domain-error.js';
import type { Actor } from '../shared/decider.js';
import type { BilingualText, Language } from '../shared/text.js';
import { auditor, deciderSpecification, mxOfficer, NOW, planner, testContext, usOfficer } from '../testing/index.js';
import {
  evolveNotification,
  initialNotificationState,
  notificationDecider,
  pendingRecipients,
  type ExistingNotification,
  type NotificationCommand,
  type NotificationState,
} from './notification.decider.js';
import type { NotificationEvent } from './notification.events.js';

const spec = deciderSpecification(notificationDecider, () => testContext());

const NOTIFICATION_ID = 'notification-2026-0001';
const BLM_ID = 'blm-sandiego-tijuana';
const DEADLINE = '2026-11-23T20:00:00.000Z';
const TITLE: BilingualText = { en: 'Otay Mesa commercial lanes closed' };
const BODY: BilingualText = { en: 'Chlorine release; commercial lanes closed until further notice.' };
const RECIPIENTS = [
  { agency: 'CBP', side: 'US' as const },
  { agency: 'ANAM', side: 'MX' as const },
];

const secondCbpOfficer: Actor = { id: 'officer.us.2', agency: 'CBP', country: 'US', role: 'officer' };
const femaOfficer: Actor = { id: 'officer.fema', agency: 'FEMA', country: 'US', role: 'officer' };
const anamOfficerOnTheUsSide: Actor = { id: 'officer.anam.us', agency: 'ANAM', country: 'US', role: 'officer' };

type IssueData = Extract<NotificationCommand, { type: 'IssueBlmNotification' }>['data'];
type UpdateData = Extract<NotificationCommand, { type: 'UpdateBlmNotification' }>['data'];
type EventData<Type extends NotificationEvent['type']> = Extract<NotificationEvent, { type: Type }>['data'];

// ---- commands ----

/** The notice an officer issues, which its event records as it is. */
const NOTICE: IssueData = {
  notificationId: NOTIFICATION_ID,
  blmId: BLM_ID,
  subject: { incidentId: 'incident-1', portId: 'otay-mesa', shutdownId: 'shutdown-1' },
  title: TITLE,
  body: BODY,
  severity: 'severe',
  acknowledgmentDeadline: DEADLINE,
};

function issue(overrides: Partial<IssueData> = {}): NotificationCommand {
  return { type: 'IssueBlmNotification', data: { ...NOTICE, ...overrides } };
}

const update = (data: UpdateData): NotificationCommand => ({ type: 'UpdateBlmNotification', data });

const acknowledge = (readIn?: Language): NotificationCommand => ({
  type: 'AcknowledgeBlmNotification',
  data: readIn ? { readIn } : {},
});

const cancel = (reason: BilingualText = { en: 'Issued in error' }): NotificationCommand => ({
  type: 'CancelBlmNotification',
  data: { reason },
});

// ---- events ----

function issued(overrides: Partial<EventData<'BlmNotificationIssued'>> = {}): NotificationEvent {
  return {
    type: 'BlmNotificationIssued',
    data: {
      ...NOTICE,
      recipients: RECIPIENTS,
      issuedBy: { side: 'US', agency: 'CBP', officer: 'officer.us' },
      ...overrides,
    },
  };
}

const updated = (changes: Omit<EventData<'BlmNotificationUpdated'>, 'notificationId'>): NotificationEvent => ({
  type: 'BlmNotificationUpdated',
  data: { notificationId: NOTIFICATION_ID, ...changes },
});

const acknowledged = (actor: Actor, readIn?: Language): NotificationEvent => ({
  type: 'BlmNotificationAcknowledged',
  data: {
    notificationId: NOTIFICATION_ID,
    agency: actor.agency,
    side: actor.country!,
    officer: actor.id,
    ...(readIn ? { readIn } : {}),
  },
});

const cancelled = (reason: BilingualText = { en: 'Issued in error' }): NotificationEvent => ({
  type: 'BlmNotificationCancelled',
  data: { notificationId: NOTIFICATION_ID, reason },
});

const commandsOnANotification: [string, NotificationCommand][] = [
  ['UpdateBlmNotification', update({ severity: 'extreme' })],
  ['AcknowledgeBlmNotification', acknowledge()],
  ['CancelBlmNotification', cancel()],
];

function fold(events: [NotificationEvent, string][]): NotificationState {
  return events.reduce((state, [event, at]) => evolveNotification(state, event, at), initialNotificationState());
}

function existing(state: NotificationState): ExistingNotification {
  if (state.status === 'none') throw new Error('expected a notification');
  return state;
}

describe('notification decider', () => {
  describe('issuing a notification', () => {
    it('addresses every member agency of the BLM and records who issued it', () => {
      spec.given([]).when(issue(), { actor: usOfficer }).then([issued()]);
    });

    it('records a Mexican officer as the issuer', () => {
      spec
        .given([])
        .when(issue(), { actor: mxOfficer })
        .then([issued({ issuedBy: { side: 'MX', agency: 'ANAM', officer: 'officer.mx' } })]);
    });

    it('accepts a subject without a port', () => {
      spec
        .given([])
        .when(issue({ subject: { incidentId: 'incident-1' } }))
        .then([issued({ subject: { incidentId: 'incident-1' } })]);
    });

    it('compares deadlines as instants, whatever their UTC offset', () => {
      const deadline = '2026-11-23T13:00:00.000-06:00'; // 19:00Z, an hour from now
      spec
        .given([])
        .when(issue({ acknowledgmentDeadline: deadline }))
        .then([issued({ acknowledgmentDeadline: deadline })]);
    });

    it('refuses an unknown Border Liaison Mechanism', () => {
      spec
        .given([])
        .when(issue({ blmId: 'blm-nowhere' }))
        .thenFails('NOTIFICATION.UNKNOWN_BLM', { blmId: 'blm-nowhere' });
    });

    it('refuses an unknown port in the subject', () => {
      spec
        .given([])
        .when(issue({ subject: { portId: 'atlantis' } }))
        .thenFails('NOTIFICATION.UNKNOWN_PORT', { portId: 'atlantis' });
    });

    it('refuses an acknowledgment deadline that is not in the future', () => {
      spec
        .given([])
        .when(issue({ acknowledgmentDeadline: '2026-11-23T17:00:00.000Z' }))
        .thenFails('NOTIFICATION.DEADLINE_PASSED', { acknowledgmentDeadline: '2026-11-23T17:00:00.000Z', now: NOW });
      spec
        .given([])
        .when(issue({ acknowledgmentDeadline: NOW }))
        .thenFails('NOTIFICATION.DEADLINE_PASSED', { acknowledgmentDeadline: NOW, now: NOW });
    });

    it('refuses an acknowledgment deadline that is not a date', () => {
      const decide = () =>
        spec
          .given([])
          .when(issue({ acknowledgmentDeadline: 'tomorrow' }))
          .events();
      expect(decide).toThrow(DomainError);
    });

    it('refuses to issue the same notification twice', () => {
      spec.given([issued()]).when(issue()).thenFails('NOTIFICATION.ALREADY_ISSUED');
      spec.given([issued(), cancelled()]).when(issue()).thenFails('NOTIFICATION.ALREADY_ISSUED');
    });
  });

  describe('updating a notification', () => {
    it('records only the fields given', () => {
      spec
        .given([issued()])
        .when(
          update({
            severity: 'extreme',
            body: { en: 'Both directions closed', es: 'Ambos sentidos cerrados' },
            title: undefined,
          }),
        )
        .then([
          updated({ severity: 'extreme', body: { en: 'Both directions closed', es: 'Ambos sentidos cerrados' } }),
        ]);
      const [event] = spec
        .given([issued()])
        .when(update({ severity: 'extreme', title: undefined }))
        .events();
      expect(Object.keys(event!.data)).toEqual(['notificationId', 'severity']);
    });

    it('moves the deadline to a later time', () => {
      spec
        .given([issued()])
        .when(update({ acknowledgmentDeadline: '2026-11-24T00:00:00.000Z' }))
        .then([updated({ acknowledgmentDeadline: '2026-11-24T00:00:00.000Z' })]);
    });

    it('refuses an update that changes nothing', () => {
      spec.given([issued()]).when(update({})).thenFails('NOTIFICATION.NOTHING_TO_UPDATE');
      spec
        .given([issued()])
        .when(update({ title: undefined }))
        .thenFails('NOTIFICATION.NOTHING_TO_UPDATE');
    });

    it('refuses a deadline that is not in the future', () => {
      spec
        .given([issued()])
        .when(update({ acknowledgmentDeadline: '2026-11-23T12:00:00.000Z' }))
        .thenFails('NOTIFICATION.DEADLINE_PASSED', { acknowledgmentDeadline: '2026-11-23T12:00:00.000Z', now: NOW });
    });

    it('refuses an empty deadline', () => {
      const decide = () =>
        spec
          .given([issued()])
          .when(update({ acknowledgmentDeadline: '' }))
          .events();
      expect(decide).toThrow(DomainError);
    });
  });

  describe('acknowledging a notification', () => {
    it('records the acknowledgment of each member agency, with the language it was read in', () => {
      spec
        .given([issued()])
        .when(acknowledge(), { actor: usOfficer })
        .then([acknowledged(usOfficer)]);
      spec
        .given([issued(), acknowledged(usOfficer)])
        .when(acknowledge('es'), { actor: mxOfficer })
        .then([acknowledged(mxOfficer, 'es')]);
    });

    it('records a late acknowledgment too', () => {
      spec
        .given([issued()])
        .when(acknowledge(), { actor: mxOfficer, now: '2026-11-23T21:00:00.000Z' })
        .then([acknowledged(mxOfficer)]);
    });

    it('refuses a second acknowledgment by the same agency, even from another officer', () => {
      const previous = { agency: 'CBP', side: 'US', officer: 'officer.us', at: NOW };
      spec
        .given([issued(), acknowledged(usOfficer)])
        .when(acknowledge(), { actor: usOfficer })
        .thenFails('NOTIFICATION.ALREADY_ACKNOWLEDGED', { acknowledgment: previous });
      spec
        .given([issued(), acknowledged(usOfficer)])
        .when(acknowledge(), { actor: secondCbpOfficer })
        .thenFails('NOTIFICATION.ALREADY_ACKNOWLEDGED', { acknowledgment: previous });
    });

    it('refuses an agency that is not a recipient, on either side', () => {
      spec
        .given([issued()])
        .when(acknowledge(), { actor: femaOfficer })
        .thenFails('NOTIFICATION.NOT_A_RECIPIENT', { agency: 'FEMA', side: 'US' });
      spec
        .given([issued()])
        .when(acknowledge(), { actor: anamOfficerOnTheUsSide })
        .thenFails('NOTIFICATION.NOT_A_RECIPIENT', { agency: 'ANAM', side: 'US' });
    });
  });

  describe('cancelling a notification', () => {
    it('cancels with a reason', () => {
      spec
        .given([issued(), acknowledged(usOfficer)])
        .when(cancel({ es: 'Emitida por error' }), { actor: usOfficer })
        .then([cancelled({ es: 'Emitida por error' })]);
    });

    it('refuses a cancellation or an update by the side that did not issue it', () => {
      spec
        .given([issued()])
        .when(cancel({ es: 'Emitida por error' }), { actor: mxOfficer })
        .thenFails('AUTH.WRONG_SIDE', { issuingSide: 'US', actorSide: 'MX' });
      spec
        .given([issued()])
        .when({ type: 'UpdateBlmNotification', data: { severity: 'minor' } }, { actor: mxOfficer })
        .thenFails('AUTH.WRONG_SIDE', { issuingSide: 'US', actorSide: 'MX' });
    });

    it.each(commandsOnANotification)('refuses %s after the cancellation', (_name, command) => {
      spec
        .given([issued(), cancelled()])
        .when(command, { actor: mxOfficer })
        .thenFails('NOTIFICATION.CANCELLED', { notificationId: NOTIFICATION_ID });
    });
  });

  describe('a notification that does not exist', () => {
    it.each(commandsOnANotification)('refuses %s with NOTIFICATION.NOT_FOUND', (_name, command) => {
      spec.given([]).when(command).thenFails('NOTIFICATION.NOT_FOUND');
    });
  });

  describe('who may act', () => {
    it.each([['IssueBlmNotification', issue()] as [string, NotificationCommand], ...commandsOnANotification])(
      'refuses an auditor or planner to %s',
      (_name, command) => {
        const given = command.type === 'IssueBlmNotification' ? [] : [issued()];
        spec.given(given).when(command, { actor: auditor }).thenFails('AUTH.ROLE');
        spec.given(given).when(command, { actor: planner }).thenFails('AUTH.ROLE');
      },
    );
  });

  describe('pendingRecipients', () => {
    const recipients = (events: NotificationEvent[]) =>
      pendingRecipients(existing(fold(events.map((event) => [event, NOW]))));

    it('lists the recipients that have not acknowledged yet', () => {
      const byMexico = issued({ issuedBy: { side: 'MX', agency: 'SRE', officer: 'officer.sre' } });
      expect(recipients([byMexico])).toEqual(RECIPIENTS);
      expect(recipients([byMexico, acknowledged(usOfficer)])).toEqual([{ agency: 'ANAM', side: 'MX' }]);
      expect(recipients([byMexico, acknowledged(mxOfficer), acknowledged(usOfficer)])).toEqual([]);
    });

    it('never lists the issuing agency, a member of the BLM that wrote the notice', () => {
      expect(recipients([issued()])).toEqual([{ agency: 'ANAM', side: 'MX' }]);
      expect(recipients([issued(), acknowledged(mxOfficer)])).toEqual([]);
    });
  });

  describe('state', () => {
    const T1 = '2026-11-23T18:01:00.000Z';
    const T2 = '2026-11-23T18:02:00.000Z';
    const T3 = '2026-11-23T18:03:00.000Z';
    const T4 = '2026-11-23T18:04:00.000Z';

    it('starts with no notification and ignores events before the issue', () => {
      expect(initialNotificationState()).toEqual({ status: 'none' });
      expect(evolveNotification(initialNotificationState(), cancelled(), T1)).toEqual({ status: 'none' });
    });

    it('folds the updates, acknowledgments and cancellation', () => {
      const state = fold([
        [issued(), T1],
        [acknowledged(usOfficer), T2],
        [updated({ severity: 'extreme', title: { en: 'All Otay Mesa lanes closed' } }), T2],
        [acknowledged(mxOfficer, 'es'), T3],
        [cancelled(), T4],
      ]);
      expect(state).toEqual({
        status: 'cancelled',
        notificationId: NOTIFICATION_ID,
        blmId: BLM_ID,
        subject: { incidentId: 'incident-1', portId: 'otay-mesa', shutdownId: 'shutdown-1' },
        title: { en: 'All Otay Mesa lanes closed' },
        body: BODY,
        severity: 'extreme',
        acknowledgmentDeadline: DEADLINE,
        recipients: RECIPIENTS,
        acknowledgments: [
          { agency: 'CBP', side: 'US', officer: 'officer.us', at: T2 },
          { agency: 'ANAM', side: 'MX', officer: 'officer.mx', readIn: 'es', at: T3 },
        ],
        issuedBy: { side: 'US', agency: 'CBP', officer: 'officer.us' },
        issuedAt: T1,
        updatedAt: T4,
        cancellation: { reason: { en: 'Issued in error' }, at: T4 },
        deliveries: {},
        escalations: [],
      });
    });
  });
});
