// The wizard's working state and the format-v1 document built from it.
//
// Everything the user types stays a string: amounts, rates and quantities go into the
// document as decimal strings (the spec allows them for every numeric field), so no value
// ever passes through a binary float. Whole-number settings that are not quantities
// (`months`, `elastic_cap`, `licensed_cores`) are written as JSON numbers when they are
// plain digits, and as the typed text otherwise so Rust reports the mistake on that field.

import { PRODUCTS, type Currency, type FormField, type Product, type ProductForm, type ProductSites } from '../bindings';
import { PRODUCT_FORMS } from '../forms';
import { typedOrAsIs } from '../numbers';

// The products and their order are Rust's (`Product`, `Product::ALL`), through bindings.ts;
// each product's step is its form (`products/<product>/form.rs`, generated into forms.ts).
export { PRODUCTS, type Product };

/** The wizard form of `product`. */
export function formOf(product: Product): ProductForm {
  const form = PRODUCT_FORMS.find((f) => f.product === product);
  if (!form) throw new Error(`no wizard form for ${product}`);
  return form;
}

/** The document path of a form field: `tcr.needs.namespaces`. */
export function fieldPath(product: Product, field: FormField): string {
  return `${product}.${field.key}`;
}

/** The numeric quantities of a product, by document path, in the order they are asked. */
export function quantityPaths(product: Product): string[] {
  return formOf(product)
    .fields.filter((f) => f.input.type === 'quantity')
    .map((f) => fieldPath(product, f));
}

/** The form field at a document path (`tcss.cores`), with its product; null when none. */
export function fieldAt(path: string): { product: Product; field: FormField } | null {
  const product = PRODUCTS.find((p) => path.startsWith(`${p}.`));
  if (!product) return null;
  const key = path.slice(product.length + 1);
  const field = formOf(product).fields.find((f) => f.key === key && f.key !== '');
  return field ? { product, field } : null;
}

/**
 * A path into one field's value: a growth rule's part (`tcss.cores.monthly_percent`) or one
 * value of a list (`tcss.cores[2]`, `tcr.needs.webhooks[1]`), with the form field it is in.
 * Null for any other path.
 */
export function partOfField(
  path: string,
): { product: Product; field: FormField; part: string | null; index: number | null } | null {
  const match = /^([\w.]+?)(?:\.(start|monthly_percent|monthly_add)|\[(\d+)\])$/.exec(path);
  const found = match ? fieldAt(match[1]!) : null;
  if (!match || !found) return null;
  return { ...found, part: match[2] ?? null, index: match[3] === undefined ? null : Number(match[3]) };
}

/** A product setting as the wizard keeps it: text (choices, whole numbers), a toggle, a set. */
export type Setting = string | boolean | string[];

export type GrowthMode = 'constant' | 'percent' | 'add' | 'list';

export interface Quantity {
  mode: GrowthMode;
  /** The constant, or the first month's value for a growth rule. */
  value: string;
  /** % per month (percent) or amount per month (add). */
  step: string;
  /** One value per month, separated by commas, spaces or new lines. */
  list: string;
}

export interface RateInput {
  from: string;
  to: string;
  rate: string;
  date: string;
}

export interface BudgetInput {
  amount: string;
  currency: string;
  /** '' means the whole scenario. */
  product: string;
  /** Percent, e.g. "80". */
  warn_percent: string;
  /** Fields the wizard does not edit (name, start, end), carried unchanged. */
  extra?: Record<string, unknown>;
}

export interface WizardState {
  name: string;
  start: string;
  months: string;
  currency: string;
  rates: RateInput[];
  products: Product[];
  /**
   * Each product's settings by their key in its object of the file (`site`, `region`,
   * `needs.webhooks`), as its form asks for them. Quantities are in `quantities`.
   */
  settings: Record<Product, Record<string, Setting>>;
  /** Keyed by document path, e.g. `tcr.storage_gb`, `tcr.needs.namespaces`. */
  quantities: Record<string, Quantity>;
  budgets: BudgetInput[];
  /** Fields of a loaded document the wizard does not edit (prices, price_date, hours…). */
  extra: Record<string, unknown>;
  extraProduct: Record<Product, Record<string, unknown>>;
}

function q(value: string): Quantity {
  return { mode: 'constant', value, step: '', list: '' };
}

function nextMonth(): string {
  const d = new Date();
  d.setMonth(d.getMonth() + 1);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;
}

