// Sign in with the api's login. The language can be chosen before signing in.
import { useId, useState, type FormEvent } from 'react';
import { ApiError, request } from '../api/client';
import type { LoginResponse } from '../api/types';
import { Brand, LanguageSwitch, SkipLink } from '../components/Shell';
import { useTitle } from '../components/hooks';
import { useI18n } from '../i18n/I18nProvider';
import { useSession } from '../session/SessionProvider';
import './sign-in.css';

export function SignIn() {
  const { t, lang } = useI18n();
  const { signIn, reason } = useSession();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | undefined>(undefined);
  const errorId = useId();
  useTitle(t.signInTitle);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setPending(true);
    setError(undefined);
    request<LoginResponse>('POST', '/api/auth/login', { body: { username: username.trim(), password } })
      .then((login) => {
        if (!signIn(login)) setError(t.signInFailed);
      })
      .catch((failure: unknown) => {
        if (failure instanceof ApiError && failure.status === 401) setError(t.signInFailed);
        // Too many at once from this address: like a busy server, a moment is enough.
        else if (failure instanceof ApiError && failure.code === 'AUTH.TOO_MANY_AT_ONCE') setError(t.signInBusy);
        else if (failure instanceof ApiError && failure.status === 429) {
          setError(t.signInTooMany(Number(failure.details.retryAfterSeconds) || 60));
        } else if (failure instanceof ApiError && failure.status === 503) setError(t.signInBusy);
        else if (failure instanceof ApiError && failure.status === 0) setError(t.networkError);
        else if (failure instanceof ApiError) setError(failure.fieldMessages(lang).join(' ') || failure.text(lang));
        else setError(t.networkError);
      })
      .finally(() => setPending(false));
  };

  return (
    <div className="signin-page">
      <SkipLink />
      <header className="signin-header">
        <Brand />
        <LanguageSwitch />
      </header>
      <main id="main" tabIndex={-1} className="signin-main">
        <form className="card signin-card" data-testid="login-form" onSubmit={onSubmit} noValidate>
          <h1>{t.signInTitle}</h1>
          <p className="muted">{t.appTagline}</p>
          <p>{t.signInIntro}</p>
          {reason ? (
            <p className="notice notice-info" role="status" data-testid="signed-out-reason">
              {reason === 'expired' ? t.sessionExpired : reason === 'ended' ? t.sessionEnded : t.signedOut}
            </p>
          ) : null}
          <div className="field">
            <label htmlFor="username">{t.username}</label>
            <input
              id="username"
              name="username"
              autoComplete="username"
              autoCapitalize="none"
              spellCheck={false}
              required
              value={username}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? errorId : undefined}
              onChange={(event) => setUsername(event.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor="password">{t.password}</label>
            <input
              id="password"
              name="password"
              type="password"
              autoComplete="current-password"
              required
              value={password}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? errorId : undefined}
              onChange={(event) => setPassword(event.target.value)}
            />
          </div>
          {error ? (
            <p className="alert alert-error" role="alert" id={errorId}>
              {error}
            </p>
          ) : null}
          <button type="submit" className="btn btn-primary" disabled={pending || !username || !password}>
            {pending ? t.signingIn : t.signIn}
          </button>
        </form>
      </main>
    </div>
  );
}
