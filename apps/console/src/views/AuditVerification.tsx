// The record's verification, for auditors and administrators: the last signed checkpoint and who signed it (the log,
// witnesses' cosignatures), the log's verifier key to check it elsewhere, and the whole record verified on demand.
import { useEffect, useState } from 'react';
import { type ApiError, asApiError, request } from '../api/client';
import { AuditTabs } from '../audit/AuditTabs';
import { OwnAndUtcTime, UtcTime } from '../audit/AuditTimes';
import { noteSigners } from '../audit/checkpoint-note';
import { shortPosition } from '../audit/positions';
import type { LogKey, StoredCheckpoint, Verification } from '../audit/types';
import { ColumnHeads, ErrorAlert, Loadable, RolesOnlyPage } from '../components/common';
import { useNow, useTitle } from '../components/hooks';
import { useI18n } from '../i18n/I18nProvider';
import { useLive } from '../live/LiveProvider';
import { canAudit } from '../session/session';
import { useSignedIn } from '../session/SessionProvider';
import { useResource } from '../state/DataProvider';
import { browserZone, formatDuration } from '../time/format';
import '../audit/audit.css';

/** The newest checkpoint is read again this often (the log cuts one every minute or thousand events). */
const CHECKPOINT_REFRESH_MS = 10_000;

function Checkpoint({ checkpoint, logKey }: { checkpoint: StoredCheckpoint; logKey: LogKey | undefined }) {
  const { t } = useI18n();
  const v = t.audit.verification;
  const signers = logKey ? noteSigners(checkpoint.note, logKey.origin, logKey.verifierKey) : [];
  const cosigned = signers.some((signer) => signer.role === 'witness');
  return (
    <>
      <dl className="facts" data-testid="checkpoint" data-size={checkpoint.size}>
        <dt>{v.size}</dt>
        <dd data-testid="checkpoint-size">{checkpoint.size}</dd>
        <dt>{v.root}</dt>
        <dd className="mono break">{checkpoint.root}</dd>
        <dt>{v.signedAt}</dt>
        <dd>
          <OwnAndUtcTime iso={checkpoint.at} zone={browserZone()} />
        </dd>
        {checkpoint.lastPosition ? (
          <>
            <dt>{v.lastPosition}</dt>
            <dd className="mono" title={checkpoint.lastPosition}>
              {shortPosition(checkpoint.lastPosition)}
            </dd>
          </>
        ) : null}
        <dt>{v.signers}</dt>
        <dd>
          <ul className="plain" data-testid="checkpoint-signers">
            {signers.map((signer) => (
              <li key={`${signer.name} ${signer.keyId}`} data-role={signer.role}>
                <strong>{signer.name}</strong> · {v.signerRole[signer.role]} ·{' '}
                <span className="mono">{v.keyId(signer.keyId)}</span>
                {signer.cosignedAt ? (
                  <>
                    {' '}
                    · {v.cosignedAt} <UtcTime iso={signer.cosignedAt} />
                  </>
                ) : null}
              </li>
            ))}
          </ul>
          {!cosigned ? <p className="muted small">{v.noCosignature}</p> : null}
        </dd>
      </dl>
    </>
  );
}

function VerifierKey({ logKey }: { logKey: LogKey }) {
  const { t } = useI18n();
  const { announce } = useLive();
  const v = t.audit.verification;
  const [copied, setCopied] = useState<'copied' | 'failed' | undefined>(undefined);
  const copy = () => {
    navigator.clipboard.writeText(logKey.verifierKey).then(
      () => {
        setCopied('copied');
        announce(v.copied);
      },
      () => setCopied('failed'),
    );
  };
  return (
    <>
      <p className="muted">{v.keyIntro}</p>
      <dl className="facts">
        <dt>{v.origin}</dt>
        <dd className="mono">{logKey.origin}</dd>
        <dt>{v.verifierKey}</dt>
        <dd>
          <code className="verifier-key" data-testid="verifier-key">
            {logKey.verifierKey}
          </code>
          <div className="audit-actions">
            <button type="button" className="btn btn-small" onClick={copy} data-testid="copy-verifier-key">
              {v.copy}
            </button>
            {copied ? (
              <span className={copied === 'copied' ? 'muted small' : 'field-error'}>
                {copied === 'copied' ? v.copied : v.copyFailed}
              </span>
            ) : null}
          </div>
        </dd>
        <dt>{v.witnesses}</dt>
        <dd>{logKey.witnesses.length ? logKey.witnesses.join(', ') : v.noWitnesses}</dd>
      </dl>
    </>
  );
}

