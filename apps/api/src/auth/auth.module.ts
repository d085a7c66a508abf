import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { DEVELOPMENT_JWT_SECRET, EnvironmentVariables } from '@enlace/config';
import { createSecretKey } from 'node:crypto';
import { resolve } from 'node:path';
import { AuthController } from './auth.controller.js';
import { AuthGuard } from './auth.guard.js';
import { UserDirectory } from './user-directory.js';

@Module({
  imports: [
    JwtModule.registerAsync({
      inject: [EnvironmentVariables],
      useFactory: (env: EnvironmentVariables) => ({
        // A KeyObject, not the string: given a string, jsonwebtoken first tries to parse it as a public key on every
        // verification (a measurable share of a command's CPU under load).
        secret: createSecretKey(Buffer.from(env.JWT_SECRET ?? DEVELOPMENT_JWT_SECRET, 'utf8')),
        signOptions: { expiresIn: env.JWT_TTL_SECONDS, algorithm: 'HS256' },
        verifyOptions: { algorithms: ['HS256'] },
      }),
    }),
  ],
  controllers: [AuthController],
  providers: [
    {
      provide: UserDirectory,
      inject: [EnvironmentVariables],
      useFactory: async (env: EnvironmentVariables) => {
        const directory = UserDirectory.fromConfig(resolve(env.CONFIG_DIR));
        if (env.NODE_ENV === 'production') {
          const demo = await directory.withDemoPassword();
          if (demo.length > 0) {
            throw new Error(
              `Refusing to start in production: accounts ${demo.join(', ')} still have the demo password. ` +
                `Give them real passwords in ${env.CONFIG_DIR}/users.json.`,
            );
          }
        }
        return directory;
      },
    },
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [JwtModule],
})
export class AuthModule {}
