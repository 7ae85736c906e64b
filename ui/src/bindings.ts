// Generated from the Rust command types by `UPDATE_BINDINGS=1 cargo test -p plancast --test bindings`. Do not edit.

export type Product = "tcr" | "tcss" | "image_search";

export type Site = "tencent-intl" | "tencent-cn" | "aliyun-cn" | "aliyun-intl";

export type Edition = "personal" | "basic" | "standard" | "premium";

export type Currency = "USD" | "CNY";

export type PriceItem = "cos_egress" | "cos_storage" | "egress" | "elastic_cap_min" | "image_scan" | "image_scan_auth" | "image_scan_quota" | "image_scan_repeat_weight" | "image_scan_step" | "instance" | "instance_hourly" | "instance_monthly" | "instance_monthly_offered" | "log_analysis" | "log_analysis_min_gb" | "log_analysis_step_gb" | "overage" | "package" | "pro_postpaid" | "pro_prepaid" | "pro_prepaid_min_months" | "storage" | "trial_days" | "trial_months";

export type BudgetStatus = "ok" | "warning" | "over";

export type ErrorCode = "invalid_input" | "not_found" | "database" | "io" | "internal";

export type FieldErrorDto = { path: string, 
/**
 * The problem in English (logs, and fields that have no code).
 */
message: string, 
/**
 * The problem as a code with arguments, which the UI words in its language beside the
 * field's label. Absent for problems found outside the scenario reader.
 */
detail?: Message, };

export type ApiError = { code: ErrorCode, message: string, 
/**
 * The request field this error is about, as named in the request type (for a scenario
 * document: the path of its first problem).
 */
field: string | null, 
/**
 * Every field problem of an input checked whole (a scenario document, a user price), so
 * the UI can mark every wrong field at once. Left out of the JSON when there is none.
 */
fields?: Array<FieldErrorDto>, 
/**
 * The problem as a message code with arguments, for the UI to say in the user's language
 * (`message` is its English text). Left out of the JSON when there is none.
 */
detail?: Message, };

export type AppInfo = { 
/**
 * The app's version (from Cargo.toml).
 */
version: string, 
/**
 * The directory holding this user's database, as a displayable path.
 */
data_dir: string, };

export type DatabaseState = "ready" | "read_only" | "locked" | "unavailable";

export type DatabaseStatus = { state: DatabaseState, 
/**
 * Why saving is not possible, for people (with the file or folder concerned); `null`
 * when ready.
 */
reason: string | null, 
/**
 * Whether "Try again" may help (a lock another program may release).
 */
can_retry: boolean, };

export type Message = { code: string, args: Record<string, string | boolean | Message | Message[]>, };

export type ScenarioRow = { id: number, name: string, start: string | null, months: number | null, currency: Currency | null, 
/**
 * `tcr`, `tcss`, `image_search`, in that order.
 */
products: Array<Product>, 
/**
 * The quoted total in `currency`; absent when the scenario cannot be quoted.
 */
total: string | null, 
/**
 * False when any line has no price (rule GEN-5) or the scenario cannot be quoted.
 */
complete: boolean, updated_at: string, error: string | null, 
/**
 * One of the examples loaded on first launch, unchanged since.
 */
example: boolean, };

export type ScenarioDoc = { id: number, name: string, document: string, created_at: string, updated_at: string, };

export type MonthTotal = { month: string, total: string, };

export type Preview = { ok: boolean, errors: Array<FieldErrorDto>, total: string | null, currency: Currency | null, complete: boolean, months: Array<MonthTotal>, chart_svg: string | null, };

export type LineView = { product: Product, item: PriceItem, plan: string | null, quantity: string, unit: string, unit_price: string | null, amount: string | null, currency: Currency, converted: string | null, rule: string, source: string | null, source_title: string | null, 
/**
 * The item a user price sets to price this line (the Prices screen's item), if one does.
 */
user_item: PriceItem | null, 
/**
 * No known amount: a missing price, a custom quote or an infeasible plan (rule GEN-5).
 */
price_missing: boolean, custom_quote: boolean, infeasible: boolean, 
/**
 * The line's own note, then its price entry's (a user price's note in the user's words).
 */
notes: Array<Message>, 
/**
 * "0.28 USD/hour × 744 hour = 208.32 USD".
 */
calculation: string, };

