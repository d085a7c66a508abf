// A hazardous material as the officer reads it: named in the officer's language from the ERG table (English ERG 2024,
// Spanish GRE 2024) when its UN number is in the table, else as the reporter typed it.
import type { HazardousMaterial } from '../api/types';
import { useI18n } from '../i18n/I18nProvider';
import { useResource } from '../state/DataProvider';

/** The table's entry of a UN number (none for a number that is not four digits). */
export function useMaterialReference(unNumber: string | undefined) {
  return useResource<HazardousMaterial>(unNumber && /^\d{4}$/.test(unNumber) ? `/api/materials/${unNumber}` : null);
}

export function MaterialName({ material }: { material: { unNumber?: string; name: string } }) {
  const { lang } = useI18n();
  const reference = useMaterialReference(material.unNumber);
  return <span data-testid="material-name">{reference.data?.names[lang] ?? material.name}</span>;
}
