// What the quote cannot price, said in words at the top of the scenario: which product, from
// which month and for how many, and why (a custom quote above the price list, or no price in
// the book), with a way to enter the price the user was given (rule GEN-5; IS-4).

import { api, CommandError, type LineView, type QuoteView, type UserPriceInput } from '../../api';
import { t } from '../../i18n';
import { navigate } from '../../router';
import { productName } from '../../components/common';
import { ErrorNotice } from '../../components/error-notice';
import { renderMessage } from '../../messages';
import { useSignal } from '@preact/signals';

interface Gap {
  product: string;
  from: string;
  months: number;
  line: LineView;
  /** Every month's line without a price, in order. */
  lines: LineView[];
}

/** A whole number at least `value` (a decimal string): "54763700" → 54763700n, "7.5" → 8n. */
function ceiling(value: string): bigint | null {
  const match = /^(\d+)(?:\.(\d+))?$/.exec(value);
  if (!match) return null;
  return BigInt(match[1]!) + (match[2] && /[1-9]/.test(match[2]) ? 1n : 0n);
}

/**
 * The package a custom quote is for: the most images and queries any month without a price
 * needs (rule IS-4), written as the book writes packages, CAPACITY/QPS. A price entered for
 * it covers every one of those months (rule IS-3 picks it). Null when the lines do not say.
 */
export function quotedPackage(lines: LineView[]): string | null {
  let images = 0n;
  let qps = 0n;
  for (const line of lines) {
    const note = line.notes.find((n) => n.code === 'is.custom_quote');
    const i = typeof note?.args.images === 'string' ? ceiling(note.args.images) : null;
    const q = typeof note?.args.qps === 'string' ? ceiling(note.args.qps) : null;
    if (i === null || q === null) return null;
    if (i > images) images = i;
    if (q > qps) qps = q;
  }
  return lines.length > 0 ? `${images}/${qps}` : null;
}

/** Per product, the first month whose line has no price, how many months have none, and that line. */
export function priceGaps(quote: QuoteView): Gap[] {
  const gaps: Gap[] = [];
  for (const product of quote.products) {
    let gap: Gap | null = null;
    for (const month of quote.months) {
      const line = month.lines.find((l) => l.product === product && (l.price_missing || l.custom_quote) && !l.infeasible);
      if (!line) continue;
      if (gap) {
        gap.months += 1;
        gap.lines.push(line);
      } else {
        gap = { product, from: month.month, months: 1, line, lines: [line] };
      }
    }
    if (gap) gaps.push(gap);
  }
  return gaps;
}

export function MissingPrices({ quote }: { quote: QuoteView }) {
  const error = useSignal<CommandError | null>(null);
  const gaps = priceGaps(quote);
  if (gaps.length === 0) return null;

  const enter = async (gap: Gap) => {
    error.value = null;
    try {
      // The product's site is in the scenario's own file.
      const stored = await api.getScenario(quote.scenario_id);
      const doc = JSON.parse(stored.document) as Record<string, { site?: string } | undefined>;
      const site = doc[gap.product]?.site;
      const price: Partial<UserPriceInput> = {
        product: gap.product as UserPriceInput['product'],
        ...(site ? { site: site as UserPriceInput['site'] } : {}),
        // The item a user price sets for the line (TCR's hourly instance, not `instance`).
        item: gap.line.user_item,
        plan: gap.line.custom_quote ? (quotedPackage(gap.lines) ?? gap.line.plan) : gap.line.plan,
        unit: gap.line.unit,
        currency: gap.line.currency,
        effective_from: `${gap.from}-01`,
      };
      navigate(`/price-book?prefill=${encodeURIComponent(JSON.stringify(price))}`);
    } catch (failure) {
      error.value = failure as CommandError;
    }
  };

  return (
    <div class="notice notice-warning missing-prices" role="status" data-test="missing-prices">
      {gaps.map((gap) => {
        const reason = gap.line.notes[0];
        return (
          <div class="missing-gap" data-product={gap.product} data-from={gap.from}>
            <p>
              <strong>
                {t(gap.line.custom_quote ? 'scenario.missing.customQuote' : 'scenario.missing.noPrice', {
                  product: productName(gap.product),
                  from: gap.from,
                  count: gap.months,
                  total: quote.months.length,
                })}
              </strong>{' '}
              {reason ? <span data-code={reason.code}>{renderMessage(reason)}</span> : t('scenario.missing.noBookPrice')}
            </p>
            <button type="button" class="button secondary small" onClick={() => void enter(gap)} data-test={`enter-price-${gap.product}`}>
              {gap.line.custom_quote ? t('scenario.missing.enterQuote') : t('scenario.missing.enterPrice')}
            </button>
          </div>
        );
      })}
      {error.value && <ErrorNotice error={error.value} />}
    </div>
  );
}
