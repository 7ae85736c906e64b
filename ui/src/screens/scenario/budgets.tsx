// The budgets: one row per budget (totals and the first month over), then month by month the
// spend, status and cumulative figures of a chosen budget.

import { useSignal } from '@preact/signals';
import type { QuoteView } from '../../api';
import { t } from '../../i18n';
import { displayMoney, displayAmount } from '../../format';
import { Section, Segmented } from '../../components/layout';
import { StatusBadge, productName } from '../../components/common';
import { percent } from './shared';

export function BudgetsSection({ quote: q }: { quote: QuoteView }) {
  if (q.budgets.length === 0) return null;
  return (
    <Section title={t('scenario.budgets')}>
      <div class="table-scroll">
        <table class="data-table" data-test="budget-summary">
          <thead>
            <tr>
              <th>{t('scenario.budget')}</th>
              <th class="num">{t('scenario.monthly')}</th>
              <th class="num">{t('scenario.totalBudget')}</th>
              <th class="num">{t('scenario.totalSpend')}</th>
              <th>{t('scenario.firstWarning')}</th>
              <th>{t('scenario.firstOver')}</th>
              <th>{t('scenario.firstCumulativeOver')}</th>
            </tr>
          </thead>
          <tbody>
            {q.budgets.map((b) => (
              <tr>
                <td>{b.name ? <span data-verbatim>{b.name}</span> : productName(b.product)}</td>
                <td class="num">
                  {displayMoney(b.amount, b.currency)}
                  <span class="sub-figure">{t('scenario.warnAtValue', { percent: percent(b.warn_at) })}</span>
                </td>
                <td class="num">{displayMoney(b.total_budget, q.currency)}</td>
                <td class="num">{displayMoney(b.total_spend, q.currency)}</td>
                <td class="nowrap">{b.first_warning ?? '—'}</td>
                <td class={b.first_over ? 'nowrap over-text' : 'nowrap'}>{b.first_over ?? '—'}</td>
                <td class="nowrap">{b.first_cumulative_over ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <BudgetMonths quote={q} />
    </Section>
  );
}

/**
 * Month by month, one budget at a time (chosen above the table when there are several): its
 * spend, status and cumulative figures beside the month's total. One budget's four columns fit
 * any window; every budget's side by side did not. A month whose spend includes recorded
 * actual spend is judged by it (rules BUD-2, BUD-4) and says so under the figure.
 */
function BudgetMonths({ quote: q }: { quote: QuoteView }) {
  const chosen = useSignal(0);
  const index = Math.min(chosen.value, q.budgets.length - 1);
  const name = (b: QuoteView['budgets'][number]) => (b.name ? b.name : productName(b.product));
  return (
    <>
      <div class="sub-section-head">
        <h3 class="card-subtitle">{t('scenario.budgetByMonth')}</h3>
        {q.budgets.length > 1 && (
          <Segmented
            label={t('scenario.budgetByMonth')}
            value={String(index)}
            options={q.budgets.map((b, i) => ({ value: String(i), label: name(b) }))}
            onChange={(v) => (chosen.value = Number(v))}
            testPrefix="budget-months-pick"
          />
        )}
      </div>
      <div class="table-scroll">
        <table class="data-table compact" data-test="budget-months" data-budget={index}>
          <thead>
            <tr>
              <th>{t('scenario.month')}</th>
              <th class="num">{t('scenario.monthTotal')}</th>
              <th class="num">{t('scenario.spend')}</th>
              <th>{t('scenario.status')}</th>
              <th class="num">{t('scenario.cumulativeBudget')}</th>
              <th class="num">{t('scenario.cumulativeSpend')}</th>
            </tr>
          </thead>
          <tbody>
            {q.months.map((m) => {
              const b = m.budgets[index];
              return (
                <tr data-actual={b?.actual ? 'true' : undefined}>
                  <td>{m.month}</td>
                  <td class="num">{displayAmount(m.total)}</td>
                  {b ? (
                    <>
                      <td class="num">
                        {displayAmount(b.spend)}
                        {b.actual && (
                          <span class="sub-figure" data-test="budget-month-actual" title={t('scenario.actualInSpendHint')}>
                            {t('scenario.actualInSpend')}
                          </span>
                        )}
                      </td>
                      <td>
                        <StatusBadge status={b.status} />
                      </td>
                      <td class="num">{displayAmount(b.cumulative_budget)}</td>
                      <td class={`num cum-${b.cumulative_status ?? 'none'}`}>{displayAmount(b.cumulative_spend)}</td>
                    </>
                  ) : (
                    <td colSpan={4} />
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}
