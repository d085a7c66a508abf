import { existsSync, readFileSync } from 'node:fs';
import { parse } from 'dotenv';
import { ENV_FILES } from './config.module.js';
import { type EnvironmentVariables, InvalidEnvironmentError, validateEnvironment } from './environment.js';

/**
 * Reads the environment as the config module will (process environment first, then the env files) and validates
 * it, so a process can refuse to start with one clear message before anything else boots.
 */
export function loadEnvironmentOrExit(): EnvironmentVariables {
  const fromFiles: Record<string, string> = {};
  for (const file of [...ENV_FILES].reverse()) {
    if (existsSync(file)) Object.assign(fromFiles, parse(readFileSync(file)));
  }
  try {
    return validateEnvironment({ ...fromFiles, ...process.env });
  } catch (error) {
    if (error instanceof InvalidEnvironmentError) {
      process.stderr.write(
        `${error.message}\nFix them in the environment or in .env (defaults: config/defaults.env).\n`,
      );
      process.exit(1);
    }
    throw error;
  }
}
