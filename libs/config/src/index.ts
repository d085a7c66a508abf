export { EnlaceConfigModule, ENV_FILES } from './config.module.js';
export {
  apiDocsAccess,
  DEVELOPMENT_JWT_SECRET,
  EnvironmentVariables,
  InvalidEnvironmentError,
  nestLogLevels,
  validateEnvironment,
  workerEmbedded,
} from './environment.js';
export { loadEnvironmentOrExit } from './load-environment.js';
