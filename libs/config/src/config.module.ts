import { type DynamicModule, Global, Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { resolve } from 'node:path';
import { EnvironmentVariables, validateEnvironment } from './environment.js';

/** `.env` (local overrides, not committed) first, then the committed defaults under config/. */
export const ENV_FILES = [resolve(process.cwd(), '.env'), resolve(process.cwd(), 'config/defaults.env')];

/**
 * Loads and validates the environment once. Inject `EnvironmentVariables` for typed values; `ConfigService` also
 * works for code that expects it.
 */
@Global()
@Module({})
export class EnlaceConfigModule {
  static forRoot(): DynamicModule {
    return {
      module: EnlaceConfigModule,
      imports: [
        ConfigModule.forRoot({ isGlobal: true, envFilePath: ENV_FILES, validate: validateEnvironment, cache: true }),
      ],
      providers: [{ provide: EnvironmentVariables, useFactory: () => validateEnvironment(process.env) }],
      exports: [EnvironmentVariables],
    };
  }
}