/**
 * Where a team buys: on the China sites (billed in CNY) or the international sites (in USD).
 * One choice sets every product's site; each product can still be changed on its own step.
 */
export type Market = 'china' | 'international';

export const MARKETS: readonly Market[] = ['china', 'international'];

/** The currency each market bills in, which is also the report currency it suggests. */
export const MARKET_CURRENCY: Record<Market, Currency> = { china: 'CNY', international: 'USD' };

/** The site of `product` that bills in `currency`, from the wizard options; null when none does. */
export function siteBilling(sites: ProductSites[], product: Product, currency: string): string | null {
  return sites.find((s) => s.product === product)?.sites.find((s) => s.currency === currency)?.site ?? null;
}

/** The currency `site` of `product` bills in, from the wizard options. */
export function siteCurrency(sites: ProductSites[], product: Product, site: string): string | null {
  return sites.find((s) => s.product === product)?.sites.find((s) => s.site === site)?.currency ?? null;
}

/** Puts every product on the site of `market` (the products not chosen yet too). */
export function chooseMarket(state: WizardState, market: Market, sites: ProductSites[]): void {
  for (const product of PRODUCTS) {
    const site = siteBilling(sites, product, MARKET_CURRENCY[market]);
    if (site) state.settings[product].site = site;
  }
}

/** The market every product's site belongs to, or null when they differ (chosen one by one). */
export function marketOf(state: WizardState, sites: ProductSites[]): Market | null {
  return (
    MARKETS.find((market) =>
      PRODUCTS.every((product) => siteCurrency(sites, product, text(state.settings[product].site)) === MARKET_CURRENCY[market]),
    ) ?? null
  );
}

/**
 * Sets the report currency. Sites follow it: a CNY scenario buys on the China sites and a
 * USD one on the international sites, so no exchange rate is needed unless the user then
 * picks another site for a product.
 */
export function chooseCurrency(state: WizardState, currency: string, sites: ProductSites[]): void {
  state.currency = currency;
  const market = MARKETS.find((m) => MARKET_CURRENCY[m] === currency);
  if (market) chooseMarket(state, market, sites);
}

/**
 * A new scenario in `currency`, with every product on the site that bills in it when the
 * wizard options are given.
 */
export function emptyState(currency = 'USD', sites: ProductSites[] = []): WizardState {
  const state = blankState(currency);
  chooseCurrency(state, currency, sites);
  return state;
}

/** A setting's value before the user chooses: the form's default. */
function defaultSetting(field: FormField): Setting | null {
  switch (field.input.type) {
    case 'site':
      return '';
    case 'choice':
      return field.input.default;
    case 'whole':
      return '';
    case 'toggle':
      return false;
    case 'set':
      return [];
    default:
      return null;
  }
}

function blankState(currency: string): WizardState {
  const settings = {} as Record<Product, Record<string, Setting>>;
  const quantities: Record<string, Quantity> = {};
  for (const product of PRODUCTS) {
    settings[product] = {};
    for (const field of formOf(product).fields) {
      const value = defaultSetting(field);
      if (value !== null) settings[product][field.key] = value;
      if (field.input.type === 'quantity') quantities[fieldPath(product, field)] = q(field.input.default);
    }
  }
  return {
    name: '',
    start: nextMonth(),
    months: '12',
    currency,
    rates: [],
    products: [],
    settings,
    quantities,
    budgets: [],
    extra: {},
    extraProduct: Object.fromEntries(PRODUCTS.map((p) => [p, {}])) as Record<Product, Record<string, unknown>>,
  };
}

/**
 * The value of a product's setting; its default when the state has none (a draft kept before
 * the form had the field).
 */
export function settingOf(state: WizardState, product: Product, field: FormField): Setting | null {
  return state.settings[product][field.key] ?? defaultSetting(field);
}

/** Whether `field` is asked now: it has no condition, or the field it names has its value. */
export function isAsked(state: WizardState, product: Product, field: FormField): boolean {
  return !field.when || state.settings[product][field.when.key] === field.when.equals;
}

const WHOLE = /^\d+$/;

function wholeOrText(text: string): number | string {
  const trimmed = typedOrAsIs(text);
  return WHOLE.test(trimmed) && trimmed.length < 16 ? Number(trimmed) : trimmed;
}

function listValues(text: string): string[] {
  return text
    .split(/[\s,;]+/)
    .map((v) => typedOrAsIs(v))
    .filter((v) => v.length > 0);
}

