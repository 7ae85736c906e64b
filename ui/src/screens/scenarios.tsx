import { t } from '../i18n';
import { EmptyState, PageHeader } from '../components/layout';

export function ScenariosScreen() {
  return (
    <>
      <PageHeader title={t('scenarios.title')} subtitle={t('scenarios.subtitle')} />
      <EmptyState title={t('scenarios.emptyTitle')} body={t('scenarios.emptyBody')} />
    </>
  );
}
