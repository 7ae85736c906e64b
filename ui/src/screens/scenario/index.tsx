// One scenario: its quote month by month, budgets, alternatives, sizing reports, actual
// spend and exports. Everything shown comes from Rust; amounts are displayed, never computed.
// This module loads the quote and runs the screen's actions; each area is its own module.

import { useEffect } from 'preact/hooks';
import { useSignal } from '@preact/signals';
import { api, CommandError, type ActualView, type ComparisonView, type QuoteView } from '../../api';
import { language, t } from '../../i18n';
import { param } from '../../router';
import { resolvedTheme } from '../../theme';
import { displayTimestamp } from '../../format';
import { PageHeader } from '../../components/layout';
import { ErrorNotice } from '../../components/error-notice';
import { Loading } from '../../components/common';
import { SectionNav } from '../../components/section-nav';
import { MissingPrices } from './missing';
import { ScenarioHeader } from './header';
import { QuoteSummary } from './summary';
import { ChartSection } from './chart';
import { BudgetsSection } from './budgets';
import { LinesSection } from './lines';
import { AlternativesSection } from './alternatives';
import { PackagesSection, TcrEditionsSection, TcssSizingSection } from './sizing';
import { NotesSection } from './notes';
import { ActualsSection } from './actuals';
import { SavedQuotesSection } from './saved-quotes';
import { ExportsSection } from './exports';
import type { Act } from './shared';

export function ScenarioScreen() {
  const id = Number(param('/scenarios/:id', 'id'));
  const quote = useSignal<QuoteView | null>(null);
  const alternatives = useSignal<ComparisonView | null>(null);
  const actuals = useSignal<ActualView[]>([]);
  const error = useSignal<CommandError | null>(null);
  const message = useSignal<string | null>(null);
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

  const act: Act = async (work) => {
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

  const saveQuote = () =>
    act(async () => {
      const saved = await api.saveQuote(id);
      savedVersion.value += 1;
      return t('scenario.quoteSaved', { date: displayTimestamp(saved.created_at) });
    });

  return (
    <>
      <ScenarioHeader id={id} quote={q} onSaveQuote={saveQuote} />
      <MissingPrices quote={q} />
      {error.value && <ErrorNotice error={error.value} />}
      {message.value && (
        <div class="notice notice-info" role="status" data-test="notice">
          {message.value}
        </div>
      )}
      <SectionNav version={q}>
        <QuoteSummary quote={q} />
        <ChartSection quote={q} />
        <BudgetsSection quote={q} />
        <LinesSection quote={q} />
        <AlternativesSection alternatives={alternatives.value} />
        <TcrEditionsSection quote={q} />
        <TcssSizingSection quote={q} />
        <PackagesSection quote={q} />
        <NotesSection quote={q} />
        <ActualsSection quote={q} actuals={actuals.value} onChanged={load} />
        <SavedQuotesSection scenarioId={id} version={savedVersion.value} />
        <ExportsSection id={id} theme={theme} lang={lang} act={act} />
      </SectionNav>
    </>
  );
}
