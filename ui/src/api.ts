// The typed boundary to Rust: the only module that calls `invoke` (and the dialog plugin).
//
// Every command resolves with its typed response or rejects with a `CommandError` carrying
// the `ErrorCode` that the UI acts on. Types come from bindings.ts, generated from Rust.

import { invoke } from '@tauri-apps/api/core';
import { open, save } from '@tauri-apps/plugin-dialog';
import type { AppInfo, ErrorCode } from './bindings';

export type { AppInfo, ErrorCode } from './bindings';

// Command types written by hand until bindings.ts carries them (the generated file wins:
// replace each interface below with its re-export from './bindings' when it lands).

export interface FieldError {
  path: string;
  message: string;
}

export interface ApiError {
  code: ErrorCode;
  message: string;
  field: string | null;
  fields?: FieldError[];
}

export interface ScenarioRow {
  id: number;
  name: string;
  start: string | null;
  months: number | null;
  currency: string | null;
  products: string[];
  total: string | null;
  complete: boolean;
  updated_at: string;
  error: string | null;
}

export interface ScenarioDoc {
  id: number;
  name: string;
  document: string;
  created_at: string;
  updated_at: string;
}

export interface MonthTotal {
  month: string;
  total: string;
}

export interface Preview {
  ok: boolean;
  errors: FieldError[];
  total: string | null;
  currency: string | null;
  complete: boolean;
  months: MonthTotal[];
  chart_svg: string | null;
}

export interface LineView {
  product: string;
  item: string;
  plan: string | null;
  quantity: string;
  unit: string;
  unit_price: string | null;
  amount: string | null;
  currency: string;
  converted: string | null;
  rule: string;
  source: string | null;
  source_title: string | null;
  price_missing: boolean;
  custom_quote: boolean;
  infeasible: boolean;
  note: string | null;
  entry_note: string | null;
  calculation: string;
}

export interface BudgetMonthView {
  name: string | null;
  product: string | null;
  amount: string | null;
  currency: string;
  amount_converted: string | null;
  spend: string;
  variance: string | null;
  utilisation: string | null;
  status: string | null;
  cumulative_spend: string;
  cumulative_budget: string;
  cumulative_status: string | null;
}

export interface MonthView {
  month: string;
  lines: LineView[];
  total: string;
  complete: boolean;
  budgets: BudgetMonthView[];
}

export interface BudgetSummaryView {
  name: string | null;
  product: string | null;
  amount: string;
  currency: string;
  warn_at: string;
  start: string | null;
  end: string | null;
  total_spend: string;
  total_budget: string;
  first_warning: string | null;
  first_over: string | null;
  first_cumulative_over: string | null;
}

export interface ShortfallView {
  requirement: string;
  needed: string;
  allowed: string;
  by_ticket: boolean;
  text: string;
}

export interface EditionOptionView {
  edition: string;
  feasible: boolean;
  needs_ticket: boolean;
  cost: string | null;
  shortfalls: ShortfallView[];
}

export interface TcrMonthView {
  month: string;
  edition: string | null;
  billing: string;
  needs_ticket: boolean;
  options: EditionOptionView[];
}

export interface TcssMonthView {
  month: string;
  licensed: string;
  max_cores: string;
  break_even_days: string | null;
  cost: string | null;
  all_prepaid: string | null;
  all_postpaid: string | null;
}

export interface TcssView {
  site: string;
  currency: string;
  billing: string;
  months: TcssMonthView[];
  total: string | null;
  all_prepaid: string | null;
  all_postpaid: string | null;
  saving_vs_prepaid: string | null;
  saving_vs_postpaid: string | null;
}

export interface ImageSearchMonthView {
  month: string;
  package: string | null;
  images: string;
  qps: string;
}

export interface PackageChangeView {
  month: string;
  from: string;
  to: string;
  kind: string;
  amount: string;
  currency: string;
}

export interface ImageSearchView {
  months: ImageSearchMonthView[];
  changes: PackageChangeView[];
}

export interface NoteView {
  code: string;
  product: string | null;
  text: string;
}

export interface ActualRowView {
  month: string;
  product: string;
  projected: string;
  actual: string | null;
  error: string | null;
  error_ratio: string | null;
}

