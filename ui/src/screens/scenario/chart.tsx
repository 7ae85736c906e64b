// The month-by-month chart, drawn by Rust in the window's theme and language.

import type { QuoteView } from '../../api';
import { t } from '../../i18n';
import { Section } from '../../components/layout';
import { Chart } from '../../components/common';

export function ChartSection({ quote }: { quote: QuoteView }) {
  return (
    <Section title={t('scenario.chart')}>
      <Chart svg={quote.chart_svg} label={t('scenario.chart')} names={quote.budgets.map((b) => b.name ?? '')} />
    </Section>
  );
}
