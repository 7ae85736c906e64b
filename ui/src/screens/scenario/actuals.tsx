// Actual spend: entered by month and product beside the projection, with the difference.

import { useSignal } from '@preact/signals';
import { api, CommandError, type ActualView, type QuoteView } from '../../api';
import { t } from '../../i18n';
import { displayAmount, roundDecimal, sumDecimals } from '../../format';
import { Section } from '../../components/layout';
import { ErrorNotice } from '../../components/error-notice';
import { productName } from '../../components/common';
import { percent } from './shared';
import { savingBlocked } from '../../database';

export function ActualsSection(props: { quote: QuoteView; actuals: ActualView[]; onChanged: () => Promise<void> }) {
  return (
    <Section title={t('scenario.actuals')}>
      <ActualsEditor quote={props.quote} actuals={props.actuals} onChanged={props.onChanged} />
    </Section>
  );
}

function ActualsEditor({ quote, actuals, onChanged }: { quote: QuoteView; actuals: ActualView[]; onChanged: () => Promise<void> }) {
  const error = useSignal<CommandError | null>(null);
  const find = (month: string, product: string) => actuals.find((a) => a.month === month && a.product === product);

  const save = async (month: string, product: string, value: string) => {
    error.value = null;
    const existing = find(month, product);
    const amount = value.trim();
    try {
      if (!amount) {
        if (existing) await api.deleteActual(existing.id);
      } else if (amount !== existing?.amount) {
        await api.upsertActual(quote.scenario_id, product, month, amount, quote.currency);
      } else {
        return;
      }
      await onChanged();
    } catch (failure) {
      error.value = failure as CommandError;
    }
  };

  return (
    <>
      <p class="muted">{t('scenario.actualsHint', { currency: quote.currency })}</p>
      {error.value && <ErrorNotice error={error.value} />}
      {quote.actuals_error && <p class="field-error">{quote.actuals_error}</p>}
      <div class="table-scroll">
        <table class="data-table compact" data-test="actuals">
          <thead>
            <tr>
              <th>{t('scenario.month')}</th>
              {quote.products.map((p) => (
                <>
                  <th class="num">{t('scenario.projected', { product: t(`productsShort.${p}`) })}</th>
                  <th class="num">{t('scenario.actual', { product: t(`productsShort.${p}`) })}</th>
                  <th class="num">{t('scenario.difference')}</th>
                </>
              ))}
            </tr>
          </thead>
          <tbody>
            {quote.months.map((m) => (
              <tr>
                <td>{m.month}</td>
                {quote.products.map((p) => {
                  const row = quote.actuals.find((r) => r.month === m.month && r.product === p);
                  // Rust sends projection rows only once actuals exist; before that the
                  // projection is the month's converted lines for the product.
                  const converted = m.lines.filter((l) => l.product === p).map((l) => l.converted);
                  const projected =
                    row?.projected ??
                    (converted.length > 0 && converted.every((c) => c !== null) ? sumDecimals(converted as string[]) : null);
                  const existing = find(m.month, p);
                  return (
                    <>
                      <td class="num">{projected ? displayAmount(projected) : '—'}</td>
                      <td class="num">
                        <input
                          class="input num-input"
                          inputMode="decimal"
                          value={existing?.amount ?? ''}
                          aria-label={t('scenario.actualFor', { product: productName(p), month: m.month })}
                          onChange={(event) => void save(m.month, p, (event.target as HTMLInputElement).value)}
                          {...savingBlocked()}
                          data-test={`actual-${p}-${m.month}`}
                        />
                      </td>
                      <td class="num">
                        {row?.error ? displayAmount(row.error) : '—'}
                        {/* The ratio is exact (10.5145413870246085…): shown to a hundredth of a percent. */}
                        {row?.error_ratio && <span class="muted small"> ({percent(roundDecimal(row.error_ratio.replace('-', ''), 4))})</span>}
                      </td>
                    </>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