export type BudgetMonthView = { name: string | null, product: Product | null, amount: string | null, currency: Currency, amount_converted: string | null, spend: string, variance: string | null, utilisation: string | null, 
/**
 * `ok`, `warning`, `over`; absent outside the budget's months.
 */
status: BudgetStatus | null, cumulative_spend: string, cumulative_budget: string, cumulative_status: BudgetStatus | null, 
/**
 * `spend` includes actual spend recorded for the month (rules BUD-2, BUD-4): for a
 * product budget, its product's actual; for a whole-scenario budget, any product's.
 */
actual: boolean, };

export type MonthView = { month: string, lines: Array<LineView>, total: string, complete: boolean, 
/**
 * One per scenario budget, in the scenario's order.
 */
budgets: Array<BudgetMonthView>, };

export type BudgetSummaryView = { name: string | null, product: Product | null, amount: string, currency: Currency, warn_at: string, start: string | null, end: string | null, total_spend: string, total_budget: string, first_warning: string | null, first_over: string | null, first_cumulative_over: string | null, };

export type ShortfallView = { requirement: string, needed: string, allowed: string, by_ticket: boolean, message: Message, };

export type EditionOptionView = { edition: Edition, feasible: boolean, needs_ticket: boolean, 
/**
 * In the site currency; absent when a price is missing.
 */
cost: string | null, shortfalls: Array<ShortfallView>, };

export type TcrMonthView = { month: string, 
/**
 * Absent when no edition meets the requirements.
 */
edition: Edition | null, billing: string, needs_ticket: boolean, options: Array<EditionOptionView>, };

export type TcssMonthView = { month: string, licensed: string, max_cores: string, break_even_days: string | null, cost: string | null, all_prepaid: string | null, all_postpaid: string | null, };

export type TcssView = { site: Site, currency: Currency, billing: string, months: Array<TcssMonthView>, total: string | null, all_prepaid: string | null, all_postpaid: string | null, saving_vs_prepaid: string | null, saving_vs_postpaid: string | null, };

export type ImageSearchMonthView = { month: string, 
/**
 * Absent when no package holds the month's images and QPS.
 */
package: string | null, images: string, qps: string, };

export type PackageChangeView = { month: string, from: string, to: string, kind: string, amount: string, currency: Currency, };

export type ImageSearchView = { months: Array<ImageSearchMonthView>, changes: Array<PackageChangeView>, };

export type NoteView = { product: Product | null, message: Message, };

export type ActualRowView = { month: string, product: Product, projected: string, actual: string | null, error: string | null, error_ratio: string | null, };

export type QuoteView = { scenario_id: number, name: string, currency: Currency, start: string, total: string, complete: boolean, 
/**
 * `tcr`, `tcss`, `image_search` present in the scenario.
 */
products: Array<Product>, months: Array<MonthView>, budgets: Array<BudgetSummaryView>, tcr: Array<TcrMonthView> | null, tcss: TcssView | null, image_search: ImageSearchView | null, notes: Array<NoteView>, 
/**
 * One row per month and product; empty when no actuals are recorded.
 */
actuals: Array<ActualRowView>, 
/**
 * Why actuals could not be set beside the projection (a missing exchange rate).
 */
actuals_error: string | null, 
/**
 * The latest calendar year with actuals at their pace (rule BUD-4); absent without
 * actuals.
 */
year_pace: YearPaceView | null, 
/**
 * "From the last N months of actuals, growth looks like X % a month" (rule BUD-4);
 * absent with fewer than three consecutive months of actuals.
 */
growth: GrowthView | null, chart_svg: string | null, };

export type AlternativeView = { product: Product, plan: string, label: Message, total: string | null, currency: Currency, feasible: boolean, complete: boolean, reasons: Array<Message>, current: boolean, recommended: boolean, saving: string | null, };

export type ProductComparisonView = { product: Product, alternatives: Array<AlternativeView>, };

