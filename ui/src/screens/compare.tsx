// Two to four scenarios side by side: monthly totals, differences from the first, the overlay
// chart and a CSV export.

import { useEffect } from 'preact/hooks';
import { useSignal } from '@preact/signals';
import { api, CommandError, type ScenarioComparison, type ScenarioRow } from '../api';
import { language, t } from '../i18n';
import { href } from '../router';
import { resolvedTheme } from '../theme';
import { displayMoney, displayAmount } from '../format';
import { EmptyState, PageHeader, Section } from '../components/layout';
import { ErrorNotice } from '../components/error-notice';
import { SavedNotice } from '../components/saved-notice';
import { Chart, CompleteBadge, Loading } from '../components/common';

const MAX = 4;

export function CompareScreen() {
  const rows = useSignal<ScenarioRow[] | null>(null);
  const picked = useSignal<number[]>([]);
  const result = useSignal<ScenarioComparison | null>(null);
  const error = useSignal<CommandError | null>(null);
  const message = useSignal<string | null>(null);
  const busy = useSignal(false);
  const theme = resolvedTheme();
  const lang = language.value;

  useEffect(() => {
    api.listScenarios().then(
      (value) => (rows.value = value),
      (failure: CommandError) => (error.value = failure),
    );
  }, []);

  useEffect(() => {
    if (picked.value.length < 2) {
      result.value = null;
      return;
    }
    busy.value = true;
    api.compareScenarios(picked.value, theme, lang).then(
      (value) => {
        result.value = value;
        error.value = null;
        busy.value = false;
      },
      (failure: CommandError) => {
        error.value = failure;
        busy.value = false;
      },
    );
  }, [picked.value.join(','), theme, lang]);

  const toggle = (id: number, on: boolean) => {
    picked.value = on ? [...picked.value, id].slice(0, MAX) : picked.value.filter((x) => x !== id);
  };

  const exportCsv = async () => {
    message.value = null;
    try {
      const path = await api.exportSideBySideCsv(picked.value, lang);
      if (path) message.value = path;
    } catch (failure) {
      error.value = failure as CommandError;
    }
  };

  if (rows.value === null) {
    return (
      <>
        <PageHeader title={t('compare.title')} subtitle={t('compare.subtitle')} />
        {error.value ? <ErrorNotice error={error.value} /> : <Loading />}
      </>
    );
  }
  if (rows.value.length < 2) {
    return (
      <>
        <PageHeader title={t('compare.title')} subtitle={t('compare.subtitle')} />
        <EmptyState title={t('compare.emptyTitle')} body={t('compare.emptyBody')}>
          <a class="button" href={href('/wizard/new')}>
            {t('scenarios.new')}
          </a>
        </EmptyState>
      </>
    );
  }

  const r = result.value;
  return (
    <>
      <PageHeader
        title={t('compare.title')}
        subtitle={t('compare.subtitle')}
        actions={
          <button type="button" class="button secondary" disabled={!r} onClick={exportCsv} data-test="compare-export">
            {t('compare.export')}
          </button>
        }
      />
      {error.value && <ErrorNotice error={error.value} />}
      {message.value && <SavedNotice path={message.value} onClose={() => (message.value = null)} />}
      <div class="stack">
        <Section title={t('compare.pick')}>
          <p class="muted small">{t('compare.pickHint')}</p>
          <div class="pick-list">
            {rows.value.map((row) => {
              const on = picked.value.includes(row.id);
              const first = rows.value!.find((r) => r.id === picked.value[0]);
              const otherCurrency = !on && first !== undefined && first.currency !== row.currency;
              return (
                <label class={on ? 'pick selected' : otherCurrency ? 'pick disabled' : 'pick'} title={otherCurrency ? t('compare.otherCurrency', { currency: first!.currency ?? '' }) : undefined}>
                  <input
                    type="checkbox"
                    checked={on}
                    disabled={!on && (picked.value.length >= MAX || otherCurrency)}
                    onChange={(event) => toggle(row.id, (event.target as HTMLInputElement).checked)}
                    data-test="compare-pick"
                    data-name={row.name}
                  />
                  <span data-verbatim>{row.name}</span>
                  <span class="num muted">{row.total && row.currency ? displayMoney(row.total, row.currency) : '—'}</span>
                </label>
              );
            })}
          </div>
        </Section>
        {picked.value.length < 2 && <p class="muted">{t('compare.pickMore')}</p>}
        {busy.value && !r && <Loading />}
        {r && (
          <>
            <Section title={t('compare.chart')}>
              <Chart svg={r.overlay_svg} label={t('compare.chart')} names={r.scenarios.map((s) => s.name)} />
            </Section>
            <Section title={t('compare.monthly')}>
              <div class="table-scroll">
                <table class="data-table compact" data-test="compare-table">
                  <thead>
                    <tr>
                      <th>{t('scenario.month')}</th>
                      {r.scenarios.map((s, i) => (
                        <>
                          <th class="num">
                            <span data-verbatim>{s.name}</span> ({s.currency})
                          </th>
                          {i > 0 && <th class="num">{t('compare.difference')}</th>}
                        </>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {r.months.map((m) => (
                      <tr data-test="compare-row">
                        <td>{m.month}</td>
                        {r.scenarios.map((_, i) => (
                          <>
                            <td class="num">{m.totals[i] ? displayAmount(m.totals[i]!) : '—'}</td>
                            {i > 0 && <td class={`num ${diffClass(m.differences[i])}`}>{signed(m.differences[i])}</td>}
                          </>
                        ))}
                      </tr>
                    ))}
                  </tbody>
                  <tfoot>
                    <tr>
                      <td>{t('scenario.total')}</td>
                      {r.scenarios.map((s, i) => (
                        <>
                          <td class="num">
                            {displayAmount(s.total)} <CompleteBadge complete={s.complete} />
                          </td>
                          {i > 0 && <td />}
                        </>
                      ))}
                    </tr>
                  </tfoot>
                </table>
              </div>
            </Section>
          </>
        )}
      </div>
    </>
  );
}

function signed(value: string | null | undefined): string {
  if (!value) return '—';
  const text = displayAmount(value);
  return value.startsWith('-') || /^0*\.?0*$/.test(value) ? text : `+${text}`;
}

function diffClass(value: string | null | undefined): string {
  if (!value || /^-?0*\.?0*$/.test(value)) return '';
  return value.startsWith('-') ? 'ok-text' : 'over-text';
}
