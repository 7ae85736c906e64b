// The wizard's working state and the format-v1 document built from it.
//
// Everything the user types stays a string: amounts, rates and quantities go into the
// document as decimal strings (the spec allows them for every numeric field), so no value
// ever passes through a binary float. Whole-number settings that are not quantities
// (`months`, `elastic_cap`, `licensed_cores`) are written as JSON numbers when they are
// plain digits, and as the typed text otherwise so Rust reports the mistake on that field.

import { PRODUCTS, type Currency, type Product, type ProductSites } from '../bindings';
import { typedOrAsIs } from '../numbers';

// The products and their order are Rust's (`Product`, `Product::ALL`), through bindings.ts.
export { PRODUCTS, type Product };

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

export const WEBHOOKS = ['push_image', 'pull_image', 'delete_image', 'helm_chart'] as const;

export interface WizardState {
  name: string;
  start: string;
  months: string;
  currency: string;
  rates: RateInput[];
  products: Product[];
  tcr: {
    site: string;
    region: string;
    edition: string;
    billing: string;
    cross_region_sync: boolean;
    delivery_workflow: boolean;
    vulnerability_scan: boolean;
    webhooks: string[];
  };
  tcss: {
    site: string;
    billing: string;
    licensed_cores: string;
    elastic_cap: string;
    trial: boolean;
  };
  image_search: { site: string; trial: boolean };
  /** Keyed by document path, e.g. `tcr.storage_gb`, `tcr.needs.namespaces`. */
  quantities: Record<string, Quantity>;
  budgets: BudgetInput[];
  /** Fields of a loaded document the wizard does not edit (prices, price_date, hours…). */
  extra: Record<string, unknown>;
  extraProduct: Record<Product, Record<string, unknown>>;
}

/** The numeric quantities of each product, by document path, in the order they are asked. */
export const QUANTITY_FIELDS: Record<Product, string[]> = {
  tcr: [
    'tcr.needs.namespaces',
    'tcr.needs.image_repos',
    'tcr.needs.helm_repos',
    'tcr.needs.vpc_links',
    'tcr.needs.log_retention_days',
    'tcr.storage_gb',
    'tcr.egress_gb',
  ],
  tcss: [
    'tcss.cores',
    'tcss.peak_cores',
    'tcss.peak_days',
    'tcss.image_scan.first_scans',
    'tcss.image_scan.repeat_scans',
    'tcss.log_gb',
  ],
  image_search: ['image_search.images', 'image_search.qps'],
};

/** Quantities that must be given; any other left empty is left out of the document. */
export const REQUIRED_QUANTITIES = new Set(['tcss.cores', 'image_search.images', 'image_search.qps']);

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
    if (site) state[product].site = site;
  }
}

