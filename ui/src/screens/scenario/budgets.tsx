// The budgets: one row per budget (totals and the first month over), then month by month the
// spend, status and cumulative figures of each budget.

import type { QuoteView } from '../../api';
import { t } from '../../i18n';
import { displayMoney, displayAmount } from '../../format';
import { Section } from '../../components/layout';
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
              <th class="num">{t('scenario.warnAt')}</th>
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
                <td class="num">{displayMoney(b.amount, b.currency)}</td>
                <td class="num">{percent(b.warn_at)}</td>
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
      <h3 class="card-subtitle">{t('scenario.budgetByMonth')}</h3>
      <div class="table-scroll">
        <table class="data-table compact" data-test="budget-months">
          <thead>
            <tr>
              <th>{t('scenario.month')}</th>
              <th class="num">{t('scenario.monthTotal')}</th>
              {q.budgets.map((b) => (
                <th colSpan={4}>{b.name ? <span data-verbatim>{b.name}</span> : productName(b.product)}</th>
              ))}
            </tr>
            <tr class="sub-head">
              <th />
              <th />
              {q.budgets.map(() => (
                <>
                  <th class="num">{t('scenario.spend')}</th>
                  <th>{t('scenario.status')}</th>
                  <th class="num">{t('scenario.cumulativeBudget')}</th>
                  <th class="num">{t('scenario.cumulativeSpend')}</th>
                </>
              ))}
            </tr>
          </thead>
          <tbody>
            {q.months.map((m) => (
              <tr>
                <td>{m.month}</td>
                <td class="num">{displayAmount(m.total)}</td>
                {m.budgets.map((b) => (
                  <>
                    <td class="num">{displayAmount(b.spend)}</td>
                    <td>
                      <StatusBadge status={b.status} />
                    </td>
                    <td class="num">{displayAmount(b.cumulative_budget)}</td>
                    <td class={`num cum-${b.cumulative_status ?? 'none'}`}>{displayAmount(b.cumulative_spend)}</td>
                  </>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Section>
  );
}
