// The typed boundary to Rust: the only module that calls `invoke`.
//
// Every command resolves with its typed response or rejects with a `CommandError` carrying
// the `ErrorCode` that the UI acts on. Types come from bindings.ts, generated from Rust.

import { invoke } from '@tauri-apps/api/core';
import { listen } from '@tauri-apps/api/event';
import type { AppInfo, CommandName, Currency, DatabaseStatus, ErrorCode, Product, Site } from './bindings';

export type { AppInfo, DatabaseState, DatabaseStatus, ErrorCode } from './bindings';

// The vocabulary (string-literal unions) and its values in Rust's order, for the UI's lists.
export type { Product, Site, Edition, Currency, BudgetStatus, PriceItem } from './bindings';
export { PRODUCTS, SITES, CURRENCIES, PRICE_ITEMS, USER_PRICE_ITEMS } from './bindings';

// The command types are generated from Rust (bindings.ts); this module only re-exports them.
import type {
  FieldErrorDto,
  ApiError,
  ScenarioRow,
  ScenarioDoc,
  Preview,
  QuoteView,
  ComparisonView,
  ScenarioComparison,
  PriceRow,
  PriceUpdatePreview,
  PriceUpdateRow,
  UserPriceInput,
  RateRow,
  ActualView,
  SavedQuoteRow,
  SavedQuoteView,
  WizardOptions,
  BillOpened,
  BillMappingInput,
} from './bindings';

export type {
  FieldErrorDto,
  ApiError,
  ScenarioRow,
  ScenarioDoc,
  MonthTotal,
  Preview,
  LineView,
  BudgetMonthView,
  MonthView,
  BudgetSummaryView,
  ShortfallView,
  EditionOptionView,
  TcrMonthView,
  TcssMonthView,
  TcssView,
  ImageSearchMonthView,
  PackageChangeView,
  ImageSearchView,
  NoteView,
  ActualRowView,
  QuoteView,
  AlternativeView,
  ProductComparisonView,
  ComparisonView,
  ComparedScenario,
  ComparedMonth,
  ScenarioComparison,
  PriceRow,
  PriceUpdatePreview,
  PriceUpdateRow,
  ScenarioChangeRow,
  UpdateSourceRow,
  UserPriceInput,
  RateRow,
  ActualView,
  SavedQuoteRow,
  TodayTotal,
  SavedQuoteView,
  SiteOption,
  ProductSites,
  PriceItemOption,
  WizardOptions,
  BillOpened,
  BillPreview,
  BillProblem,
  BillTotal,
  BillChange,
  BillMappingInput,
  UnmatchedService,
  GrowthView,
} from './bindings';

