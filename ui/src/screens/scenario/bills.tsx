// Importing a bill into the scenario's actual spend (docs/bills.md). Rust opens the native open
// dialog, reads the bill (reporting progress as `bill-progress` events) and answers with a
// preview, or with the bill's columns when it does not recognise the layout; nothing is stored
// until the user confirms the preview. The page never names a path: the bill is its token.

import { useEffect, useRef } from 'preact/hooks';
import { useSignal } from '@preact/signals';
import { api, CommandError, type BillMappingInput, type BillOpened, type BillPreview, type GrowthView, type QuoteView } from '../../api';
import { language, t } from '../../i18n';
import { renderMessage } from '../../messages';
import { displayAmount, displayMoney, formatDecimal, roundDecimal } from '../../format';
import { ErrorNotice } from '../../components/error-notice';
import { productName } from '../../components/common';
import { savingBlocked } from '../../database';
import { navigate } from '../../router';

/** Reading shorter than this shows no progress bar: it would only flash. */
const PROGRESS_DELAY_MS = 400;
/** Unreadable rows listed one by one; Rust sends at most this many and counts the rest. */
const PROBLEMS_SHOWN = 100;

type Reading = { read: number; total: number } | null;

/**
 * A sentence whose `name` is a file's name: the name is user data, so it is marked
 * `data-verbatim` (shown as it is in every language) and the words around it are translated.
 */
function withName(key: string, name: string, values: Record<string, unknown> = {}) {
  const [before = '', after = ''] = t(key, { ...values, name: '\u0000' }).split('\u0000');
  return (
    <>
      {before}
      <span data-verbatim>{name}</span>
      {after}
    </>
  );
}

export function BillImport({ quote, onImported }: { quote: QuoteView; onImported: () => Promise<void> }) {
  const opened = useSignal<BillOpened | null>(null);
  const busy = useSignal(false);
  // Set once reading has taken PROGRESS_DELAY_MS; the bytes read so far.
  const reading = useSignal<Reading>(null);
  const error = useSignal<CommandError | null>(null);
  const imported = useSignal<{ count: number; name: string } | null>(null);
  // Leaving the screen with a bill waiting forgets it in Rust too (nothing was stored).
  const waiting = useRef<number | null>(null);
  // Focus returns to "Import a bill…" when the preview or the column form closes.
  const button = useRef<HTMLButtonElement>(null);
  waiting.current = opened.value?.token ?? null;
  useEffect(
    () => () => {
      if (waiting.current !== null) void api.cancelBill(waiting.current).catch(() => undefined);
    },
    [],
  );

  // Listens for progress while a bill is read; the bar shows only if reading takes a while.
  const withProgress = async <T,>(work: () => Promise<T>): Promise<T> => {
    busy.value = true;
    let last: Reading = null;
    let shown = false;
    const timer = window.setTimeout(() => {
      shown = true;
      reading.value = last ?? { read: 0, total: 0 };
    }, PROGRESS_DELAY_MS);
    const unlisten = await api.onBillProgress((p) => {
      last = p;
      if (shown) reading.value = p;
    });
    try {
      return await work();
    } finally {
      window.clearTimeout(timer);
      unlisten();
      reading.value = null;
      busy.value = false;
    }
  };

  const choose = async () => {
    error.value = null;
    imported.value = null;
    try {
      // Choosing another bill forgets the one waiting.
      if (opened.value) void api.cancelBill(opened.value.token).catch(() => undefined);
      opened.value = null;
      const result = await withProgress(() => api.openBill(quote.scenario_id, language.value));
      if (result) opened.value = result;
    } catch (failure) {
      error.value = failure as CommandError;
    }
  };

  const map = async (mapping: BillMappingInput) => {
    const current = opened.value;
    if (!current) return;
    error.value = null;
    try {
      const next = await withProgress(() => api.mapBill(current.token, mapping));
      // A mapping that cannot be used (a rate missing, a column gone) keeps the form, with
      // the reason above it, so the user can pick again.
      // The mapping's own waiting bill is the new one; Rust forgot the old token.
      opened.value = next.preview || next.headers ? next : { ...next, headers: current.headers };
    } catch (failure) {
      error.value = failure as CommandError;
    }
  };

  const cancel = () => {
    const current = opened.value;
    opened.value = null;
    error.value = null;
    if (current) void api.cancelBill(current.token).catch(() => undefined);
    button.current?.focus();
  };

  const confirm = async () => {
    const current = opened.value;
    if (!current) return;
    error.value = null;
    busy.value = true;
    try {
      const written = await api.confirmBill(current.token);
      opened.value = null;
      imported.value = { count: written, name: current.file_name };
      await onImported();
    } catch (failure) {
      error.value = failure as CommandError;
    } finally {
      busy.value = false;
      // Once the button is enabled again (the next render).
      window.setTimeout(() => button.current?.focus(), 0);
    }
  };

  const current = opened.value;
  return (
    <div class="bill-import" data-test="bill-import">
      <div class="button-row">
        <button
          ref={button}
          type="button"
          class="button secondary"
          onClick={() => void choose()}
          {...savingBlocked(busy.value)}
          data-test="import-bill"
        >
          {t('bills.import')}
        </button>
        <span class="muted small">{t('bills.importHint')}</span>
      </div>
      {reading.value && <ReadingProgress reading={reading.value} />}
      {imported.value && (
        <div class="notice notice-info saved-notice" role="status" data-test="bill-imported">
          <span class="saved-path">{withName('bills.imported', imported.value.name, { count: imported.value.count })}</span>
          <span class="notice-actions">
            <button type="button" class="link-button" onClick={() => (imported.value = null)} aria-label={t('common.dismiss')} data-test="dismiss-bill-imported">
              ×
            </button>
          </span>
        </div>
      )}
      {error.value && <ErrorNotice error={error.value} />}
      {current?.preview && (
        <Preview key={current.token} opened={current} preview={current.preview} busy={busy.value} onConfirm={() => void confirm()} onCancel={cancel} />
      )}
      {current && !current.preview && current.headers && (
        <MappingForm key={`map-${current.file_name}`} opened={current} headers={current.headers} busy={busy.value} onMap={(m) => void map(m)} onCancel={cancel} />
      )}
      {current && !current.preview && !current.headers && current.error && (
        <div class="notice notice-error" role="alert" data-test="bill-refused" data-code={current.error.code}>
          <strong>{withName('bills.refused', current.file_name)}</strong> {renderMessage(current.error)}
        </div>
      )}
    </div>
  );
}

