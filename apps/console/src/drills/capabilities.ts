// The HSEEP core capabilities as the console names them: the scenarios lib's own list (pure data), so an
// observation, an objective or an inject reads the same name in the console, the scenario files and the reports.
import { CORE_CAPABILITIES, CORE_CAPABILITY_IDS, type CoreCapability } from '@enlace/core-capabilities';
import type { Lang } from '../i18n';

export { CORE_CAPABILITY_IDS, type CoreCapability };

/** The capability's name in `lang`; an id the list does not know is shown as it is. */
export function capabilityName(id: string, lang: Lang): string {
  return (CORE_CAPABILITIES as Record<string, { en: string; es: string } | undefined>)[id]?.[lang] ?? id;
}

/** The capabilities `first` (a scenario's), then every other one, each once. */
export function capabilitiesFirst(first: readonly string[]): string[] {
  return [...new Set([...first, ...CORE_CAPABILITY_IDS])];
}
