// The strip under the header: total, complete or not, the first month over a budget and, once
// actual spend is recorded, the year at the pace of the actuals beside its projection.

import type { QuoteView } from '../../api';
import { t } from '../../i18n';
import { displayMoney } from '../../format';
import { CompleteBadge } from '../../components/common';

export function QuoteSummary({ quote }: { quote: QuoteView }) {
  const firstOver = quote.budgets.find((b) => b.first_over)?.first_over;
  // Computed in Rust (rule BUD-4, "year at the pace of actuals"); only rounded here.
  const pace = quote.year_pace;
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
      {pace && (
        <div class="metric" data-test="year-pace" data-year={pace.year}>
          <span class="metric-label">{t('scenario.yearAtPace', { year: pace.year })}</span>
          <span class="metric-value num" data-test="year-pace-value">
            {displayMoney(pace.at_pace, quote.currency)}
          </span>
          <span class="sub-figure" data-test="year-pace-projected">
            {t('scenario.yearProjected', { amount: displayMoney(pace.projected, quote.currency) })}
          </span>
          <span class="sub-figure">
            {t('scenario.yearPaceBasis', { count: pace.months_with_actuals, months: pace.months })}
          </span>
        </div>
      )}
    </section>
  );
}
