// Generated from the Rust command types by `cargo test --test bindings`. Do not edit.

export type ErrorCode = "invalid_input" | "not_found" | "database" | "io" | "internal";

export type FieldErrorDto = { path: string, message: string, };

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
fields?: Array<FieldErrorDto>, };

export type AppInfo = { 
/**
 * The app's version (from Cargo.toml).
 */
version: string, 
/**
 * The directory holding this user's database, as a displayable path.
 */
data_dir: string, };

export type ScenarioRow = { id: number, name: string, start: string | null, months: number | null, currency: string | null, 
/**
 * `tcr`, `tcss`, `image_search`, in that order.
 */
products: Array<string>, 
/**
 * The quoted total in `currency`; absent when the scenario cannot be quoted.
 */
total: string | null, 
/**
 * False when any line has no price (rule GEN-5) or the scenario cannot be quoted.
 */
complete: boolean, updated_at: string, error: string | null, };

export type ScenarioDoc = { id: number, name: string, document: string, created_at: string, updated_at: string, };

export type MonthTotal = { month: string, total: string, };

export type Preview = { ok: boolean, errors: Array<FieldErrorDto>, total: string | null, currency: string | null, complete: boolean, months: Array<MonthTotal>, chart_svg: string | null, };

export type LineView = { product: string, item: string, plan: string | null, quantity: string, unit: string, unit_price: string | null, amount: string | null, currency: string, converted: string | null, rule: string, source: string | null, source_title: string | null, 
/**
 * No known amount: a missing price, a custom quote or an infeasible plan (rule GEN-5).
 */
price_missing: boolean, custom_quote: boolean, infeasible: boolean, note: string | null, entry_note: string | null, 
/**
 * "0.28 USD/hour × 744 hour = 208.32 USD".
 */
calculation: string, };

export type BudgetMonthView = { name: string | null, product: string | null, amount: string | null, currency: string, amount_converted: string | null, spend: string, variance: string | null, utilisation: string | null, 
/**
 * `ok`, `warning`, `over`; absent outside the budget's months.
 */
status: string | null, cumulative_spend: string, cumulative_budget: string, cumulative_status: string | null, };

export type MonthView = { month: string, lines: Array<LineView>, total: string, complete: boolean, 
/**
 * One per scenario budget, in the scenario's order.
 */
budgets: Array<BudgetMonthView>, };

export type BudgetSummaryView = { name: string | null, product: string | null, amount: string, currency: string, warn_at: string, start: string | null, end: string | null, total_spend: string, total_budget: string, first_warning: string | null, first_over: string | null, first_cumulative_over: string | null, };

export type ShortfallView = { requirement: string, needed: string, allowed: string, by_ticket: boolean, text: string, };

export type EditionOptionView = { edition: string, feasible: boolean, needs_ticket: boolean, 
/**
 * In the site currency; absent when a price is missing.
 */
cost: string | null, shortfalls: Array<ShortfallView>, };

export type TcrMonthView = { month: string, 
/**
 * Absent when no edition meets the requirements.
 */
edition: string | null, billing: string, needs_ticket: boolean, options: Array<EditionOptionView>, };

export type TcssMonthView = { month: string, licensed: string, max_cores: string, break_even_days: string | null, cost: string | null, all_prepaid: string | null, all_postpaid: string | null, };

export type TcssView = { site: string, currency: string, billing: string, months: Array<TcssMonthView>, total: string | null, all_prepaid: string | null, all_postpaid: string | null, saving_vs_prepaid: string | null, saving_vs_postpaid: string | null, };

export type ImageSearchMonthView = { month: string, 
/**
 * Absent when no package holds the month's images and QPS.
 */
package: string | null, images: string, qps: string, };

export type PackageChangeView = { month: string, from: string, to: string, kind: string, amount: string, currency: string, };

export type ImageSearchView = { months: Array<ImageSearchMonthView>, changes: Array<PackageChangeView>, };

