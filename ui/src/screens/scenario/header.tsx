// The scenario's page header: its name and period, back, edit and "Save quote".

import type { QuoteView } from '../../api';
import { t } from '../../i18n';
import { href, navigate } from '../../router';
import { PageHeader } from '../../components/layout';
import { savingBlocked } from '../../database';

export function ScenarioHeader({ id, quote, onSaveQuote }: { id: number; quote: QuoteView; onSaveQuote: () => void }) {
  return (
    <PageHeader
      title={quote.name}
      titleIsData
      subtitle={t('scenario.subtitle', { start: quote.start, months: quote.months.length })}
      actions={
        <>
          <a class="button secondary" href={href('/')}>
            {t('common.back')}
          </a>
          <button type="button" class="button secondary" onClick={() => navigate(`/wizard/${id}`)} data-test="edit">
            {t('common.edit')}
          </button>
          <button type="button" class="button" onClick={onSaveQuote} {...savingBlocked()} data-test="save-quote">
            {t('scenario.saveQuote')}
          </button>
        </>
      }
    />
  );
}
