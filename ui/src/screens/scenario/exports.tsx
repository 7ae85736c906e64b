// Exports: the quote as CSV (with or without a BOM), the chart as SVG or PNG, the scenario as
// JSON. Each command opens the native save dialog itself (in Rust) and resolves with the file
// the user picked, or null when the user cancelled.

import { useSignal } from '@preact/signals';
import { api, type ChartFormat } from '../../api';
import { SavedNotice } from '../../components/saved-notice';
import { t } from '../../i18n';
import { Section } from '../../components/layout';
import type { Act } from './shared';

export function ExportsSection(props: {
  id: number;
  theme: string;
  lang: string;
  act: Act;
}) {
  const { id, theme, lang, act } = props;
  // The notice of the last file saved shows here, beside the buttons, not at the page top.
  const lastSaved = useSignal<string | null>(null);
  // A new export replaces it; a cancelled one (null) clears it.
  const saved = (path: string | null) => {
    lastSaved.value = path;
    return null;
  };
  const exportCsv = (bom: boolean) => act(async () => saved(await api.exportQuoteCsv(id, bom, lang)));
  const exportChart = (format: ChartFormat) =>
    act(async () => saved(await api.exportChart(id, format, theme, lang)));
  const exportJson = () => act(async () => saved(await api.exportScenario(id, lang)));

  return (
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
      {lastSaved.value && <SavedNotice path={lastSaved.value} onClose={() => (lastSaved.value = null)} />}
      <p class="muted small">{t('scenario.bomHint')}</p>
    </Section>
  );
}