function quantityJson(quantity: Quantity): unknown {
  switch (quantity.mode) {
    case 'constant':
      return typedOrAsIs(quantity.value);
    case 'percent':
      return { start: typedOrAsIs(quantity.value), monthly_percent: typedOrAsIs(quantity.step, { percent: true }) };
    case 'add':
      return { start: typedOrAsIs(quantity.value), monthly_add: typedOrAsIs(quantity.step) };
    case 'list':
      return listValues(quantity.list);
  }
}

function isBlank(quantity: Quantity | undefined): boolean {
  if (!quantity) return true;
  return quantity.mode === 'list' ? listValues(quantity.list).length === 0 : quantity.value.trim() === '';
}

/** Moves the decimal point two places left: "80" → "0.80", "7.5" → "0.075". */
export function percentToFraction(text: string): string {
  const match = /^(\d*)(?:\.(\d*))?$/.exec(text.trim());
  if (!match || text.trim() === '') return text.trim();
  const whole = (match[1] ?? '').padStart(3, '0');
  const fraction = match[2] ?? '';
  const intPart = whole.slice(0, -2).replace(/^0+(?=\d)/, '');
  return `${intPart}.${whole.slice(-2)}${fraction}`;
}

/** The inverse of percentToFraction: "0.8" → "80". */
export function fractionToPercent(text: string): string {
  const match = /^(\d*)(?:\.(\d*))?$/.exec(text.trim());
  if (!match) return text;
  const whole = match[1] ?? '';
  const fraction = (match[2] ?? '').padEnd(2, '0');
  const intPart = (whole + fraction.slice(0, 2)).replace(/^0+(?=\d)/, '');
  const rest = fraction.slice(2).replace(/0+$/, '');
  return rest ? `${intPart}.${rest}` : intPart;
}

