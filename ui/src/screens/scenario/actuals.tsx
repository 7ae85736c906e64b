// Actual spend: entered by month for one product at a time, or imported from a bill
// (bills.tsx), beside the projection, with the difference; each figure says where it came from.

import { useSignal } from '@preact/signals';
import { api, CommandError, type ActualView, type QuoteView } from '../../api';
import { t } from '../../i18n';
import { displayAmount, displaySignedAmount, displaySignedPercent, displayTimestamp, sumDecimals } from '../../format';
import { typedOrAsIs } from '../../numbers';
import { Section, Segmented } from '../../components/layout';
import { ErrorNotice } from '../../components/error-notice';
import { productName } from '../../components/common';
import { savingBlocked } from '../../database';
import { BillImport, GrowthSuggestion } from './bills';

export function ActualsSection(props: { quote: QuoteView; actuals: ActualView[]; onChanged: () => Promise<void> }) {
  return (
    <Section title={t('scenario.actuals')}>
      <GrowthSuggestion key={props.quote.scenario_id} quote={props.quote} />
      <BillImport quote={props.quote} onImported={props.onChanged} />
      <ActualsEditor quote={props.quote} actuals={props.actuals} onChanged={props.onChanged} />
    </Section>
  );
}

function ActualsEditor({ quote, actuals, onChanged }: { quote: QuoteView; actuals: ActualView[]; onChanged: () => Promise<void> }) {
  const error = useSignal<CommandError | null>(null);
  // One product at a time: its month, projection, actual and difference fit any window.
  const product = useSignal<string | null>(null);
  const shown = product.value && quote.products.includes(product.value as never) ? product.value : (quote.products[0] ?? 'tcr');
  const find = (month: string, product: string) => actuals.find((a) => a.month === month && a.product === product);

  const save = async (month: string, product: string, value: string) => {
    error.value = null;
    const existing = find(month, product);
    const amount = typedOrAsIs(value);
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
      {quote.products.length > 1 && (
        <Segmented
          label={t('scenario.actuals')}
          value={shown}
          options={quote.products.map((p) => ({ value: p, label: productName(p) }))}
          onChange={(p) => (product.value = p)}
          testPrefix="actuals-product"
        />
      )}
      <div class="table-scroll">
        <table class="data-table compact actuals-table" data-test="actuals" data-product={shown}>
          <thead>
            <tr>
              <th>{t('scenario.month')}</th>
              <th class="num">{t('scenario.projected', { product: t(`productsShort.${shown}`) })}</th>
              <th class="num">{t('scenario.actual', { product: t(`productsShort.${shown}`) })}</th>
              <th class="num">{t('scenario.difference')}</th>
              <th>{t('bills.source')}</th>
            </tr>
          </thead>
          <tbody>
            {quote.months.map((m) => {
              const p = shown;
              const row = quote.actuals.find((r) => r.month === m.month && r.product === p);
              // Rust sends projection rows only once actuals exist; before that the
              // projection is the month's converted lines for the product.
              const converted = m.lines.filter((l) => l.product === p).map((l) => l.converted);
              const projected =
                row?.projected ?? (converted.length > 0 && converted.every((c) => c !== null) ? sumDecimals(converted as string[]) : null);
              const existing = find(m.month, p);
              return (
                <tr>
                  <td>{m.month}</td>
                  <td class="num">{projected ? displayAmount(projected) : '—'}</td>
                  <td class="num">
                    {/* Uncontrolled, keyed by the stored amount: a save of another month
                        re-renders the table while this field may be being typed in, and a
                        controlled value would reset what was typed so far. */}
                    <input
                      key={`${p}-${m.month}-${existing?.amount ?? ''}`}
                      class="input num-input"
                      inputMode="decimal"
                      defaultValue={existing?.amount ?? ''}
                      aria-label={t('scenario.actualFor', { product: productName(p), month: m.month })}
                      onChange={(event) => void save(m.month, p, (event.target as HTMLInputElement).value)}
                      {...savingBlocked()}
                      data-test={`actual-${p}-${m.month}`}
                    />
                  </td>
                  <td class="num">
                    {row?.error ? displaySignedAmount(row.error) : '—'}
                    {/* The ratio is exact (0.105145413870246085…): shown to a tenth of a percent, with its sign. */}
                    {row?.error_ratio && <span class="muted small"> ({displaySignedPercent(row.error_ratio)})</span>}
                  </td>
                  <td class="actual-source" data-test={`actual-source-${p}-${m.month}`}>
                    <ActualSource actual={existing} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}

/** Where a figure came from: typed by hand, or the bill's file name with the import date. */
function ActualSource({ actual }: { actual: ActualView | undefined }) {
  if (!actual) return <span class="muted">—</span>;
  if (!actual.bill) return <span class="muted">{t('bills.typed')}</span>;
  const when = actual.imported_at ? displayTimestamp(actual.imported_at) : '';
  const title = when ? t('bills.importedOn', { name: actual.bill, date: when }) : actual.bill;
  return (
    <span class="bill-source" title={title} data-bill={actual.bill}>
      <span class="visually-hidden">{t('bills.importedFrom')} </span>
      <span data-verbatim>{actual.bill}</span>
    </span>
  );
}
