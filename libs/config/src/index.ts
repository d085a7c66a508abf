export { EnlaceConfigModule, ENV_FILES } from './config.module.js';
export {
  apiDocsAccess,
  EnvironmentVariables,
  InvalidEnvironmentError,
  logFormat,
  nestLogLevels,
  validateEnvironment,
  workerEmbedded,
} from './environment.js';
export { loadEnvironmentOrExit } from './load-environment.js';
export { keepGeneratedFile, readPrivateFile } from './generated-file.js';