export interface QuoteView {
  scenario_id: number;
  name: string;
  currency: string;
  start: string;
  total: string;
  complete: boolean;
  products: string[];
  months: MonthView[];
  budgets: BudgetSummaryView[];
  tcr: TcrMonthView[] | null;
  tcss: TcssView | null;
  image_search: ImageSearchView | null;
  notes: NoteView[];
  actuals: ActualRowView[];
  actuals_error: string | null;
  chart_svg: string | null;
}

export interface AlternativeView {
  product: string;
  plan: string;
  label: string;
  total: string | null;
  currency: string;
  feasible: boolean;
  complete: boolean;
  reasons: string[];
  current: boolean;
  recommended: boolean;
  saving: string | null;
}

export interface ProductComparisonView {
  product: string;
  alternatives: AlternativeView[];
}

export interface ComparisonView {
  scenario: string;
  currency: string;
  products: ProductComparisonView[];
}

export interface ComparedScenario {
  id: number;
  name: string;
  currency: string;
  total: string;
  complete: boolean;
}

export interface ComparedMonth {
  month: string;
  totals: (string | null)[];
  differences: (string | null)[];
}

export interface ScenarioComparison {
  scenarios: ComparedScenario[];
  months: ComparedMonth[];
  overlay_svg: string | null;
}

export interface PriceRow {
  id: number | null;
  product: string;
  site: string;
  item: string;
  plan: string | null;
  regions: string[];
  unit: string;
  amount: string;
  currency: string | null;
  effective_from: string;
  effective_to: string | null;
  source: string;
  source_title: string | null;
  rule: string;
  note: string | null;
  user: boolean;
}

export interface UserPriceInput {
  product: string;
  site: string;
  item: string;
  plan: string | null;
  region: string | null;
  unit: string;
  amount: string;
  currency: string;
  effective_from: string | null;
  effective_to: string | null;
  note: string | null;
}

export interface RateRow {
  id: number;
  from: string;
  to: string;
  rate: string;
  date: string;
}

export interface ActualView {
  id: number;
  scenario_id: number;
  product: string;
  month: string;
  amount: string;
  currency: string;
}

export interface SavedQuoteRow {
  id: number;
  scenario_id: number;
  created_at: string;
  currency: string;
  total: string;
  complete: boolean;
}

export interface RegionOption {
  region: string;
  name: string;
  name_zh: string;
  group: string;
  availability: string | null;
  priced: boolean;
}

export interface EditionOptionInfo {
  edition: string;
  title_intl: string;
  title_cn: string;
}

export interface SiteOption {
  site: string;
  currency: string;
}

export interface ProductSites {
  product: string;
  sites: SiteOption[];
}

export interface SitePackages {
  site: string;
  packages: string[];
}

export interface WizardOptions {
  regions: RegionOption[];
  editions: EditionOptionInfo[];
  sites: ProductSites[];
  packages: SitePackages[];
}

export type ChartFormat = 'svg' | 'png';

const ERROR_CODES: readonly ErrorCode[] = [
  'invalid_input',
  'not_found',
  'database',
  'io',
  'internal',
];

/** A failed command. `code` decides what the UI does; `message` is only shown, never parsed. */
export class CommandError extends Error implements ApiError {
  readonly code: ErrorCode;
  readonly field: string | null;
  readonly fields: FieldError[];

  constructor(error: ApiError) {
    super(error.message);
    this.name = 'CommandError';
    this.code = error.code;
    this.field = error.field;
    this.fields = error.fields ?? [];
  }

  /** The message for one field path (`tcss.cores`), if this error names it. */
  fieldMessage(path: string): string | undefined {
    const hit = this.fields.find((f) => f.path === path || f.path.startsWith(`${path}[`));
    if (hit) return hit.message;
    return this.field === path ? this.message : undefined;
  }
}

function isApiError(value: unknown): value is ApiError {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Record<string, unknown>;
  return (
    typeof candidate.code === 'string' &&
    (ERROR_CODES as readonly string[]).includes(candidate.code) &&
    typeof candidate.message === 'string'
  );
}

function toCommandError(error: unknown): CommandError {
  if (isApiError(error)) return new CommandError({ ...error, field: error.field ?? null, fields: error.fields ?? [] });
  // Tauri itself rejects with a string (unknown command, denied permission, no IPC at all).
  const message = error instanceof Error ? error.message : String(error);
  return new CommandError({ code: 'internal', message, field: null });
}

async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (error) {
    throw toCommandError(error);
  }
}

export interface FileFilter {
  name: string;
  extensions: string[];
}

