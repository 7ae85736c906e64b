// The strip under the header: total, complete or not, and the first month over a budget.

import type { QuoteView } from '../../api';
import { t } from '../../i18n';
import { displayMoney } from '../../format';
import { CompleteBadge } from '../../components/common';

export function QuoteSummary({ quote }: { quote: QuoteView }) {
  const firstOver = quote.budgets.find((b) => b.first_over)?.first_over;
  return (
    <section class="summary-strip" data-test="quote-summary">
      <div class="metric">
        <span class="metric-label">{t('scenario.total')}</span>
        <span class="metric-value num" data-test="quote-total">
          {displayMoney(quote.total, quote.currency)}
        </span>
      </div>
      <div class="metric">
        <span class="metric-label">{t('scenario.state')}</span>
        <CompleteBadge complete={quote.complete} />
      </div>
      <div class="metric">
        <span class="metric-label">{t('scenario.firstOver')}</span>
        <span class={firstOver ? 'metric-value over-text' : 'metric-value'} data-test="first-over">
          {firstOver ?? t('scenario.never')}
        </span>
      </div>
    </section>
  );
}