export type ComparisonView = { scenario: string, currency: Currency, products: Array<ProductComparisonView>, };

export type ComparedScenario = { id: number, name: string, currency: Currency, total: string, complete: boolean, };

export type ComparedMonth = { month: string, totals: Array<string | null>, differences: Array<string | null>, };

export type ScenarioComparison = { scenarios: Array<ComparedScenario>, months: Array<ComparedMonth>, overlay_svg: string | null, };

export type PriceItemOption = { product: Product, item: PriceItem, unit: string, };

export type PriceRow = { 
/**
 * The database id of a user entry in force. Absent for built-in entries and for every
 * entry of a saved quote: the user's price may have been changed or removed since.
 */
id: number | null, product: Product, site: Site, item: PriceItem, plan: string | null, regions: Array<string>, unit: string, amount: string, 
/**
 * Absent for quotas and limits (counts, not money).
 */
currency: Currency | null, 
/**
 * Absent for a user price entered without a start date: it is in force from any date.
 */
effective_from: string | null, effective_to: string | null, source: string, source_title: string | null, rule: string, 
/**
 * The note as stored: a user price's own words (what its edit form shows).
 */
note: string | null, 
/**
 * The note to show: a built-in entry's is a catalogue message, a user price's its text.
 */
note_message: Message | null, user: boolean, };

export type UpdateSourceRow = { key: string, title: string, url: string | null, };

export type ScenarioChangeRow = { id: number, name: string, currency: Currency, 
/**
 * Exact decimals, as strings (the screen rounds them to cents).
 */
total_before: string, total_after: string, complete_before: boolean, complete_after: boolean, 
/**
 * The first month (`YYYY-MM`) whose figures differ.
 */
first_month: string, };

export type PriceUpdatePreview = { 
/**
 * Names this preview when the user confirms it (`confirm_price_update`).
 */
token: number, 
/**
 * The file name.
 */
name: string, entries: Array<PriceRow>, sources: Array<UpdateSourceRow>, changed: Array<ScenarioChangeRow>, unchanged: number, not_quoted: number, 
/**
 * Saved quotes keep the prices they were made with (rule GEN-4).
 */
saved_quotes: number, };

export type PriceUpdateRow = { id: number, name: string, imported_at: string, };

export type UserPriceInput = { product: Product, site: Site, item: PriceItem | null, plan: string | null, region: string | null, unit: string, amount: string, currency: Currency, effective_from: string | null, effective_to: string | null, note: string | null, };

export type RateRow = { id: number, from: Currency, to: Currency, rate: string, date: string, };

export type ActualView = { id: number, scenario_id: number, product: Product, month: string, amount: string, currency: Currency, 
/**
 * The bill it was imported from; null when typed by hand.
 */
bill: string | null, 
/**
 * When it was imported (RFC 3339).
 */
imported_at: string | null, };

export type BillOpened = { 
/**
 * Names this bill in `map_bill`, `confirm_bill` and `cancel_bill` (never a path).
 */
token: number, file_name: string, 
/**
 * The preview, when the bill could be read.
 */
preview: BillPreview | null, 
/**
 * The bill's columns, when Plancast does not recognise it: the user picks which hold the
 * month, the product, the amount and the currency.
 */
headers: Array<string> | null, 
/**
 * Why the bill cannot be imported as it is (a mapped column missing, no rate…).
 */
error: Message | null, };

export type BillPreview = { scenario: string, 
/**
 * The scenario's currency, which the changes are in.
 */
currency: Currency, 
/**
 * `focus_1_0`, `focus_1_2`, `tencent`, `aliyun` or `mapped`.
 */
layout: string, encoding: string, rows: number, matched: number, unmatched: number, unreadable: number, 
/**
 * The bill has no currency column; its amounts were read in this currency.
 */
assumed_currency: Currency | null, 
/**
 * The first unreadable rows, with their line numbers.
 */
problems: Array<BillProblem>, totals: Array<BillTotal>, unmatched_services: Array<UnmatchedService>, changes: Array<BillChange>, outside_months: Array<string>, other_products: Array<Product>, 
/**
 * Months and products the import writes (new or replaced).
 */
writes: number, };

