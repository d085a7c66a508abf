import { Inject, Module, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { APP_GUARD, HttpAdapterHost } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { Clock } from '@enlace/clock';
import { EnvironmentVariables } from '@enlace/config';
import { createSecretKey } from 'node:crypto';
import { resolve } from 'node:path';
import { AccessTokens } from './access-tokens.js';
import { AccessVerifier } from './access-verifier.js';
import { AccountDecisions } from './account-decisions.js';
import { AccountUnlocker } from './account-unlocker.js';
import { AccountsController } from './accounts.controller.js';
import { AccountsService } from './accounts.service.js';
import { AuthActivityLog } from './auth-activity-log.js';
import { AuthController } from './auth.controller.js';
import { AuthGuard } from './auth.guard.js';
import { AuthState } from './auth-state.js';
import { trustProxySetting } from './client-info.js';
import { ConsoleAuthenticator } from './console-authenticator.js';
import { LoginThrottle } from './login-throttle.js';
import { PasswordCheckPool } from './password-check-pool.js';
import { PasswordOverlay } from './password-overlay.js';
import { SessionsService } from './sessions.service.js';
import { SIGNING_SECRET, SigningSecretModule } from './signing-secret.js';
import { SignInService } from './sign-in.service.js';
import { UserDirectory } from './user-directory.js';
import { WeakPasswordCheck } from './weak-password-check.js';
import { WEAK_PASSWORDS } from './weak-passwords.js';

async function openDirectory(env: EnvironmentVariables, pool: PasswordCheckPool): Promise<UserDirectory> {
  const configDir = resolve(env.CONFIG_DIR);
  const directory = UserDirectory.fromConfig(configDir);
  if (env.NODE_ENV !== 'production') {
    directory.watch(configDir);
    return directory;
  }
  const check = new WeakPasswordCheck(resolve(env.DATA_DIR), pool);
  const weak = await check.weakAccounts(directory.list());
  if (weak.length > 0) {
    throw new Error(
      `Refusing to start in production: accounts ${weak.join(', ')} still have the demo password or another ` +
        `well-known weak one (${WEAK_PASSWORDS.join(', ')}). Give them real passwords in ${env.CONFIG_DIR}/users.json ` +
        '(npm run hash-password).',
    );
  }
  directory.watch(configDir, (accounts) => check.weakAccounts(accounts));
  return directory;
}

@Module({
  imports: [
    SigningSecretModule,
    JwtModule.registerAsync({
      imports: [SigningSecretModule],
      inject: [SIGNING_SECRET],
      useFactory: (secret: Buffer) => ({
        // A KeyObject, not the string: given a string, jsonwebtoken first tries to parse it as a public key on every
        // verification (a measurable share of a command's CPU under load).
        secret: createSecretKey(secret),
        signOptions: { algorithm: 'HS256' },
        verifyOptions: { algorithms: ['HS256'] },
      }),
    }),
  ],
  controllers: [AuthController, AccountsController],
  providers: [
    {
      provide: PasswordCheckPool,
      inject: [EnvironmentVariables],
      useFactory: (env: EnvironmentVariables) =>
        new PasswordCheckPool(env.PASSWORD_HASH_CONCURRENCY, env.PASSWORD_HASH_QUEUE, {
          places: env.LOGIN_ADDRESS_CONCURRENCY,
          queue: env.LOGIN_ADDRESS_QUEUE,
        }),
    },
    { provide: UserDirectory, inject: [EnvironmentVariables, PasswordCheckPool], useFactory: openDirectory },
    {
      provide: PasswordOverlay,
      inject: [EnvironmentVariables],
      useFactory: (env: EnvironmentVariables) => new PasswordOverlay(resolve(env.DATA_DIR)),
    },
    {
      provide: LoginThrottle,
      inject: [EnvironmentVariables, Clock],
      useFactory: (env: EnvironmentVariables, clock: Clock) =>
        new LoginThrottle(LoginThrottle.connect(env.REDIS_URL), env, clock),
    },
    AccessTokens,
    AuthState,
    AccessVerifier,
    AuthActivityLog,
    SignInService,
    SessionsService,
    AccountDecisions,
    AccountUnlocker,
    AccountsService,
    ConsoleAuthenticator,
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [AccessVerifier, ConsoleAuthenticator, SigningSecretModule, UserDirectory],
})
export class AuthModule implements OnModuleInit, OnApplicationShutdown {
  private stopListening: (() => void) | undefined;

  constructor(
    private readonly adapter: HttpAdapterHost,
    private readonly env: EnvironmentVariables,
    private readonly state: AuthState,
    private readonly throttle: LoginThrottle,
    @Inject(UserDirectory) private readonly directory: UserDirectory,
  ) {}

  onModuleInit(): void {
    // The client address that throttling and the sign-in record use: behind a load balancer, its X-Forwarded-For.
    const http = this.adapter.httpAdapter?.getInstance<{ set?: (name: string, value: unknown) => void }>();
    http?.set?.('trust proxy', trustProxySetting(this.env.TRUST_PROXY));
    this.stopListening = this.state.onChange((change) => {
      if (change.kind === 'account-unlocked') this.throttle.forgetLocally(change.username);
    });
  }

  onApplicationShutdown(): void {
    this.stopListening?.();
    this.directory.close();
    this.throttle.close();
  }
}
