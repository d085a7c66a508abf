export { EnlaceConfigModule, ENV_FILES } from './config.module.js';
export {
  EnvironmentVariables,
  InvalidEnvironmentError,
  nestLogLevels,
  validateEnvironment,
  workerEmbedded,
} from './environment.js';
export { loadEnvironmentOrExit } from './load-environment.js';
