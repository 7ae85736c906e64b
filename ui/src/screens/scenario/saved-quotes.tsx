// The scenario's saved quotes, each opened in place beside today's quote.

import { useEffect } from 'preact/hooks';
import { useSignal } from '@preact/signals';
import { api, CommandError, type SavedQuoteRow, type SavedQuoteView } from '../../api';
import { t } from '../../i18n';
import { formatDecimal, displayMoney, displayAmount, displaySignedMoney, displayTimestamp, isZeroDecimal } from '../../format';
import { Section } from '../../components/layout';
import { ErrorNotice } from '../../components/error-notice';
import { CompleteBadge, ConfirmDialog, Loading, priceItemName, unitName } from '../../components/common';
import { isUserText, renderMessage } from '../../messages';
import { savingBlocked } from '../../database';

export function SavedQuotesSection({ scenarioId, version }: { scenarioId: number; version: number }) {
  return (
    <Section title={t('savedQuotes.title')}>
      <SavedQuotes scenarioId={scenarioId} version={version} />
    </Section>
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
                        <button type="button" class="link-button danger" onClick={() => (deleting.value = row)} {...savingBlocked()} data-test="delete-saved-quote">
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
                    <div class="muted small regions" title={entry.regions.join(', ')} data-verbatim>
                      {entry.regions.join(', ')}
                    </div>
                  )}
                </td>
                <td data-verbatim>{entry.plan ?? '—'}</td>
                <td class="num">
                  {formatDecimal(entry.amount)} {entry.currency ?? ''}
                  <div class="muted small" title={entry.unit}>
                    / <span data-code="unit">{unitName(entry.unit)}</span>
                  </div>
                </td>
                <td class="num">
                  {entry.effective_from ?? t('priceBook.anyDate')}
                  {entry.effective_to && <div class="muted small">– {entry.effective_to}</div>}
                </td>
                <td
                  class="source-cell"
                  title={entry.note_message ? renderMessage(entry.note_message) : ''}
                  data-title-code={entry.note_message && !isUserText(entry.note_message) ? entry.note_message.code : undefined}
                >
                  {entry.user ? <span class="badge badge-neutral">{t('priceBook.yours')}</span> : <span data-verbatim>{entry.source_title ?? entry.source}</span>}
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