/** One problem with one input field, by its path (`tcss.cores`, `budgets[0].amount`). */
export type FieldError = FieldErrorDto;

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
  /** The problem as a code with arguments, when Rust gave one: shown in the UI's language. */
  readonly detail: ApiError['detail'];

  constructor(error: ApiError) {
    super(error.message);
    this.name = 'CommandError';
    this.code = error.code;
    this.field = error.field;
    this.fields = error.fields ?? [];
    this.detail = error.detail;
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

// Only the names in `CommandName` (generated from src-tauri/src/commands/list.rs, the list that
// also grants the window its permissions): a command missing from that list is a type error.
async function call<T>(command: CommandName, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (error) {
    throw toCommandError(error);
  }
}

// Start-up: the first screen's answers are asked for while the UI's script is still being
// evaluated (ui/src/early.ts is boot.tsx's first import), so their round trip overlaps the
// script's evaluation instead of following the first render. On the window's first load the
// page usually carries them already (src-tauri/src/first_page.rs): then nothing is asked.
// Each early answer is handed out once, to the first caller; every later call asks again. An
// answer that has arrived by the first render is given to the screen synchronously
// (`takeArrived`), so the first frame shows it rather than a loading line and then a second
// frame.
const early = new Map<CommandName, Promise<unknown>>();
const arrived = new Map<CommandName, unknown>();

/** The answers the page carries (first_page.rs), by command name; read once, then removed. */
function answersInPage(): Partial<Record<CommandName, unknown>> {
  const block = document.getElementById('first-answers');
  if (!block) return {};
  block.remove();
  try {
    const answers: unknown = JSON.parse(block.textContent ?? '');
    return typeof answers === 'object' && answers !== null ? (answers as Partial<Record<CommandName, unknown>>) : {};
  } catch {
    return {}; // Asked for over IPC instead.
  }
}

/**
 * Sends `commands` (taking no arguments) now, unless the page carries their answers, and keeps
 * the answers for their first caller. Resolves once every answer has arrived, or after
 * `waitAtMost` ms, whichever is first (it never rejects: a failed answer is reported to the
 * caller that takes it).
 */
export function askEarly(commands: readonly CommandName[], waitAtMost: number): Promise<void> {
  const inPage = answersInPage();
  // Which answers the page carried, where the E2E tests can read them.
  (window as unknown as { __answeredByPage: string[] }).__answeredByPage = Object.keys(inPage);
  const answers = commands.map((command) => {
    arrived.delete(command); // An answer to an earlier question is stale now.
    if (command in inPage) {
      arrived.set(command, inPage[command]);
      early.set(command, Promise.resolve(inPage[command]));
      return Promise.resolve();
    }
    const answer = call(command);
    early.set(command, answer);
    return answer.then(
      (value) => {
        if (early.get(command) === answer) arrived.set(command, value);
      },
      () => undefined,
    );
  });
  return Promise.race([
    Promise.all(answers).then(() => undefined),
    new Promise<void>((resolve) => setTimeout(resolve, waitAtMost)),
  ]);
}

/** The early answer to `command` if it has already arrived (and is not yet taken); takes it. */
function takeArrived<T>(command: CommandName): T | undefined {
  if (!arrived.has(command)) return undefined;
  const value = arrived.get(command) as T;
  arrived.delete(command);
  early.delete(command);
  return value;
}

function callOnce<T>(command: CommandName): Promise<T> {
  const answer = early.get(command);
  if (answer) {
    early.delete(command);
    arrived.delete(command);
    return answer as Promise<T>;
  }
  return call<T>(command);
}

export const api = {
  appInfo: (): Promise<AppInfo> => call<AppInfo>('app_info'),
  // Whether the database can be saved to (read-only, locked, not open); see database.ts.
  databaseStatus: () => callOnce<DatabaseStatus>('database_status'),
  /** The early answer of `databaseStatus` when it has arrived, for the first render. */
  arrivedDatabaseStatus: () => takeArrived<DatabaseStatus>('database_status'),
  retryDatabase: () => call<DatabaseStatus>('retry_database'),

  // Scenarios. Arguments keep their Rust (snake_case) names.
  listScenarios: () => callOnce<ScenarioRow[]>('list_scenarios'),
  /** The early answer of `listScenarios` when it has arrived, for the first render. */
  arrivedScenarios: () => takeArrived<ScenarioRow[]>('list_scenarios'),
  getScenario: (id: number) => call<ScenarioDoc>('get_scenario', { id }),
  createScenario: (document: string) => call<ScenarioDoc>('create_scenario', { document }),
  updateScenario: (id: number, document: string) =>
    call<ScenarioDoc>('update_scenario', { id, document }),
  renameScenario: (id: number, name: string) => call<unknown>('rename_scenario', { id, name }),
  duplicateScenario: (id: number) => call<unknown>('duplicate_scenario', { id }),
  deleteScenario: (id: number) => call<void>('delete_scenario', { id }),
  // Imports and exports never name a path: Rust opens the native dialog itself and resolves
  // with the file the user picked (for "saved to …"), or null when the user cancelled.
  importScenario: (lang: string) => call<ScenarioRow | null>('import_scenario', { lang }),
  exportScenario: (id: number, lang: string) =>
    call<string | null>('export_scenario', { id, lang }),

  // Quotes.
  previewQuote: (document: string, theme: string, lang: string) =>
    call<Preview>('preview_quote', { document, theme, lang }),
  quoteScenario: (id: number, theme: string, lang: string) =>
    call<QuoteView>('quote_scenario', { id, theme, lang }),
  compareAlternatives: (id: number) => call<ComparisonView>('compare_alternatives', { id }),
  compareScenarios: (ids: number[], theme: string, lang: string) =>
    call<ScenarioComparison>('compare_scenarios', { ids, theme, lang }),
  saveQuote: (scenarioId: number) => call<SavedQuoteRow>('save_quote', { scenario_id: scenarioId }),
  listSavedQuotes: (scenarioId: number) =>
    call<SavedQuoteRow[]>('list_saved_quotes', { scenario_id: scenarioId }),
  getSavedQuote: (id: number) => call<SavedQuoteView>('get_saved_quote', { id }),
  deleteSavedQuote: (id: number) => call<void>('delete_saved_quote', { id }),
  wizardOptions: () => call<WizardOptions>('wizard_options'),

  // Exports: each resolves with the path the user picked in the save dialog Rust opens, or
  // null when the user cancelled (nothing written). `lang` is the dialog's language.
  /** Opens the folder of a file saved through a dialog in this session (and nothing else). */
  openSavedFolder: (path: string) => call<null>('open_saved_folder', { path }),
  exportQuoteCsv: (id: number, bom: boolean, lang: string) =>
    call<string | null>('export_quote_csv', { id, bom, lang }),
  exportComparisonCsv: (id: number, lang: string) =>
    call<string | null>('export_comparison_csv', { id, lang }),
  exportSideBySideCsv: (ids: number[], lang: string) =>
    call<string | null>('export_side_by_side_csv', { ids, lang }),
  exportChart: (id: number, format: ChartFormat, theme: string, lang: string) =>
    call<string | null>('export_chart', { id, format, theme, lang }),

  // Price book and exchange rates.
  listPrices: (date: string, product: Product | null, site: Site | null) =>
    call<PriceRow[]>('list_prices', { date, product, site }),
  addUserPrice: (price: UserPriceInput) => call<unknown>('add_user_price', { price }),
  updateUserPrice: (id: number, price: UserPriceInput) =>
    call<unknown>('update_user_price', { id, price }),
  deleteUserPrice: (id: number) => call<void>('delete_user_price', { id }),
  // A price-book update: Rust opens the open dialog, checks the file and previews what it
  // changes (null when the user cancelled); confirming names the preview by its token.
  openPriceUpdate: (lang: string) => call<PriceUpdatePreview | null>('open_price_update', { lang }),
  confirmPriceUpdate: (token: number) => call<PriceUpdateRow>('confirm_price_update', { token }),
  listPriceUpdates: () => call<PriceUpdateRow[]>('list_price_updates'),
  /** Removes the loaded update `id` (quotes use the book without it; saved quotes stay); the updates left. */
  removePriceUpdate: (id: number) => call<PriceUpdateRow[]>('remove_price_update', { id }),
  listRates: () => call<RateRow[]>('list_rates'),
  upsertRate: (from: Currency, to: Currency, rate: string, date: string) =>
    call<unknown>('upsert_rate', { from, to, rate, date }),
  deleteRate: (id: number) => call<void>('delete_rate', { id }),

  // Settings, drafts and actual spend.
  getSettings: () => call<Record<string, string>>('get_settings'),
  setSetting: (key: string, value: string) => call<void>('set_setting', { key, value }),
  getDraft: (key: string) => call<string | null>('get_draft', { key }),
  putDraft: (key: string, document: string) => call<void>('put_draft', { key, document }),
  deleteDraft: (key: string) => call<void>('delete_draft', { key }),
  listActuals: (scenarioId: number) => call<ActualView[]>('list_actuals', { scenario_id: scenarioId }),
  upsertActual: (scenarioId: number, product: string, month: string, amount: string, currency: string) =>
    call<unknown>('upsert_actual', { scenario_id: scenarioId, product, month, amount, currency }),
  deleteActual: (id: number) => call<void>('delete_actual', { id }),

  // Bills (docs/bills.md). Rust opens the open dialog and reads the bill the user picked for
  // scenario `id` (null when the user cancelled); the answer is a preview, or the bill's
  // columns to map. The bill is then named by its token; nothing is stored until confirmBill.
  openBill: (id: number, lang: string) => call<BillOpened | null>('open_bill', { id, lang }),
  mapBill: (token: number, mapping: BillMappingInput) => call<BillOpened>('map_bill', { token, mapping }),
  /** Stores the preview of bill `token`; the months and products written. */
  confirmBill: (token: number) => call<number>('confirm_bill', { token }),
  cancelBill: (token: number) => call<null>('cancel_bill', { token }),
  /** Saves a copy of scenario `id` growing `percent` a month (rule BUD-4); the copy's row. */
  applyGrowth: (id: number, percent: string, lang: string) => call<ScenarioRow>('apply_growth', { id, percent, lang }),
  /** Calls `handler` with the bytes read of the bill being read, until the returned function is called. */
  onBillProgress: async (handler: (progress: BillProgress) => void): Promise<() => void> => {
    try {
      return await listen<BillProgress>('bill-progress', (event) => handler(event.payload));
    } catch {
      // No event system (a page without Tauri): reading works, just without a bar.
      return () => undefined;
    }
  },
};

/** How much of the bill being read has been read, in bytes. */
export type BillProgress = { read: number; total: number };
