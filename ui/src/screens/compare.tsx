import { t } from '../i18n';
import { EmptyState, PageHeader } from '../components/layout';

export function CompareScreen() {
  return (
    <>
      <PageHeader title={t('compare.title')} subtitle={t('compare.subtitle')} />
      <EmptyState title={t('compare.emptyTitle')} body={t('compare.emptyBody')} />
    </>
  );
}