export const api = {
  appInfo: (): Promise<AppInfo> => call<AppInfo>('app_info'),

  // Scenarios. Tauri passes arguments by their camelCase names.
  listScenarios: () => call<ScenarioRow[]>('list_scenarios'),
  getScenario: (id: number) => call<ScenarioDoc>('get_scenario', { id }),
  createScenario: (document: string) => call<ScenarioDoc>('create_scenario', { document }),
  updateScenario: (id: number, document: string) =>
    call<ScenarioDoc>('update_scenario', { id, document }),
  renameScenario: (id: number, name: string) => call<unknown>('rename_scenario', { id, name }),
  duplicateScenario: (id: number) => call<unknown>('duplicate_scenario', { id }),
  deleteScenario: (id: number) => call<void>('delete_scenario', { id }),
  importScenario: (path: string) => call<unknown>('import_scenario', { path }),
  exportScenario: (id: number, path: string) => call<void>('export_scenario', { id, path }),

  // Quotes.
  previewQuote: (document: string, theme: string, lang: string) =>
    call<Preview>('preview_quote', { document, theme, lang }),
  quoteScenario: (id: number, theme: string, lang: string) =>
    call<QuoteView>('quote_scenario', { id, theme, lang }),
  compareAlternatives: (id: number) => call<ComparisonView>('compare_alternatives', { id }),
  compareScenarios: (ids: number[], theme: string, lang: string) =>
    call<ScenarioComparison>('compare_scenarios', { ids, theme, lang }),
  saveQuote: (id: number) => call<SavedQuoteRow>('save_quote', { id }),
  wizardOptions: () => call<WizardOptions>('wizard_options'),

  // Exports (the path comes from chooseSavePath).
  exportQuoteCsv: (id: number, path: string, bom: boolean) =>
    call<void>('export_quote_csv', { id, path, bom }),
  exportComparisonCsv: (id: number, path: string) =>
    call<void>('export_comparison_csv', { id, path }),
  exportSideBySideCsv: (ids: number[], path: string) =>
    call<void>('export_side_by_side_csv', { ids, path }),
  exportChart: (id: number, path: string, format: ChartFormat, theme: string, lang: string) =>
    call<void>('export_chart', { id, path, format, theme, lang }),

  // Price book and exchange rates.
  listPrices: (date: string, product: string | null, site: string | null) =>
    call<PriceRow[]>('list_prices', { date, product, site }),
  addUserPrice: (price: UserPriceInput) => call<unknown>('add_user_price', { price }),
  updateUserPrice: (id: number, price: UserPriceInput) =>
    call<unknown>('update_user_price', { id, price }),
  deleteUserPrice: (id: number) => call<void>('delete_user_price', { id }),
  listRates: () => call<RateRow[]>('list_rates'),
  upsertRate: (from: string, to: string, rate: string, date: string) =>
    call<unknown>('upsert_rate', { from, to, rate, date }),
  deleteRate: (id: number) => call<void>('delete_rate', { id }),

  // Settings, drafts and actual spend.
  getSettings: () => call<Record<string, string>>('get_settings'),
  setSetting: (key: string, value: string) => call<void>('set_setting', { key, value }),
  getDraft: (key: string) => call<string | null>('get_draft', { key }),
  putDraft: (key: string, document: string) => call<void>('put_draft', { key, document }),
  deleteDraft: (key: string) => call<void>('delete_draft', { key }),
  listActuals: (scenarioId: number) => call<ActualView[]>('list_actuals', { scenarioId }),
  upsertActual: (scenarioId: number, product: string, month: string, amount: string, currency: string) =>
    call<unknown>('upsert_actual', { scenarioId, product, month, amount, currency }),
  deleteActual: (id: number) => call<void>('delete_actual', { id }),

  /** Asks where to save a file; `null` when the user cancels. Rust then writes to that path. */
  async chooseSavePath(defaultPath: string, filters: FileFilter[]): Promise<string | null> {
    try {
      return await save({ defaultPath, filters });
    } catch (error) {
      throw toCommandError(error);
    }
  },

  /** Asks for one file to open; `null` when the user cancels. */
  async chooseOpenPath(filters: FileFilter[]): Promise<string | null> {
    try {
      const picked = await open({ multiple: false, directory: false, filters });
      return typeof picked === 'string' ? picked : null;
    } catch (error) {
      throw toCommandError(error);
    }
  },
};
