// One scenario: its quote month by month, budgets, alternatives, sizing reports, actual
// spend and exports. Everything shown comes from Rust; amounts are displayed, never computed.

import { useEffect } from 'preact/hooks';
import { useSignal } from '@preact/signals';
import {
  api,
  CommandError,
  type ActualView,
  type ChartFormat,
  type ComparisonView,
  type LineView,
  type QuoteView,
  type SavedQuoteRow,
  type SavedQuoteView,
} from '../api';
import { language, t } from '../i18n';
import { href, navigate, param } from '../router';
import { resolvedTheme } from '../theme';
import {
  formatDecimal,
  displayMoney,
  displayAmount,
  displaySignedMoney,
  displayTimestamp,
  isZeroDecimal,
  sumDecimals,
} from '../format';
import { PageHeader, Section } from '../components/layout';
import { ErrorNotice } from '../components/error-notice';
import { Chart, CompleteBadge, ConfirmDialog, Loading, StatusBadge, priceItemName, productName } from '../components/common';

export function ScenarioScreen() {
  const id = Number(param('/scenarios/:id', 'id'));
  const quote = useSignal<QuoteView | null>(null);
  const alternatives = useSignal<ComparisonView | null>(null);
  const actuals = useSignal<ActualView[]>([]);
  const error = useSignal<CommandError | null>(null);
  const message = useSignal<string | null>(null);
  const showCalc = useSignal(false);
  // Bumped after "Save quote" so the saved-quotes list reads the new one.
  const savedVersion = useSignal(0);

  const theme = resolvedTheme();
  const lang = language.value;

  const load = async () => {
    try {
      const [q, a, act] = await Promise.all([
        api.quoteScenario(id, theme, lang),
        api.compareAlternatives(id).catch(() => null),
        api.listActuals(id).catch(() => [] as ActualView[]),
      ]);
      quote.value = q;
      alternatives.value = a;
      actuals.value = act;
    } catch (failure) {
      error.value = failure as CommandError;
    }
  };
  useEffect(() => {
    void load();
  }, [id, theme, lang]);

  const act = async (work: () => Promise<string | null>) => {
    error.value = null;
    message.value = null;
    try {
      message.value = await work();
    } catch (failure) {
      error.value = failure as CommandError;
    }
  };

  const q = quote.value;
  if (!q) {
    return (
      <>
        <PageHeader title={t('scenario.title')} />
        {error.value ? <ErrorNotice error={error.value} /> : <Loading />}
      </>
    );
  }

  const exportCsv = (bom: boolean) =>
    act(async () => {
      const path = await api.chooseSavePath(`${q.name}.csv`, [{ name: 'CSV', extensions: ['csv'] }]);
      if (!path) return null;
      await api.exportQuoteCsv(id, path, bom);
      return t('scenario.exported', { path });
    });
  const exportChart = (format: ChartFormat) =>
    act(async () => {
      const path = await api.chooseSavePath(`${q.name}.${format}`, [{ name: format.toUpperCase(), extensions: [format] }]);
      if (!path) return null;
      await api.exportChart(id, path, format, theme, lang);
      return t('scenario.exported', { path });
    });
  const exportJson = () =>
    act(async () => {
      const path = await api.chooseSavePath(`${q.name}.json`, [{ name: 'JSON', extensions: ['json'] }]);
      if (!path) return null;
      await api.exportScenario(id, path);
      return t('scenario.exported', { path });
    });
  const saveQuote = () =>
    act(async () => {
      const saved = await api.saveQuote(id);
      savedVersion.value += 1;
      return t('scenario.quoteSaved', { date: displayTimestamp(saved.created_at) });
    });

  const firstOver = q.budgets.find((b) => b.first_over)?.first_over;

  return (
    <>
      <PageHeader
        title={q.name}
        subtitle={t('scenario.subtitle', { start: q.start, months: q.months.length })}
        actions={
          <>
            <a class="button secondary" href={href('/')}>
              {t('common.back')}
            </a>
            <button type="button" class="button secondary" onClick={() => navigate(`/wizard/${id}`)} data-test="edit">
              {t('common.edit')}
            </button>
            <button type="button" class="button" onClick={saveQuote} data-test="save-quote">
              {t('scenario.saveQuote')}
            </button>
          </>
        }
      />
      {error.value && <ErrorNotice error={error.value} />}
      {message.value && (
        <div class="notice notice-info" role="status" data-test="notice">
          {message.value}
        </div>
      )}
      <div class="stack">
        <section class="summary-strip" data-test="quote-summary">
          <div class="metric">
            <span class="metric-label">{t('scenario.total')}</span>
            <span class="metric-value num" data-test="quote-total">
              {displayMoney(q.total, q.currency)}
            </span>
          </div>
          <div class="metric">
            <span class="metric-label">{t('scenario.state')}</span>
            <CompleteBadge complete={q.complete} />
          </div>
          <div class="metric">
            <span class="metric-label">{t('scenario.firstOver')}</span>
            <span class={firstOver ? 'metric-value over-text' : 'metric-value'} data-test="first-over">
              {firstOver ?? t('scenario.never')}
            </span>
          </div>
        </section>

        <Section title={t('scenario.chart')}>
          <Chart svg={q.chart_svg} label={t('scenario.chart')} />
        </Section>

        {q.budgets.length > 0 && (
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
                      <td>{b.name ?? productName(b.product)}</td>
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
                      <th colSpan={4}>{b.name ?? productName(b.product)}</th>
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
        )}

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

        {alternatives.value && alternatives.value.products.length > 0 && (
          <Section title={t('scenario.alternatives')}>
            {alternatives.value.products.map((p) => (
              <div class="sub-section" data-test="alternatives" data-product={p.product}>
                <h3 class="card-subtitle">{productName(p.product)}</h3>
                <table class="data-table alt-table">
                  <thead>
                    <tr>
                      <th>{t('scenario.plan')}</th>
                      <th class="num">{t('scenario.total')}</th>
                      <th>{t('scenario.assessment')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {p.alternatives.map((a) => (
                      <tr class={a.recommended ? 'recommended' : ''} data-test="alternative" data-plan={a.plan}>
                        <td>
                          {a.label}
                          {a.current && <span class="badge badge-neutral">{t('scenario.current')}</span>}
                          {a.recommended && <span class="badge badge-ok">{t('scenario.recommended')}</span>}
                        </td>
                        <td class="num">{a.total ? displayMoney(a.total, a.currency) : '—'}</td>
                        <td>
                          {!a.feasible && <span class="over-text">{t('scenario.infeasible')} </span>}
                          {a.feasible && !a.complete && <span class="warning-text">{t('common.incomplete')} </span>}
                          {a.reasons.join('; ')}
                          {a.recommended && a.current && <span class="ok-text">{t('scenario.alreadyBest')}</span>}
                          {a.recommended && !a.current && a.saving && !/^-?0*\.?0*$/.test(a.saving) && (
                            <span class="ok-text"> {t('scenario.saving', { amount: displayMoney(a.saving, a.currency) })}</span>
                          )}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            ))}
          </Section>
        )}

        {q.tcr && q.tcr.length > 0 && (
          <Section title={t('scenario.tcrEditions')}>
            <div class="table-scroll">
              <table class="data-table compact" data-test="tcr-editions">
                <thead>
                  <tr>
                    <th>{t('scenario.month')}</th>
                    <th>{t('scenario.edition')}</th>
                    {q.tcr[0]!.options.map((o) => (
                      <th class="num">{t(`editions.${o.edition}`)}</th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {q.tcr.map((m) => (
                    <tr>
                      <td>{m.month}</td>
                      <td>
                        {m.edition ? t(`editions.${m.edition}`) : <span class="over-text">{t('scenario.noEdition')}</span>}
                        {m.needs_ticket && <span class="badge badge-warning">{t('scenario.byTicket')}</span>}
                      </td>
                      {m.options.map((o) => (
                        <td class="num" title={o.shortfalls.map((s) => s.text).join('\n')}>
                          {o.feasible ? (o.cost ? displayAmount(o.cost) : '—') : <span class="muted">{o.shortfalls.map((s) => s.requirement).join(', ')}</span>}
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </Section>
        )}

        {q.tcss && (
          <Section title={t('scenario.tcssSizing')}>
            <table class="kv-table narrow" data-test="tcss-summary">
              <tbody>
                <tr>
                  <th scope="row">{t('scenario.billing')}</th>
                  <td>{t(`billing.${q.tcss.billing}`)}</td>
                </tr>
                <tr>
                  <th scope="row">{t('scenario.tcssTotal')}</th>
                  <td class="num">{q.tcss.total ? displayMoney(q.tcss.total, q.tcss.currency) : '—'}</td>
                </tr>
                <tr>
                  <th scope="row">{t('scenario.savingVsPrepaid')}</th>
                  <td class="num">{q.tcss.saving_vs_prepaid ? displayMoney(q.tcss.saving_vs_prepaid, q.tcss.currency) : '—'}</td>
                </tr>
                <tr>
                  <th scope="row">{t('scenario.savingVsPostpaid')}</th>
                  <td class="num">{q.tcss.saving_vs_postpaid ? displayMoney(q.tcss.saving_vs_postpaid, q.tcss.currency) : '—'}</td>
                </tr>
              </tbody>
            </table>
            <div class="table-scroll">
              <table class="data-table compact" data-test="tcss-months">
                <thead>
                  <tr>
                    <th>{t('scenario.month')}</th>
                    <th class="num">{t('scenario.licensedCores')}</th>
                    <th class="num">{t('scenario.maxCores')}</th>
                    <th class="num">{t('scenario.breakEvenDays')}</th>
                    <th class="num">{t('scenario.cost')}</th>
                    <th class="num">{t('scenario.allPrepaid')}</th>
                    <th class="num">{t('scenario.allPostpaid')}</th>
                  </tr>
                </thead>
                <tbody>
                  {q.tcss.months.map((m) => (
                    <tr>
                      <td>{m.month}</td>
                      <td class="num">{formatDecimal(m.licensed)}</td>
                      <td class="num">{formatDecimal(m.max_cores)}</td>
                      <td class="num">{m.break_even_days ? formatDecimal(m.break_even_days) : '—'}</td>
                      <td class="num">{m.cost ? displayAmount(m.cost) : '—'}</td>
                      <td class="num">{m.all_prepaid ? displayAmount(m.all_prepaid) : '—'}</td>
                      <td class="num">{m.all_postpaid ? displayAmount(m.all_postpaid) : '—'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </Section>
        )}

        {q.image_search && (
          <Section title={t('scenario.packages')}>
            {q.image_search.changes.length > 0 ? (
              <table class="data-table" data-test="package-changes">
                <thead>
                  <tr>
                    <th>{t('scenario.month')}</th>
                    <th>{t('scenario.change')}</th>
                    <th>{t('scenario.from')}</th>
                    <th>{t('scenario.to')}</th>
                    <th class="num">{t('scenario.amount')}</th>
                  </tr>
                </thead>
                <tbody>
                  {q.image_search.changes.map((c) => (
                    <tr>
                      <td>{c.month}</td>
                      <td>{t(`scenario.${c.kind}`)}</td>
                      <td>{c.from}</td>
                      <td>{c.to}</td>
                      <td class="num">{displayMoney(c.amount, c.currency)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : (
              <p class="muted">{t('scenario.noPackageChanges')}</p>
            )}
            <div class="table-scroll">
              <table class="data-table compact" data-test="package-months">
                <thead>
                  <tr>
                    <th>{t('scenario.month')}</th>
                    <th>{t('scenario.package')}</th>
                    <th class="num">{t('scenario.images')}</th>
                    <th class="num">{t('scenario.qps')}</th>
                  </tr>
                </thead>
                <tbody>
                  {q.image_search.months.map((m) => (
                    <tr>
                      <td>{m.month}</td>
                      <td>{m.package ?? <span class="over-text">{t('scenario.noPackage')}</span>}</td>
                      <td class="num">{formatDecimal(m.images)}</td>
                      <td class="num">{formatDecimal(m.qps)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </Section>
        )}

        {q.notes.length > 0 && (
          <Section title={t('scenario.notes')}>
            <ul class="notes" data-test="notes">
              {q.notes.map((n) => (
                <li>
                  <code>{n.code}</code> {n.product && <strong>{productName(n.product)}: </strong>}
                  {n.text}
                </li>
              ))}
            </ul>
          </Section>
        )}

        <Section title={t('scenario.actuals')}>
          <ActualsEditor quote={q} actuals={actuals.value} onChanged={load} />
        </Section>

        <Section title={t('savedQuotes.title')}>
          <SavedQuotes scenarioId={id} version={savedVersion.value} />
        </Section>

        <Section title={t('scenario.exports')}>
          <div class="button-row">
            <button type="button" class="button secondary" onClick={() => exportCsv(false)} data-test="export-csv">
              {t('scenario.exportCsv')}
            </button>
            <button type="button" class="button secondary" onClick={() => exportCsv(true)} data-test="export-csv-bom">
              {t('scenario.exportCsvBom')}
            </button>
            <button type="button" class="button secondary" onClick={() => exportChart('svg')} data-test="export-svg">
              {t('scenario.exportSvg')}
            </button>
            <button type="button" class="button secondary" onClick={() => exportChart('png')} data-test="export-png">
              {t('scenario.exportPng')}
            </button>
            <button type="button" class="button secondary" onClick={exportJson} data-test="export-json">
              {t('scenario.exportJson')}
            </button>
          </div>
          <p class="muted small">{t('scenario.bomHint')}</p>
        </Section>
      </div>
    </>
  );
}

function percent(fraction: string): string {
  // "0.8" → "80 %" by moving the decimal point two places: no float arithmetic.
  const match = /^(\d*)\.?(\d*)$/.exec(fraction);
  if (!match) return fraction;
  const whole = match[1] ?? '';
  const frac = (match[2] ?? '').padEnd(2, '0');
  const digits = (whole + frac.slice(0, 2)).replace(/^0+(?=\d)/, '');
  const rest = frac.slice(2);
  return `${digits}${rest ? `.${rest}` : ''} %`;
}

function ProductLines({ product, quote, showCalc }: { product: string; quote: QuoteView; showCalc: boolean }) {
  const cols = showCalc ? 8 : 8;
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
              <th class="num">{t('scenario.converted', { currency: quote.currency })}</th>
              <th>{t('scenario.rule')}</th>
              <th>{t('scenario.source')}</th>
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
                  <LineRows line={line} showCalc={showCalc} cols={cols} />
                ))}
              </tbody>
            );
          })}
        </table>
      </div>
    </div>
  );
}

function LineRows({ line, showCalc, cols }: { line: LineView; showCalc: boolean; cols: number }) {
  const missing = line.price_missing || line.custom_quote || line.infeasible;
  return (
    <>
      <tr class={missing ? 'line-missing' : ''} data-test="quote-line">
        <td>{t(`items.${line.item}`, { defaultValue: line.item })}</td>
        <td>{line.plan ?? '—'}</td>
        <td class="num">
          {formatDecimal(line.quantity)} <span class="unit">{line.unit}</span>
        </td>
        <td class="num">{line.unit_price ? formatDecimal(line.unit_price) : '—'}</td>
        <td class="num">
          {line.amount ? displayMoney(line.amount, line.currency) : (
            <span class="warning-text">
              {line.custom_quote ? t('scenario.customQuote') : line.infeasible ? t('scenario.infeasible') : t('scenario.priceMissing')}
            </span>
          )}
        </td>
        <td class="num">{line.converted ? displayAmount(line.converted) : '—'}</td>
        <td>
          <code>{line.rule}</code>
        </td>
        <td title={line.source_title ?? ''}>{line.source ?? '—'}</td>
      </tr>
      {showCalc && (
        <tr class="calc-row" data-test="calculation">
          <td colSpan={cols}>
            <div class="calc">
              <code>{line.calculation}</code>
              <span>
                {t('scenario.rule')}: <code>{line.rule}</code>
              </span>
              {line.source_title && (
                <span>
                  {t('scenario.source')}: {line.source_title}
                </span>
              )}
              {line.note && <span class="muted">{line.note}</span>}
              {line.entry_note && <span class="muted">{line.entry_note}</span>}
            </div>
          </td>
        </tr>
      )}
    </>
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
                          data-test={`actual-${p}-${m.month}`}
                        />
                      </td>
                      <td class="num">
                        {row?.error ? displayAmount(row.error) : '—'}
                        {row?.error_ratio && <span class="muted small"> ({percent(row.error_ratio.replace('-', ''))})</span>}
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

/** Today's quote minus a saved one, as Rust computed it; a dash when there is none. */
function Difference({ value, currency }: { value: string | null; currency: string }) {
  if (value === null) return <span class="muted">—</span>;
  if (isZeroDecimal(value)) return <span class="muted">{t('savedQuotes.noChange')}</span>;
  // Dearer today is the news to notice; cheaper is good news.
  return (
    <span class={value.startsWith('-') ? 'ok-text' : 'warning-text'} title={t('savedQuotes.differenceTitle')}>
      {displaySignedMoney(value, currency)}
    </span>
  );
}

/**
 * The scenario's saved quotes, newest first. One opens in place below its row with what was
 * saved (rule GEN-4: month totals and the prices used, never recomputed) beside today's quote.
 */
function SavedQuotes({ scenarioId, version }: { scenarioId: number; version: number }) {
  const rows = useSignal<SavedQuoteRow[] | null>(null);
  const opened = useSignal<SavedQuoteView | null>(null);
  const opening = useSignal<number | null>(null);
  const deleting = useSignal<SavedQuoteRow | null>(null);
  const error = useSignal<CommandError | null>(null);

  const load = async () => {
    try {
      rows.value = await api.listSavedQuotes(scenarioId);
    } catch (failure) {
      error.value = failure as CommandError;
    }
  };
  useEffect(() => {
    void load();
  }, [scenarioId, version]);

  const toggle = async (row: SavedQuoteRow) => {
    error.value = null;
    if (opened.value?.id === row.id) {
      opened.value = null;
      return;
    }
    opening.value = row.id;
    try {
      opened.value = await api.getSavedQuote(row.id);
    } catch (failure) {
      error.value = failure as CommandError;
    } finally {
      opening.value = null;
    }
  };

  const remove = async (row: SavedQuoteRow) => {
    error.value = null;
    try {
      await api.deleteSavedQuote(row.id);
      if (opened.value?.id === row.id) opened.value = null;
    } catch (failure) {
      error.value = failure as CommandError;
    }
    await load();
  };

  const list = rows.value;
  return (
    <>
      <p class="muted">{t('savedQuotes.hint')}</p>
      {error.value && <ErrorNotice error={error.value} />}
      {list === null && !error.value && <Loading />}
      {list !== null && list.length === 0 && (
        <p class="muted" data-test="no-saved-quotes">
          {t('savedQuotes.empty')}
        </p>
      )}
      {list !== null && list.length > 0 && (
        <table class="data-table saved-quotes" data-test="saved-quotes">
          <thead>
            <tr>
              <th>{t('savedQuotes.savedAt')}</th>
              <th class="num">{t('scenario.total')}</th>
              <th>{t('scenario.state')}</th>
              <th class="num">{t('savedQuotes.againstToday')}</th>
            </tr>
          </thead>
          <tbody>
            {list.map((row) => {
              const isOpen = opened.value?.id === row.id;
              return (
                <>
                  <tr class={isOpen ? 'open' : ''} data-test="saved-quote" data-id={row.id}>
                    <td>
                      <button
                        type="button"
                        class="link-button row-link saved-at"
                        aria-expanded={isOpen}
                        onClick={() => void toggle(row)}
                        data-test="open-saved-quote"
                      >
                        {displayTimestamp(row.created_at)}
                      </button>
                      {opening.value === row.id && <span class="spinner small" aria-hidden="true" />}
                      <div class="row-actions-inline">
                        <button type="button" class="link-button" onClick={() => void toggle(row)} data-test="toggle-saved-quote">
                          {isOpen ? t('savedQuotes.close') : t('savedQuotes.open')}
                        </button>
                        <button type="button" class="link-button danger" onClick={() => (deleting.value = row)} data-test="delete-saved-quote">
                          {t('common.delete')}
                        </button>
                      </div>
                    </td>
                    <td class="num" data-test="saved-quote-total">
                      {displayMoney(row.total, row.currency)}
                    </td>
                    <td>
                      <CompleteBadge complete={row.complete} />
                    </td>
                    <td class="num" data-test="saved-quote-difference">
                      <Difference value={row.difference} currency={row.currency} />
                    </td>
                  </tr>
                  {isOpen && opened.value && (
                    <tr class="detail-row">
                      <td colSpan={4}>
                        <SavedQuoteDetail saved={opened.value} />
                      </td>
                    </tr>
                  )}
                </>
              );
            })}
          </tbody>
        </table>
      )}
      {deleting.value && (
        <ConfirmDialog
          title={t('savedQuotes.deleteTitle')}
          body={t('savedQuotes.deleteBody', {
            date: displayTimestamp(deleting.value.created_at),
            total: displayMoney(deleting.value.total, deleting.value.currency),
          })}
          confirm={t('common.delete')}
          onCancel={() => (deleting.value = null)}
          onConfirm={() => {
            const row = deleting.value!;
            deleting.value = null;
            void remove(row);
          }}
        />
      )}
    </>
  );
}

function SavedQuoteDetail({ saved }: { saved: SavedQuoteView }) {
  const today = saved.today;
  return (
    <div class="saved-detail" data-test="saved-quote-detail" data-id={saved.id}>
      {saved.scenario_changed && (
        <div class="notice notice-warning" role="status" data-test="scenario-changed">
          {t('savedQuotes.changed')}
        </div>
      )}
      <div class="saved-detail-top">
        <table class="kv-table saved-summary" data-test="saved-quote-summary">
          <tbody>
            <tr>
              <th scope="row">{t('savedQuotes.savedTotal')}</th>
              <td>
                <span class="num">{displayMoney(saved.total, saved.currency)}</span> <CompleteBadge complete={saved.complete} />
              </td>
            </tr>
            <tr>
              <th scope="row">{t('savedQuotes.todayTotal')}</th>
              <td data-test="saved-quote-today">
                {today ? (
                  <>
                    <span class="num">{displayMoney(today.total, today.currency)}</span> <CompleteBadge complete={today.complete} />
                  </>
                ) : (
                  <>
                    <span class="warning-text">{t('savedQuotes.notQuotable')}</span>
                    {saved.today_error && <div class="muted small">{saved.today_error}</div>}
                  </>
                )}
              </td>
            </tr>
            <tr>
              <th scope="row">{t('savedQuotes.difference')}</th>
              <td>
                <Difference value={saved.difference} currency={saved.currency} />
              </td>
            </tr>
            <tr>
              <th scope="row">{t('savedQuotes.scenario')}</th>
              <td>{saved.scenario_changed ? t('savedQuotes.edited') : t('savedQuotes.unchanged')}</td>
            </tr>
          </tbody>
        </table>
        <div class="saved-months-block">
          <h3 class="card-subtitle">{t('savedQuotes.months')}</h3>
          <table class="data-table compact saved-months" data-test="saved-quote-months">
            <thead>
              <tr>
                <th>{t('scenario.month')}</th>
                <th class="num">{t('scenario.converted', { currency: saved.currency })}</th>
              </tr>
            </thead>
            <tbody>
              {saved.months.map((m) => (
                <tr>
                  <td>{m.month}</td>
                  <td class="num">{displayAmount(m.total)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
      <h3 class="card-subtitle">{t('savedQuotes.entries')}</h3>
      <p class="muted small">{t('savedQuotes.entriesHint')}</p>
      <div class="table-scroll">
        <table class="data-table saved-entries" data-test="saved-quote-entries">
          <thead>
            <tr>
              <th>{t('priceBook.product')}</th>
              <th>{t('priceBook.item')}</th>
              <th>{t('priceBook.plan')}</th>
              <th class="num">{t('savedQuotes.price')}</th>
              <th>{t('priceBook.in_force')}</th>
              <th>{t('priceBook.source')}</th>
            </tr>
          </thead>
          <tbody>
            {saved.entries.map((entry) => (
              <tr class={entry.user ? 'user-price' : ''} data-test="saved-quote-entry" data-source={entry.source}>
                <td class="nowrap">
                  <strong>{t(`productsShort.${entry.product}`)}</strong>
                  <div class="muted small site" title={t(`sites.${entry.site}`, { defaultValue: entry.site })}>
                    {t(`sites.${entry.site}`, { defaultValue: entry.site })}
                  </div>
                </td>
                <td title={entry.item}>
                  {priceItemName(entry.item)}
                  {entry.regions.length > 0 && (
                    <div class="muted small regions" title={entry.regions.join(', ')}>
                      {entry.regions.join(', ')}
                    </div>
                  )}
                </td>
                <td>{entry.plan ?? '—'}</td>
                <td class="num">
                  {formatDecimal(entry.amount)} {entry.currency ?? ''}
                  <div class="muted small">/ {entry.unit}</div>
                </td>
                <td class="num">
                  {entry.effective_from ?? t('priceBook.anyDate')}
                  {entry.effective_to && <div class="muted small">– {entry.effective_to}</div>}
                </td>
                <td class="source-cell" title={entry.note ?? ''}>
                  {entry.user ? <span class="badge badge-neutral">{t('priceBook.yours')}</span> : entry.source_title ?? entry.source}
                  <div class="muted small">
                    <code>{entry.source}</code> · <code>{entry.rule}</code>
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
