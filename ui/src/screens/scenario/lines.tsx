// The quote's lines by product and month, each with its calculation on demand.

import { useSignal } from '@preact/signals';
import type { LineView, QuoteView } from '../../api';
import { t } from '../../i18n';
import { formatDecimal, displayMoney, displayAmount } from '../../format';
import { Section } from '../../components/layout';
import { USER_SOURCE, productName, sourceTitle, unitName } from '../../components/common';
import { isUserText, renderMessage } from '../../messages';

export function LinesSection({ quote: q }: { quote: QuoteView }) {
  const showCalc = useSignal(false);
  return (
    <Section title={t('scenario.lines')}>
      <label class="checkbox">
        <input
          type="checkbox"
          checked={showCalc.value}
          onChange={(event) => (showCalc.value = (event.target as HTMLInputElement).checked)}
          data-test="show-calculation"
        />
        {t('scenario.showCalculation')}
      </label>
      {q.products.map((product) => (
        <ProductLines product={product} quote={q} showCalc={showCalc.value} />
      ))}
    </Section>
  );
}

function ProductLines({ product, quote, showCalc }: { product: string; quote: QuoteView; showCalc: boolean }) {
  // The converted amount is a column of its own only where it differs from the amount: some
  // line of this product is priced in another currency than the report.
  const converts = quote.months.some((m) => m.lines.some((l) => l.product === product && l.currency !== quote.currency));
  const cols = converts ? 7 : 6;
  return (
    <div class="sub-section" data-test="product-lines" data-product={product}>
      <h3 class="card-subtitle">{productName(product)}</h3>
      <div class="table-scroll">
        <table class="data-table compact">
          <thead>
            <tr>
              <th>{t('scenario.item')}</th>
              <th>{t('scenario.plan')}</th>
              <th class="num">{t('scenario.quantity')}</th>
              <th class="num">{t('scenario.unitPrice')}</th>
              <th class="num">{t('scenario.amount')}</th>
              {converts && <th class="num">{t('scenario.converted', { currency: quote.currency })}</th>}
              <th>
                {t('scenario.rule')} · {t('scenario.source')}
              </th>
            </tr>
          </thead>
          {quote.months.map((m) => {
            const lines = m.lines.filter((l) => l.product === product);
            if (lines.length === 0) return null;
            return (
              <tbody>
                <tr class="group-row">
                  <th colSpan={cols} scope="rowgroup">
                    {m.month}
                  </th>
                </tr>
                {lines.map((line) => (
                  <LineRows line={line} showCalc={showCalc} cols={cols} converts={converts} />
                ))}
              </tbody>
            );
          })}
        </table>
      </div>
    </div>
  );
}

function LineRows({ line, showCalc, cols, converts }: { line: LineView; showCalc: boolean; cols: number; converts: boolean }) {
  const missing = line.price_missing || line.custom_quote || line.infeasible;
  return (
    <>
      <tr class={missing ? 'line-missing' : ''} data-test="quote-line">
        <td>{t(`report.line_items.${line.item}`, { defaultValue: line.item })}</td>
        <td data-verbatim>{line.plan ?? '—'}</td>
        <td class="num">
          {formatDecimal(line.quantity)}{' '}
          <span class="unit" data-code="unit">
            {unitName(line.unit)}
          </span>
        </td>
        <td class="num">{line.unit_price ? formatDecimal(line.unit_price) : '—'}</td>
        <td class="num">
          {line.amount ? displayMoney(line.amount, line.currency) : (
            <span class="warning-text">
              {line.custom_quote ? t('scenario.customQuote') : line.infeasible ? t('scenario.infeasible') : t('scenario.priceMissing')}
            </span>
          )}
        </td>
        {converts && <td class="num">{line.converted ? displayAmount(line.converted) : '—'}</td>}
        <td class="rule-source" title={sourceTitle(line.source, line.source_title)}>
          <code>{line.rule}</code>
          <span class="source">{line.source === USER_SOURCE ? t('priceBook.yours') : (line.source ?? '—')}</span>
        </td>
      </tr>
      {showCalc && (
        <tr class="calc-row" data-test="calculation">
          <td colSpan={cols}>
            <div class="calc">
              <code data-code="calculation">{calculation(line)}</code>
              <span>
                {t('scenario.rule')}: <code>{line.rule}</code>
              </span>
              {line.source === USER_SOURCE ? (
                <span>
                  {t('scenario.source')}: {t('priceBook.yours')}
                </span>
              ) : (
                line.source_title && (
                  <span>
                    {t('scenario.source')}: <span data-verbatim>{line.source_title}</span>
                  </span>
                )
              )}
              {line.notes.map((n) => (
                <span class="muted" data-code={n.code} data-verbatim={isUserText(n) ? '' : undefined}>
                  {renderMessage(n)}
                </span>
              ))}
            </div>
          </td>
        </tr>
      )}
    </>
  );
}

/**
 * The calculation behind a line, "0.28 USD/hour × 744 hour = 208.32 USD", written here from the
 * line's figures (as Rust gives them, exact) so that its words and units are in the UI's
 * language; in English it is the same text as the line's `calculation` from Rust.
 */
function calculation(line: LineView): string {
  const unit = unitName(line.unit);
  if (line.unit_price !== null && line.amount !== null) {
    return `${line.unit_price} ${line.currency}/${unit} × ${line.quantity} ${unit} = ${line.amount} ${line.currency}`;
  }
  if (line.custom_quote) return t('scenario.calcCustomQuote');
  if (line.infeasible) return t('scenario.calcInfeasible');
  return t('scenario.calcPriceMissing', { quantity: line.quantity, unit });
}