function setPath(target: Record<string, unknown>, path: string[], value: unknown): void {
  let node = target;
  for (const key of path.slice(0, -1)) {
    if (typeof node[key] !== 'object' || node[key] === null) node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
  node[path[path.length - 1]!] = value;
}

/** The format-v1 scenario document for the current state. */
export function buildDocument(state: WizardState): Record<string, unknown> {
  const doc: Record<string, unknown> = {
    plancast: 1,
    name: state.name.trim(),
    start: state.start.trim(),
    months: wholeOrText(state.months),
    currency: state.currency,
  };
  if (state.rates.length > 0) {
    doc.rates = state.rates.map((r) => ({ from: r.from, to: r.to, rate: typedOrAsIs(r.rate), date: r.date.trim() }));
  }
  if (state.budgets.length > 0) {
    doc.budgets = state.budgets.map((b) => {
      const budget: Record<string, unknown> = { ...(b.extra ?? {}), amount: typedOrAsIs(b.amount), currency: b.currency };
      if (b.product) budget.product = b.product;
      if (b.warn_percent.trim() !== '') budget.warn_at = percentToFraction(typedOrAsIs(b.warn_percent, { percent: true }));
      return budget;
    });
  }
  for (const [key, value] of Object.entries(state.extra)) doc[key] = value;

  for (const product of PRODUCTS) {
    if (!state.products.includes(product)) continue;
    const section = JSON.parse(JSON.stringify(state.extraProduct[product] ?? {})) as Record<string, unknown>;
    for (const field of formOf(product).fields) {
      if (!isAsked(state, product, field)) continue;
      const path = field.key.split('.');
      const value = settingOf(state, product, field);
      switch (field.input.type) {
        case 'site':
        case 'choice':
          setPath(section, path, text(value));
          break;
        case 'whole':
          if (text(value).trim() !== '') setPath(section, path, wholeOrText(text(value)));
          break;
        case 'toggle':
          if (field.input.always || value === true) setPath(section, path, value === true);
          break;
        case 'set': {
          const chosen = Array.isArray(value) ? value : [];
          setPath(section, path, field.input.options.map((o) => o.value).filter((v) => chosen.includes(v)));
          break;
        }
        case 'quantity': {
          const quantity = state.quantities[fieldPath(product, field)];
          if (!field.input.required && isBlank(quantity)) break;
          setPath(section, path, quantity ? quantityJson(quantity) : '');
          break;
        }
        default:
          break;
      }
    }
    doc[product] = section;
  }
  return doc;
}

function text(value: unknown): string {
  if (value === undefined || value === null) return '';
  return typeof value === 'string' ? value : String(value);
}

function quantityFrom(value: unknown): Quantity {
  if (Array.isArray(value)) return { mode: 'list', value: text(value[0]), step: '', list: value.map(text).join(', ') };
  if (typeof value === 'object' && value !== null) {
    const rule = value as Record<string, unknown>;
    if ('monthly_percent' in rule) return { mode: 'percent', value: text(rule.start), step: text(rule.monthly_percent), list: '' };
    return { mode: 'add', value: text(rule.start), step: text(rule.monthly_add), list: '' };
  }
  return q(text(value));
}

function getPath(source: Record<string, unknown>, path: string[]): unknown {
  let node: unknown = source;
  for (const key of path) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

const KNOWN_TOP = new Set<string>(['plancast', 'name', 'start', 'months', 'currency', 'rates', 'budgets', ...PRODUCTS]);

/** Removes `path` from `source`, and objects it leaves empty. */
function deletePath(source: Record<string, unknown>, path: string[]): void {
  const [key, ...rest] = path;
  if (key === undefined || !(key in source)) return;
  if (rest.length === 0) {
    delete source[key];
    return;
  }
  const inner = source[key];
  if (typeof inner !== 'object' || inner === null || Array.isArray(inner)) return;
  deletePath(inner as Record<string, unknown>, rest);
  if (Object.keys(inner).length === 0) delete source[key];
}

/** A setting as read from a file: what the form's kind of input keeps, else its default. */
function settingFrom(field: FormField, value: unknown): Setting | null {
  const fallback = defaultSetting(field);
  if (fallback === null) return null;
  if (value === undefined || value === null) return fallback;
  switch (field.input.type) {
    case 'toggle':
      return value === true;
    case 'set':
      return Array.isArray(value) ? value.map(text) : fallback;
    case 'whole':
      return text(value);
    default:
      return text(value) || fallback;
  }
}

/** The wizard state for a saved document; fields it does not edit are carried unchanged. */
export function stateFromDocument(json: string, sites: ProductSites[] = []): WizardState {
  const doc = JSON.parse(json) as Record<string, unknown>;
  // Products the document leaves out start on the site of its currency, as in a new scenario.
  const state = emptyState(text(doc.currency) || 'USD', sites);
  state.name = text(doc.name);
  state.start = text(doc.start);
  state.months = text(doc.months);
  state.rates = ((doc.rates as Record<string, unknown>[] | undefined) ?? []).map((r) => ({
    from: text(r.from),
    to: text(r.to),
    rate: text(r.rate),
    date: text(r.date),
  }));
  state.budgets = ((doc.budgets as Record<string, unknown>[] | undefined) ?? []).map((b) => ({
    amount: text(b.amount),
    currency: text(b.currency) || state.currency,
    product: text(b.product),
    warn_percent: b.warn_at === undefined ? '' : fractionToPercent(text(b.warn_at)),
    extra: Object.fromEntries(Object.entries(b).filter(([key]) => !['amount', 'currency', 'product', 'warn_at'].includes(key))),
  }));
  for (const [key, value] of Object.entries(doc)) if (!KNOWN_TOP.has(key)) state.extra[key] = value;
  for (const product of PRODUCTS) {
    const section = doc[product] as Record<string, unknown> | undefined;
    if (!section || typeof section !== 'object') continue;
    state.products.push(product);
    // What the form does not ask for is carried as it is.
    const extra = JSON.parse(JSON.stringify(section)) as Record<string, unknown>;
    for (const field of formOf(product).fields) {
      if (field.key === '') continue;
      const path = field.key.split('.');
      const value = getPath(section, path);
      if (field.input.type === 'quantity') {
        state.quantities[fieldPath(product, field)] = value === undefined ? q('') : quantityFrom(value);
      } else {
        const setting = settingFrom(field, value);
        if (setting !== null) state.settings[product][field.key] = setting;
      }
      deletePath(extra, path);
    }
    state.extraProduct[product] = extra;
  }
  return state;
}

/**
 * A wizard state kept before product settings followed the forms (a draft saved by an earlier
 * version kept `state.tcr.region`): each setting is taken from the old place by its last key.
 */
export function upgradeState(saved: WizardState): WizardState {
  if (saved.settings) return saved;
  const old = saved as unknown as Record<string, Record<string, unknown> | undefined>;
  const fresh = blankState(saved.currency);
  for (const product of PRODUCTS) {
    for (const field of formOf(product).fields) {
      const value = old[product]?.[field.key.split('.').pop()!];
      if (value !== undefined && field.key in fresh.settings[product]) fresh.settings[product][field.key] = value as Setting;
    }
  }
  return { ...saved, settings: fresh.settings };
}