function Result({ result }: { result: Verification }) {
  const { t, lang } = useI18n();
  const v = t.audit.verification;
  const { log, chains } = result;
  const problem = log.problem;
  return (
    <div
      className={`verification-result ${result.ok ? 'verification-ok' : 'verification-bad'}`}
      data-testid="verification-result"
      data-ok={String(result.ok)}
      role={result.ok ? 'status' : 'alert'}
    >
      <p className="verification-verdict">
        <span aria-hidden="true">{result.ok ? '✔ ' : '✖ '}</span>
        <strong>{result.ok ? v.verified : v.notVerified}</strong>
      </p>
      <dl className="facts">
        <dt>{v.checkedAt}</dt>
        <dd>
          <OwnAndUtcTime iso={result.checkedAt} zone={browserZone()} />
        </dd>
        <dt>{v.logHeading}</dt>
        <dd data-testid="verification-log" data-ok={String(log.ok)}>
          {v.logLine(log.eventsChecked, log.checkpointsChecked)}
        </dd>
        {problem ? (
          <>
            <dt>{v.problem}</dt>
            <dd data-testid="verification-problem" data-kind={problem.kind}>
              <strong>{v.problemKind[problem.kind] ?? problem.kind}</strong>
              <p>{problem.message[lang] || problem.message.en}</p>
              <dl className="facts facts-inline">
                {problem.position ? (
                  <>
                    <dt>{v.position}</dt>
                    <dd className="mono" title={problem.position}>
                      {shortPosition(problem.position)}
                    </dd>
                  </>
                ) : null}
                {problem.leafIndex !== undefined ? (
                  <>
                    <dt>{v.leafIndex}</dt>
                    <dd>{problem.leafIndex}</dd>
                  </>
                ) : null}
                {problem.checkpointSize !== undefined ? (
                  <>
                    <dt>{v.checkpointSize}</dt>
                    <dd>{problem.checkpointSize}</dd>
                  </>
                ) : null}
              </dl>
            </dd>
          </>
        ) : null}
        <dt>{v.chainsHeading}</dt>
        <dd data-testid="verification-chains" data-ok={String(chains.ok)}>
          <strong>{chains.ok ? v.chainsIntact : v.chainsBroken(chains.breaks.length)}</strong>:{' '}
          {v.chainsLine(chains.streamsChecked, chains.eventsChecked)}
        </dd>
      </dl>
      {chains.breaks.length > 0 ? (
        <div className="table-wrap">
          <table className="table">
            <ColumnHeads labels={[v.breakColumns.stream, v.breakColumns.revision, v.breakColumns.reason]} />
            <tbody>
              {chains.breaks.map((broken) => (
                <tr key={`${broken.streamId}#${broken.revision}`}>
                  <td className="mono">{broken.streamId}</td>
                  <td>{broken.revision}</td>
                  <td>{v.breakReason[broken.reason] ?? broken.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </div>
  );
}

function VerifyNow() {
  const { t } = useI18n();
  const { token } = useSignedIn();
  const { announce } = useLive();
  const v = t.audit.verification;
  const [startedAt, setStartedAt] = useState<number | undefined>(undefined);
  const [result, setResult] = useState<Verification | undefined>(undefined);
  const [error, setError] = useState<ApiError | undefined>(undefined);
  const now = useNow(startedAt === undefined ? 60_000 : 1_000);
  const verify = () => {
    setStartedAt(Date.now());
    setError(undefined);
    request<Verification>('GET', '/api/audit/log/verification', { token })
      .then((answer) => {
        setResult(answer);
        announce(answer.ok ? v.verified : v.notVerified);
      })
      .catch((failure: unknown) => setError(asApiError(failure)))
      .finally(() => setStartedAt(undefined));
  };
  return (
    <>
      <p className="muted">{v.verifyHint}</p>
      <button
        type="button"
        className="btn btn-primary"
        onClick={verify}
        disabled={startedAt !== undefined}
        aria-describedby={startedAt !== undefined ? 'verification-progress' : undefined}
        data-testid="verify-now"
      >
        {v.verify}
      </button>
      {startedAt !== undefined ? (
        <div className="verification-progress" id="verification-progress" role="status" data-testid="verifying">
          <progress aria-label={v.verifying} />
          <span>
            {v.verifying} {v.elapsed(formatDuration(Math.max(0, now - startedAt)))}
          </span>
        </div>
      ) : null}
      {error ? <ErrorAlert error={error} onRetry={verify} /> : null}
      {result && startedAt === undefined ? <Result result={result} /> : null}
    </>
  );
}

export function AuditVerification() {
  const { t } = useI18n();
  const { user } = useSignedIn();
  const v = t.audit.verification;
  useTitle(v.title);
  const allowed = canAudit(user);
  const checkpoint = useResource<StoredCheckpoint>(allowed ? '/api/audit/log/checkpoint' : null);
  const logKey = useResource<LogKey>(allowed ? '/api/audit/log/key' : null);
  const { retry } = checkpoint;
  useEffect(() => {
    if (!allowed) return;
    const timer = window.setInterval(retry, CHECKPOINT_REFRESH_MS);
    return () => window.clearInterval(timer);
  }, [allowed, retry]);
  return (
    <RolesOnlyPage allowed={allowed} id="audit-verification" title={v.title} intro={v.intro} whoMay={v.onlyAuditors}>
      <AuditTabs />
      <section className="panel" aria-labelledby="checkpoint-title">
        <h2 id="checkpoint-title">{v.checkpointHeading}</h2>
        {checkpoint.data === undefined && checkpoint.error?.status === 404 ? (
          <NoCheckpoint error={checkpoint.error} />
        ) : (
          <Loadable resource={checkpoint}>{(data) => <Checkpoint checkpoint={data} logKey={logKey.data} />}</Loadable>
        )}
      </section>
      <section className="panel" aria-labelledby="verifier-key-title">
        <h2 id="verifier-key-title">{v.keyHeading}</h2>
        <Loadable resource={logKey}>{(data) => <VerifierKey logKey={data} />}</Loadable>
      </section>
      <section className="panel" aria-labelledby="verify-title" data-testid="verification">
        <h2 id="verify-title">{v.verifyHeading}</h2>
        <VerifyNow />
      </section>
    </RolesOnlyPage>
  );
}

/** Nothing sealed yet: the api says so, in the console's language. */
function NoCheckpoint({ error }: { error: ApiError }) {
  const { lang } = useI18n();
  return <p className="muted">{error.text(lang)}</p>;
}
