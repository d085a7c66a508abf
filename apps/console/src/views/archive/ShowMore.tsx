// The button under a paged list that loads its next page (absent once the last page is shown).
import { useI18n } from '../../i18n/I18nProvider';
import type { PagedList } from './paged';

export function ShowMore({ list, label }: { list: PagedList<unknown>; label: string }) {
  const { t } = useI18n();
  if (!list.more) return null;
  return (
    <button type="button" className="btn" onClick={list.loadMore} disabled={list.loading}>
      {list.loading ? t.loading : label}
    </button>
  );
}