export type BillProblem = { line: number, message: Message, };

export type BillTotal = { month: string, product: Product, currency: Currency, amount: string, credits: string, rows: number, };

export type UnmatchedService = { service: string, rows: number, amounts: Array<BillAmount>, };

export type BillAmount = { currency: Currency, amount: string, };

export type BillChange = { month: string, product: Product, 
/**
 * `new`, `replace` or `same`.
 */
kind: string, before: string | null, before_currency: Currency | null, after: string, credits: string, };

export type BillMappingInput = { month: string, product: string, amount: string, 
/**
 * The column with the currency code, or null when every amount is in `currency`.
 */
currency_column: string | null, currency: Currency | null, };

export type GrowthView = { from: string, to: string, months: number, 
/**
 * A percentage a month, one decimal.
 */
monthly_percent: string, };

export type YearPaceView = { year: number, 
/**
 * Months of the year with at least one actual.
 */
months_with_actuals: number, 
/**
 * The scenario's months in the year.
 */
months: number, 
/**
 * The actuals recorded in the year.
 */
actual: string, 
/**
 * The projection of the same months and products as the actuals.
 */
actual_projected: string, 
/**
 * actual ÷ actual_projected; absent when that projection is zero.
 */
ratio: string | null, 
/**
 * The year's spend at the pace of the actuals.
 */
at_pace: string, 
/**
 * The year as projected.
 */
projected: string, };

export type SavedQuoteRow = { id: number, scenario_id: number, created_at: string, currency: Currency, total: string, complete: boolean, 
/**
 * Today's total of the scenario minus `total`, in `currency`; absent when the scenario
 * cannot be quoted now or reports in another currency now.
 */
difference: string | null, };

export type TodayTotal = { currency: Currency, total: string, 
/**
 * False when a line has no price now (rule GEN-5).
 */
complete: boolean, };

export type SavedQuoteView = { id: number, scenario_id: number, created_at: string, currency: Currency, total: string, complete: boolean, 
/**
 * Each month's total as saved, in `currency`.
 */
months: Array<MonthTotal>, 
/**
 * The price-book entries the quote used, as saved. Their `source_title` is looked up in
 * this build's price book (the quote keeps the source key); absent for a retired key.
 */
entries: Array<PriceRow>, 
/**
 * The scenario quoted now; absent when it cannot be (`today_error` says why).
 */
today: TodayTotal | null, today_error: string | null, 
/**
 * `today.total − total` when both are in `currency`.
 */
difference: string | null, 
/**
 * True when the scenario was edited after the quote was saved. A rename alone does not
 * count: it changes no figure.
 */
scenario_changed: boolean, };

export type SiteOption = { site: Site, currency: Currency, };

export type ProductSites = { product: Product, sites: Array<SiteOption>, };

export type WizardOptions = { sites: Array<ProductSites>, };

export type ProductForm = { product: Product, 
/**
 * One line on the wizard's choice of products: what the product's step asks about.
 */
blurb: Message, 
/**
 * In the order the step shows them.
 */
fields: Array<FormField>, };

export type FormField = { 
/**
 * Where the value goes in the product's object of a scenario file (`region`,
 * `needs.namespaces`); empty for a heading or a note.
 */
key: string, label: Message, hint: Message | null, input: FormInput, 
/**
 * Asked (and written) only while another field of the form has a given value.
 */
when: FormCondition | null, 
/**
 * Takes the form's whole width (choices shown as buttons, sets).
 */
wide: boolean, 
/**
 * Listed with the product's settings on the Review step (a toggle only when on).
 */
review: boolean, };

export type FormInput = { "type": "site" } | { "type": "choice", options: Array<FormChoice>, default: string, buttons: boolean, } | { "type": "quantity", default: string, required: boolean, } | { "type": "whole" } | { "type": "toggle", always: boolean, } | { "type": "set", options: Array<FormChoice>, } | { "type": "heading" } | { "type": "note", by: string, notes: Array<FormNote>, };

export type FormChoice = { value: string, label: Message, 
/**
 * The group a long list shows it under.
 */
group: Message | null, 
/**
 * Shown beside the label in the list and under the field while chosen.
 */
note: Message | null, 
/**
 * Shown only under the field while chosen.
 */
hint: Message | null, };