export type NoteView = { code: string, product: string | null, text: string, };

export type ActualRowView = { month: string, product: string, projected: string, actual: string | null, error: string | null, error_ratio: string | null, };

export type QuoteView = { scenario_id: number, name: string, currency: string, start: string, total: string, complete: boolean, 
/**
 * `tcr`, `tcss`, `image_search` present in the scenario.
 */
products: Array<string>, months: Array<MonthView>, budgets: Array<BudgetSummaryView>, tcr: Array<TcrMonthView> | null, tcss: TcssView | null, image_search: ImageSearchView | null, notes: Array<NoteView>, 
/**
 * One row per month and product; empty when no actuals are recorded.
 */
actuals: Array<ActualRowView>, 
/**
 * Why actuals could not be set beside the projection (a missing exchange rate).
 */
actuals_error: string | null, chart_svg: string | null, };

export type AlternativeView = { product: string, plan: string, label: string, total: string | null, currency: string, feasible: boolean, complete: boolean, reasons: Array<string>, current: boolean, recommended: boolean, saving: string | null, };

export type ProductComparisonView = { product: string, alternatives: Array<AlternativeView>, };

export type ComparisonView = { scenario: string, currency: string, products: Array<ProductComparisonView>, };

export type ComparedScenario = { id: number, name: string, currency: string, total: string, complete: boolean, };

export type ComparedMonth = { month: string, totals: Array<string | null>, differences: Array<string | null>, };

export type ScenarioComparison = { scenarios: Array<ComparedScenario>, months: Array<ComparedMonth>, overlay_svg: string | null, };

export type PriceRow = { 
/**
 * The database id of a user entry in force. Absent for built-in entries and for every
 * entry of a saved quote: the user's price may have been changed or removed since.
 */
id: number | null, product: string, site: string, item: string, plan: string | null, regions: Array<string>, unit: string, amount: string, 
/**
 * Absent for quotas and limits (counts, not money).
 */
currency: string | null, 
/**
 * Absent for a user price entered without a start date: it is in force from any date.
 */
effective_from: string | null, effective_to: string | null, source: string, source_title: string | null, rule: string, note: string | null, user: boolean, };

export type UserPriceInput = { product: string, site: string, item: string, plan: string | null, region: string | null, unit: string, amount: string, currency: string, effective_from: string | null, effective_to: string | null, note: string | null, };

export type RateRow = { id: number, from: string, to: string, rate: string, date: string, };

export type ActualView = { id: number, scenario_id: number, product: string, month: string, amount: string, currency: string, };

export type SavedQuoteRow = { id: number, scenario_id: number, created_at: string, currency: string, total: string, complete: boolean, 
/**
 * Today's total of the scenario minus `total`, in `currency`; absent when the scenario
 * cannot be quoted now or reports in another currency now.
 */
difference: string | null, };

export type TodayTotal = { currency: string, total: string, 
/**
 * False when a line has no price now (rule GEN-5).
 */
complete: boolean, };

export type SavedQuoteView = { id: number, scenario_id: number, created_at: string, currency: string, total: string, complete: boolean, 
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

export type RegionOption = { region: string, name: string, name_zh: string, group: string, availability: string | null, priced: boolean, };

export type EditionOptionInfo = { edition: string, title_intl: string, title_cn: string, };

export type SiteOption = { site: string, currency: string, };

export type ProductSites = { product: string, sites: Array<SiteOption>, };

export type SitePackages = { site: string, packages: Array<string>, };

export type PriceItemOption = { product: string, item: string, unit: string, };

export type WizardOptions = { regions: Array<RegionOption>, editions: Array<EditionOptionInfo>, sites: Array<ProductSites>, packages: Array<SitePackages>, 
/**
 * What a user price may set, product by product, in the Prices screen's order.
 */
price_items: Array<PriceItemOption>, };
