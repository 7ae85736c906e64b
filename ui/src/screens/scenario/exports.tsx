// Exports: the quote as CSV (with or without a BOM), the chart as SVG or PNG, the scenario as
// JSON, each to a file chosen in the native dialog.

import { api, type ChartFormat, type QuoteView } from '../../api';
import { t } from '../../i18n';
import { Section } from '../../components/layout';
import type { Act } from './shared';

export function ExportsSection(props: {
  id: number;
  quote: QuoteView;
  theme: string;
  lang: string;
  act: Act;
}) {
  const { id, quote: q, theme, lang, act } = props;
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
      <p class="muted small">{t('scenario.bomHint')}</p>
    </Section>
  );
}