function ReadingProgress({ reading }: { reading: { read: number; total: number } }) {
  const mib = (bytes: number) => (bytes / (1024 * 1024)).toFixed(1);
  const known = reading.total > 0;
  return (
    <div class="bill-progress" data-test="bill-progress">
      <label class="small" for="bill-progress-bar">
        {known ? t('bills.reading', { read: mib(reading.read), total: mib(reading.total) }) : t('bills.readingStart')}
      </label>
      {/* Without a total the bar is indeterminate (no value). */}
      <progress id="bill-progress-bar" max={known ? reading.total : undefined} value={known ? reading.read : undefined} />
    </div>
  );
}

/** Focuses the heading of a panel that just appeared, so keyboard and screen-reader users land on it. */
function useFocusOnMount() {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return ref;
}

function layoutName(layout: string): string {
  return t(`bills.layouts.${layout}`, { defaultValue: layout });
}

function Preview(props: { opened: BillOpened; preview: BillPreview; busy: boolean; onConfirm: () => void; onCancel: () => void }) {
  const { opened, preview: p } = props;
  const heading = useFocusOnMount();
  const more = p.unreadable - p.problems.length;
  const onKey = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      props.onCancel();
    }
  };
  return (
    <section class="bill-preview card" aria-labelledby="bill-preview-title" onKeyDown={onKey} data-test="bill-preview">
      <h3 class="card-title" id="bill-preview-title" tabIndex={-1} ref={heading}>
        {withName('bills.previewTitle', opened.file_name)}
      </h3>
      <dl class="bill-facts" data-test="bill-facts">
        <div>
          <dt>{t('bills.layout')}</dt>
          <dd data-test="bill-layout">{layoutName(p.layout)}</dd>
        </div>
        <div>
          <dt>{t('bills.encoding')}</dt>
          <dd data-test="bill-encoding">{p.encoding}</dd>
        </div>
        <div>
          <dt>{t('bills.rows')}</dt>
          <dd data-test="bill-rows">{p.rows}</dd>
        </div>
        <div>
          <dt>{t('bills.matched')}</dt>
          <dd data-test="bill-matched">{p.matched}</dd>
        </div>
        <div>
          <dt>{t('bills.unmatched')}</dt>
          <dd data-test="bill-unmatched">{p.unmatched}</dd>
        </div>
        <div>
          <dt>{t('bills.unreadable')}</dt>
          <dd data-test="bill-unreadable">{p.unreadable}</dd>
        </div>
      </dl>
      {p.assumed_currency && (
        <p class="notice notice-warning" data-test="bill-assumed-currency">
          {t('bills.assumedCurrency', { currency: p.assumed_currency })}
        </p>
      )}

      <h4 class="section-subtitle">{t('bills.changesTitle', { currency: p.currency })}</h4>
      {p.changes.length === 0 ? (
        <p class="muted" data-test="bill-no-changes">
          {t('bills.noChanges')}
        </p>
      ) : (
        <div class="table-scroll">
          <table class="data-table compact" data-test="bill-changes">
            <thead>
              <tr>
                <th>{t('scenario.month')}</th>
                <th>{t('bills.product')}</th>
                <th class="num">{t('bills.storedNow')}</th>
                <th class="num">{t('bills.fromBill', { currency: p.currency })}</th>
                <th>{t('bills.change')}</th>
              </tr>
            </thead>
            <tbody>
              {p.changes.map((c) => (
                <tr data-test="bill-change" data-kind={c.kind} data-month={c.month} data-product={c.product}>
                  <td class="nowrap">{c.month}</td>
                  <td>{productName(c.product)}</td>
                  <td class="num" data-test="bill-before">
                    {c.before !== null ? displayMoney(c.before, c.before_currency ?? p.currency) : '—'}
                  </td>
                  <td class="num" data-test="bill-after">
                    {displayAmount(c.after)}
                    {!/^-?0*\.?0*$/.test(c.credits) && (
                      <span class="muted small block">{t('bills.creditsIncluded', { amount: displayAmount(c.credits) })}</span>
                    )}
                  </td>
                  <td>
                    <span class={`badge ${c.kind === 'same' ? 'badge-neutral' : c.kind === 'replace' ? 'badge-warning' : 'badge-ok'}`}>
                      {t(`bills.kind.${c.kind}`)}
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {(p.outside_months.length > 0 || p.other_products.length > 0) && (
        <ul class="plain-list bill-left-out" data-test="bill-not-imported">
          {p.outside_months.length > 0 && (
            <li data-test="bill-outside-months">{t('bills.outsideMonths', { months: p.outside_months.join(', ') })}</li>
          )}
          {p.other_products.length > 0 && (
            <li data-test="bill-other-products">{t('bills.otherProducts', { products: p.other_products.map(productName).join(', ') })}</li>
          )}
        </ul>
      )}

      <h4 class="section-subtitle">{t('bills.totalsTitle')}</h4>
      {p.totals.length === 0 ? (
        <p class="muted">{t('bills.noTotals')}</p>
      ) : (
        <div class="table-scroll">
          <table class="data-table compact" data-test="bill-totals">
            <thead>
              <tr>
                <th>{t('scenario.month')}</th>
                <th>{t('bills.product')}</th>
                <th class="num">{t('bills.billed')}</th>
                <th class="num">{t('bills.credits')}</th>
                <th class="num">{t('bills.rowCount')}</th>
              </tr>
            </thead>
            <tbody>
              {p.totals.map((row) => (
                <tr data-test="bill-total">
                  <td class="nowrap">{row.month}</td>
                  <td>{productName(row.product)}</td>
                  <td class="num">{displayMoney(row.amount, row.currency)}</td>
                  <td class="num">{/^-?0*\.?0*$/.test(row.credits) ? '—' : displayMoney(row.credits, row.currency)}</td>
                  <td class="num">{row.rows}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      {p.unmatched_services.length > 0 && (
        <>
          <h4 class="section-subtitle">{t('bills.unmatchedTitle')}</h4>
          <p class="muted small">{t('bills.unmatchedHint')}</p>
          <div class="table-scroll">
            <table class="data-table compact" data-test="bill-unmatched-services">
              <thead>
                <tr>
                  <th>{t('bills.service')}</th>
                  <th class="num">{t('bills.rowCount')}</th>
                  <th class="num">{t('bills.amount')}</th>
                </tr>
              </thead>
              <tbody>
                {p.unmatched_services.map((u) => (
                  <tr data-test="bill-unmatched-service">
                    <td class="wrap-anywhere" data-verbatim>
                      {u.service}
                    </td>
                    <td class="num">{u.rows}</td>
                    <td class="num">{u.amounts.map((a) => displayMoney(a.amount, a.currency)).join(' + ')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}

      {p.unreadable > 0 && (
        <>
          <h4 class="section-subtitle">{t('bills.problemsTitle', { count: p.unreadable })}</h4>
          <ul class="plain-list bill-problems" data-test="bill-problems">
            {p.problems.slice(0, PROBLEMS_SHOWN).map((problem) => (
              <li data-test="bill-problem" data-code={problem.message.code}>
                {t('bills.line', { line: problem.line })}: {renderMessage(problem.message)}
              </li>
            ))}
          </ul>
          {more > 0 && <p class="muted small" data-test="bill-problems-more">{t('bills.andMore', { count: more })}</p>}
        </>
      )}

      <div class="button-row">
        <button
          type="button"
          class="button"
          onClick={props.onConfirm}
          {...savingBlocked(p.writes === 0 || props.busy)}
          data-test="bill-confirm"
        >
          {p.writes === 0 ? t('bills.nothingToImport') : t('bills.confirm', { count: p.writes })}
        </button>
        <button type="button" class="button secondary" onClick={props.onCancel} data-test="bill-cancel">
          {t('common.cancel')}
        </button>
        {p.writes > 0 && p.unreadable > 0 && (
          <span class="muted small" data-test="bill-left-out-note">
            {t('bills.unreadableLeftOut', { count: p.unreadable })}
          </span>
        )}
      </div>
    </section>
  );
}

const CURRENCY_CHOICES = ['USD', 'CNY'] as const;

function MappingForm(props: { opened: BillOpened; headers: string[]; busy: boolean; onMap: (m: BillMappingInput) => void; onCancel: () => void }) {
  const { opened, headers } = props;
  const heading = useFocusOnMount();
  const month = useSignal('');
  const product = useSignal('');
  const amount = useSignal('');
  // "column" reads each row's currency from a column; "one" is one currency for every row.
  const currencyFrom = useSignal<'column' | 'one'>('one');
  const currencyColumn = useSignal('');
  const currency = useSignal<'USD' | 'CNY'>('USD');
  const problems = useSignal<Record<string, string>>({});

  const labels = {
    month: t('bills.mapMonth'),
    product: t('bills.mapProduct'),
    amount: t('bills.mapAmount'),
    currencyColumn: t('bills.mapCurrencyColumn'),
  };

  const submit = (event: Event) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!month.value) found.month = t('bills.chooseColumn', { field: labels.month });
    if (!product.value) found.product = t('bills.chooseColumn', { field: labels.product });
    if (!amount.value) found.amount = t('bills.chooseColumn', { field: labels.amount });
    if (currencyFrom.value === 'column' && !currencyColumn.value)
      found.currencyColumn = t('bills.chooseColumn', { field: labels.currencyColumn });
    problems.value = found;
    if (Object.keys(found).length > 0) {
      const first = Object.keys(found)[0];
      document.getElementById(`bill-map-${first}`)?.focus();
      return;
    }
    props.onMap({
      month: month.value,
      product: product.value,
      amount: amount.value,
      currency_column: currencyFrom.value === 'column' ? currencyColumn.value : null,
      currency: currencyFrom.value === 'one' ? currency.value : null,
    });
  };

  const onKey = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      props.onCancel();
    }
  };

  const column = (key: 'month' | 'product' | 'amount' | 'currencyColumn', value: string, set: (v: string) => void) => (
    <div class="field-block">
      <label class="field-label" for={`bill-map-${key}`}>
        {labels[key]}
      </label>
      <select
        id={`bill-map-${key}`}
        class="input"
        value={value}
        onChange={(e) => set((e.target as HTMLSelectElement).value)}
        aria-invalid={problems.value[key] ? true : undefined}
        aria-describedby={problems.value[key] ? `bill-map-${key}-error` : undefined}
        data-test={`bill-map-${key}`}
      >
        <option value="">{t('bills.chooseOption')}</option>
        {headers.map((h) => (
          <option value={h} data-verbatim>
            {h}
          </option>
        ))}
      </select>
      {problems.value[key] && (
        <p class="field-error" id={`bill-map-${key}-error`} data-test={`bill-map-${key}-error`}>
          {problems.value[key]}
        </p>
      )}
    </div>
  );

  // The error of a mapping Rust could not use: rendered, e.g. which rate to add.
  const refusal = opened.error && opened.error.code !== 'bills.needs_mapping' ? opened.error : null;

  return (
    <section class="bill-preview card" aria-labelledby="bill-map-title" onKeyDown={onKey} data-test="bill-mapping">
      <h3 class="card-title" id="bill-map-title" tabIndex={-1} ref={heading}>
        {withName('bills.mapTitle', opened.file_name)}
      </h3>
      <p class="muted">{t('bills.mapIntro')}</p>
      {refusal && (
        <div class="notice notice-error" role="alert" data-test="bill-map-error" data-code={refusal.code}>
          {renderMessage(refusal)}
        </div>
      )}
      <form onSubmit={submit} noValidate>
        <div class="form-grid">
          {column('month', month.value, (v) => (month.value = v))}
          {column('product', product.value, (v) => (product.value = v))}
          {column('amount', amount.value, (v) => (amount.value = v))}
        </div>
        <fieldset class="bill-currency">
          <legend class="field-label">{t('bills.mapCurrency')}</legend>
          <label class="radio">
            <input
              type="radio"
              name="bill-currency-from"
              checked={currencyFrom.value === 'one'}
              onChange={() => (currencyFrom.value = 'one')}
              data-test="bill-map-currency-one"
            />
            {t('bills.mapOneCurrency')}
          </label>
          <select
            class="input input-inline"
            value={currency.value}
            disabled={currencyFrom.value !== 'one'}
            aria-label={t('bills.mapOneCurrency')}
            onChange={(e) => (currency.value = (e.target as HTMLSelectElement).value as 'USD' | 'CNY')}
            data-test="bill-map-currency"
          >
            {CURRENCY_CHOICES.map((c) => (
              <option value={c}>{c}</option>
            ))}
          </select>
          <label class="radio">
            <input
              type="radio"
              name="bill-currency-from"
              checked={currencyFrom.value === 'column'}
              onChange={() => (currencyFrom.value = 'column')}
              data-test="bill-map-currency-from-column"
            />
            {t('bills.mapFromColumn')}
          </label>
          {currencyFrom.value === 'column' && (
            <div class="form-grid">{column('currencyColumn', currencyColumn.value, (v) => (currencyColumn.value = v))}</div>
          )}
        </fieldset>
        <div class="button-row">
          <button type="submit" class="button" disabled={props.busy} data-test="bill-map-submit">
            {t('bills.mapSubmit')}
          </button>
          <button type="button" class="button secondary" onClick={props.onCancel} data-test="bill-cancel">
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}

// Dismissed suggestions, for this session only: keyed by scenario and the suggestion itself,
// so a new month of actuals that changes the growth shows the card again.
const dismissed = new Set<string>();

/** "From the last N months of actuals, growth looks like X % a month", with "Apply to a copy". */
export function GrowthSuggestion({ quote }: { quote: QuoteView }) {
  const growth = quote.growth;
  const key = growth ? `${quote.scenario_id}:${growth.from}:${growth.to}:${growth.monthly_percent}` : '';
  const hidden = useSignal(dismissed.has(key));
  const error = useSignal<CommandError | null>(null);
  const busy = useSignal(false);
  if (!growth || hidden.value || dismissed.has(key)) return null;

  const apply = async (g: GrowthView) => {
    error.value = null;
    busy.value = true;
    try {
      const copy = await api.applyGrowth(quote.scenario_id, g.monthly_percent, language.value);
      navigate(`/scenarios/${copy.id}`);
    } catch (failure) {
      error.value = failure as CommandError;
    } finally {
      busy.value = false;
    }
  };
  const dismiss = () => {
    dismissed.add(key);
    hidden.value = true;
  };

  return (
    <aside class="growth-suggestion notice notice-info" aria-labelledby="growth-suggestion-text" data-test="growth-suggestion">
      <p id="growth-suggestion-text" data-test="growth-text">
        {t('bills.growth', { count: growth.months, from: growth.from, to: growth.to, percent: formatDecimal(roundDecimal(growth.monthly_percent, 1), 1) })}
      </p>
      <p class="muted small">{t('bills.growthHint')}</p>
      <div class="button-row">
        <button type="button" class="button secondary small" onClick={() => void apply(growth)} disabled={busy.value} data-test="apply-growth">
          {t('bills.applyGrowth')}
        </button>
        <button type="button" class="link-button" onClick={dismiss} data-test="dismiss-growth">
          {t('bills.dismissGrowth')}
        </button>
      </div>
      {error.value && <ErrorNotice error={error.value} />}
    </aside>
  );
}
