// The audit screens' own navigation: the history and the verification (an incident's timeline opens from either).
import { useI18n } from '../i18n/I18nProvider';
import { Link, useRouter } from '../router/Router';

export function AuditTabs() {
  const { t } = useI18n();
  const { route } = useRouter();
  return (
    <nav className="audit-tabs" aria-label={t.audit.tabs}>
      <Link
        to={{ name: 'audit-history' }}
        aria-current={route.name === 'audit-history' ? 'page' : undefined}
        data-testid="audit-tab-history"
      >
        {t.audit.tabHistory}
      </Link>
      <Link
        to={{ name: 'audit-verification' }}
        aria-current={route.name === 'audit-verification' ? 'page' : undefined}
        data-testid="audit-tab-verification"
      >
        {t.audit.tabVerification}
      </Link>
    </nav>
  );
}
