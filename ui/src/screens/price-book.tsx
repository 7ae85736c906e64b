import { t } from '../i18n';
import { EmptyState, PageHeader } from '../components/layout';

export function PriceBookScreen() {
  return (
    <>
      <PageHeader title={t('priceBook.title')} subtitle={t('priceBook.subtitle')} />
      <EmptyState title={t('priceBook.emptyTitle')} body={t('priceBook.emptyBody')} />
    </>
  );
}