/** The market every product's site belongs to, or null when they differ (chosen one by one). */
export function marketOf(state: WizardState, sites: ProductSites[]): Market | null {
  return (
    MARKETS.find((market) =>
      PRODUCTS.every((product) => siteCurrency(sites, product, state[product].site) === MARKET_CURRENCY[market]),
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

function blankState(currency: string): WizardState {
  return {
    name: '',
    start: nextMonth(),
    months: '12',
    currency,
    rates: [],
    products: [],
    tcr: {
      site: 'tencent-intl',
      region: 'ap-guangzhou',
      edition: 'auto',
      billing: 'payg',
      cross_region_sync: false,
      delivery_workflow: false,
      vulnerability_scan: false,
      webhooks: [],
    },
    tcss: { site: 'tencent-intl', billing: 'auto', licensed_cores: '', elastic_cap: '', trial: false },
    image_search: { site: 'aliyun-cn', trial: false },
    quantities: {
      'tcr.needs.namespaces': q('10'),
      'tcr.needs.image_repos': q('100'),
      'tcr.needs.helm_repos': q('0'),
      'tcr.needs.vpc_links': q('1'),
      'tcr.needs.log_retention_days': q(''),
      'tcr.storage_gb': q('100'),
      'tcr.egress_gb': q('50'),
      'tcss.cores': q('32'),
      'tcss.peak_cores': q(''),
      'tcss.peak_days': q(''),
      'tcss.image_scan.first_scans': q(''),
      'tcss.image_scan.repeat_scans': q(''),
      'tcss.log_gb': q(''),
      'image_search.images': q('1000000'),
      'image_search.qps': q('5'),
    },
    budgets: [],
    extra: {},
    extraProduct: Object.fromEntries(PRODUCTS.map((p) => [p, {}])) as Record<Product, Record<string, unknown>>,
  };
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

  const quantities = (product: Product, section: Record<string, unknown>) => {
    for (const path of QUANTITY_FIELDS[product]) {
      const quantity = state.quantities[path];
      if (!REQUIRED_QUANTITIES.has(path) && isBlank(quantity)) continue;
      setPath(section, path.split('.').slice(1), quantity ? quantityJson(quantity) : '');
    }
  };

  if (state.products.includes('tcr')) {
    const tcr: Record<string, unknown> = {
      ...(JSON.parse(JSON.stringify(state.extraProduct.tcr)) as Record<string, unknown>),
      site: state.tcr.site,
      region: state.tcr.region,
      edition: state.tcr.edition,
      billing: state.tcr.billing,
    };
    quantities('tcr', tcr);
    const needs = (tcr.needs ?? {}) as Record<string, unknown>;
    needs.cross_region_sync = state.tcr.cross_region_sync;
    if (state.tcr.delivery_workflow) needs.delivery_workflow = true;
    if (state.tcr.vulnerability_scan) needs.vulnerability_scan = true;
    needs.webhooks = WEBHOOKS.filter((w) => state.tcr.webhooks.includes(w));
    tcr.needs = needs;
    doc.tcr = tcr;
  }
  if (state.products.includes('tcss')) {
    const tcss: Record<string, unknown> = {
      ...(JSON.parse(JSON.stringify(state.extraProduct.tcss)) as Record<string, unknown>),
      site: state.tcss.site,
      billing: state.tcss.billing,
      trial: state.tcss.trial,
    };
    if (state.tcss.billing === 'prepaid' && state.tcss.licensed_cores.trim() !== '') {
      tcss.licensed_cores = wholeOrText(state.tcss.licensed_cores);
    }
    if (state.tcss.elastic_cap.trim() !== '') tcss.elastic_cap = wholeOrText(state.tcss.elastic_cap);
    quantities('tcss', tcss);
    doc.tcss = tcss;
  }
  if (state.products.includes('image_search')) {
    const section: Record<string, unknown> = {
      ...(JSON.parse(JSON.stringify(state.extraProduct.image_search)) as Record<string, unknown>),
      site: state.image_search.site,
      trial: state.image_search.trial,
    };
    quantities('image_search', section);
    doc.image_search = section;
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
const KNOWN_SECTION: Record<Product, Set<string>> = {
  tcr: new Set(['site', 'region', 'edition', 'billing', 'needs', 'storage_gb', 'egress_gb']),
  tcss: new Set(['site', 'billing', 'cores', 'peak_cores', 'peak_days', 'licensed_cores', 'elastic_cap', 'trial', 'image_scan', 'log_gb']),
  image_search: new Set(['site', 'images', 'qps', 'trial']),
};

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
    if (!section) continue;
    state.products.push(product);
    for (const [key, value] of Object.entries(section)) {
      if (!KNOWN_SECTION[product].has(key)) state.extraProduct[product][key] = value;
    }
    for (const path of QUANTITY_FIELDS[product]) {
      const value = getPath(section, path.split('.').slice(1));
      state.quantities[path] = value === undefined ? q('') : quantityFrom(value);
    }
  }
  const tcr = doc.tcr as Record<string, unknown> | undefined;
  if (tcr) {
    const needs = (tcr.needs ?? {}) as Record<string, unknown>;
    state.tcr = {
      site: text(tcr.site) || state.tcr.site,
      region: text(tcr.region) || state.tcr.region,
      edition: text(tcr.edition) || 'auto',
      billing: text(tcr.billing) || 'payg',
      cross_region_sync: needs.cross_region_sync === true,
      delivery_workflow: needs.delivery_workflow === true,
      vulnerability_scan: needs.vulnerability_scan === true,
      webhooks: ((needs.webhooks as string[] | undefined) ?? []).slice(),
    };
    for (const [key, value] of Object.entries(needs)) {
      if (!['namespaces', 'image_repos', 'helm_repos', 'vpc_links', 'log_retention_days', 'cross_region_sync', 'delivery_workflow', 'vulnerability_scan', 'webhooks'].includes(key)) {
        const extraNeeds = (state.extraProduct.tcr.needs ?? {}) as Record<string, unknown>;
        extraNeeds[key] = value;
        state.extraProduct.tcr.needs = extraNeeds;
      }
    }
  }
  const tcss = doc.tcss as Record<string, unknown> | undefined;
  if (tcss) {
    state.tcss = {
      site: text(tcss.site) || state.tcss.site,
      billing: text(tcss.billing) || 'auto',
      licensed_cores: text(tcss.licensed_cores),
      elastic_cap: text(tcss.elastic_cap),
      trial: tcss.trial === true,
    };
    const scan = tcss.image_scan as Record<string, unknown> | undefined;
    if (scan && scan.model === 'per_image') state.extraProduct.tcss.image_scan = scan;
  }
  const is = doc.image_search as Record<string, unknown> | undefined;
  if (is) state.image_search = { site: text(is.site) || state.image_search.site, trial: is.trial === true };
  return state;
}
