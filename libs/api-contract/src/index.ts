export {
  LINT_CONFIG_FILE,
  type LintFinding,
  lintSpec,
  SPEC_FILE,
  sortedKeys,
  specText,
  TYPES_FILE,
  typesText,
} from './contract.js';