export type FormCondition = { key: string, equals: string, };

export type FormNote = { value: string, text: Message, };

/** Every `Product`, in the order Rust lists them (`Product::ALL`). */
export const PRODUCTS: readonly Product[] = ["tcr","tcss","image_search"];

/** Every `Site`, in the order Rust lists them (`Site::ALL`). */
export const SITES: readonly Site[] = ["tencent-intl","tencent-cn","aliyun-cn","aliyun-intl"];

/** Every `Currency`, in the order Rust lists them (`Currency::ALL`). */
export const CURRENCIES: readonly Currency[] = ["USD","CNY"];

/** Every `PriceItem`, in the order Rust lists them (`PriceItem::ALL`). */
export const PRICE_ITEMS: readonly PriceItem[] = ["cos_egress","cos_storage","egress","elastic_cap_min","image_scan","image_scan_auth","image_scan_quota","image_scan_repeat_weight","image_scan_step","instance","instance_hourly","instance_monthly","instance_monthly_offered","log_analysis","log_analysis_min_gb","log_analysis_step_gb","overage","package","pro_postpaid","pro_prepaid","pro_prepaid_min_months","storage","trial_days","trial_months"];

/** The items a user price may set, with their products and default units, in the Prices screen's order (`PriceItem::USER`). */
export const USER_PRICE_ITEMS: readonly PriceItemOption[] = [{"product":"tcr","item":"instance_hourly","unit":"hour"},{"product":"tcr","item":"instance_monthly","unit":"month"},{"product":"tcr","item":"cos_storage","unit":"GB-month"},{"product":"tcr","item":"cos_egress","unit":"GB"},{"product":"tcss","item":"pro_prepaid","unit":"core-month"},{"product":"tcss","item":"pro_postpaid","unit":"core-day"},{"product":"tcss","item":"image_scan_quota","unit":"quota-month"},{"product":"tcss","item":"log_analysis","unit":"GB-month"},{"product":"image_search","item":"package","unit":"month"}];

/** Each product's sites with their currencies (`Product::sites`), as `wizard_options` answers. */
export const PRODUCT_SITES: readonly ProductSites[] = [{"product":"tcr","sites":[{"site":"tencent-intl","currency":"USD"},{"site":"tencent-cn","currency":"CNY"}]},{"product":"tcss","sites":[{"site":"tencent-intl","currency":"USD"},{"site":"tencent-cn","currency":"CNY"}]},{"product":"image_search","sites":[{"site":"aliyun-cn","currency":"CNY"},{"site":"aliyun-intl","currency":"USD"}]}];

/** Every command the window may invoke (src-tauri/src/commands/list.rs). */
export type CommandName =
  | "app_info"
  | "database_status"
  | "retry_database"
  | "list_scenarios"
  | "get_scenario"
  | "create_scenario"
  | "update_scenario"
  | "rename_scenario"
  | "duplicate_scenario"
  | "delete_scenario"
  | "preview_quote"
  | "quote_scenario"
  | "compare_alternatives"
  | "compare_scenarios"
  | "save_quote"
  | "list_saved_quotes"
  | "get_saved_quote"
  | "delete_saved_quote"
  | "list_prices"
  | "add_user_price"
  | "update_user_price"
  | "delete_user_price"
  | "list_rates"
  | "upsert_rate"
  | "delete_rate"
  | "get_settings"
  | "set_setting"
  | "get_draft"
  | "put_draft"
  | "delete_draft"
  | "list_actuals"
  | "upsert_actual"
  | "delete_actual"
  | "wizard_options"
  | "export_quote_csv"
  | "export_comparison_csv"
  | "export_side_by_side_csv"
  | "export_chart"
  | "export_scenario"
  | "import_scenario"
  | "open_price_update"
  | "confirm_price_update"
  | "list_price_updates"
  | "remove_price_update"
  | "open_bill"
  | "map_bill"
  | "confirm_bill"
  | "cancel_bill"
  | "apply_growth"
  | "open_saved_folder";
