import { aggregateOf, decodeEvent, eventTypesOf, schemaVersionOf } from '../shared/event-codec.js';
import type { Actor } from '../shared/decider.js';
import { AUDIT_JOURNAL_STREAM, auditExportRecorded } from './audit-journal.events.js';

const AUDITOR: Actor = { id: 'auditor', agency: 'OIG', country: 'US', role: 'auditor' };

describe('the audit journal', () => {
  it('is the one stream of the audit aggregate, and its events decode as every live stream’s must', () => {
    expect(aggregateOf(AUDIT_JOURNAL_STREAM)).toBe('audit');
    expect(eventTypesOf('audit')).toEqual(['AuditExportRecorded']);
    expect(schemaVersionOf('audit', 'AuditExportRecorded')).toBe(1);

    const recorded = auditExportRecorded({
      exportId: '6b0f2a9e-3f5e-4a8c-9d57-0c2f1d3e4b5a',
      kind: 'history-csv',
      filter: { aggregate: 'incident', type: ['IncidentReported', 'IncidentClosed'] },
      actor: AUDITOR,
      at: '2025-03-01T17:00:00.000Z',
      upTo: '00000000000000000750:00000000000000000042',
    });
    expect(recorded).toEqual({
      type: 'AuditExportRecorded',
      data: {
        exportId: '6b0f2a9e-3f5e-4a8c-9d57-0c2f1d3e4b5a',
        kind: 'history-csv',
        filter: { aggregate: 'incident', type: ['IncidentReported', 'IncidentClosed'] },
        exportedBy: { username: 'auditor', agency: 'OIG', side: 'US', role: 'auditor' },
        at: '2025-03-01T17:00:00.000Z',
        upTo: '00000000000000000750:00000000000000000042',
      },
    });
    expect(decodeEvent('audit', recorded.type, recorded.data)).toEqual({ ok: true, event: recorded });
  });

  it('says how many events a form held, and leaves the count out of a streamed history', () => {
    const form = auditExportRecorded({
      exportId: 'e',
      kind: 'ics-214-html',
      filter: { incidentId: 'i', side: 'MX', lang: 'es' },
      actor: { id: 'officer.mx', agency: 'ANAM', country: 'MX', role: 'officer' },
      at: '2025-03-01T17:00:00.000Z',
      events: 7,
    });
    expect(form.data.events).toBe(7);
    expect(form.data).not.toHaveProperty('upTo');
    const history = auditExportRecorded({ ...form.data, kind: 'history-jsonl', actor: AUDITOR, events: undefined });
    expect(history.data).not.toHaveProperty('events');
  });

  it('refuses a record that does not say who exported what', () => {
    const reason = (data: unknown) => {
      const decoded = decodeEvent('audit', 'AuditExportRecorded', data);
      return decoded.ok ? 'decoded' : decoded.reason;
    };
    expect(reason({ exportId: 'e', kind: 'history-csv', filter: {}, at: 'x' })).toBe(
      'AuditExportRecorded: exportedBy is missing or malformed',
    );
    expect(reason({ exportId: 'e', kind: 'history-csv', exportedBy: {}, at: 'x' })).toBe(
      'AuditExportRecorded: filter is missing or malformed',
    );
    expect(decodeEvent('audit', 'LoginSucceeded', {})).toEqual({
      ok: false,
      reason: 'LoginSucceeded is not one of the audit events',
    });
  });
});
