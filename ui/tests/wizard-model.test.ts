import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PRODUCT_SITES, type ProductSites } from '../src/bindings';
import {
  buildDocument,
  chooseCurrency,
  chooseMarket,
  emptyState,
  fractionToPercent,
  marketOf,
  percentToFraction,
  siteBilling,
  siteCurrency,
  stateFromDocument,
  upgradeState,
  type WizardState,
} from '../src/wizard/model';

test('percent and fraction convert without floats', () => {
  assert.equal(percentToFraction('80'), '0.80');
  assert.equal(percentToFraction('7.5'), '0.075');
  assert.equal(percentToFraction('100'), '1.00');
  assert.equal(fractionToPercent('0.8'), '80');
  assert.equal(fractionToPercent('0.075'), '7.5');
  assert.equal(fractionToPercent('0.85'), '85');
});

test('quantities keep the typed text and growth rules', () => {
  const state = emptyState();
  state.name = 'T';
  state.products = ['tcss'];
  state.quantities['tcss.cores'] = { mode: 'percent', value: '120', step: '0.1', list: '' };
  state.quantities['tcss.log_gb'] = { mode: 'list', value: '', step: '', list: '1, 2.5 3' };
  const doc = buildDocument(state) as { tcss: Record<string, unknown>; months: unknown };
  assert.deepEqual(doc.tcss.cores, { start: '120', monthly_percent: '0.1' });
  assert.deepEqual(doc.tcss.log_gb, ['1', '2.5', '3']);
  assert.equal(doc.months, 12);
  assert.equal('peak_cores' in doc.tcss, false);
  assert.equal('tcr' in doc, false);
});

test('numbers are read as people type them: grouped, full-width, with a percent sign', () => {
  const state = emptyState();
  state.name = 'T';
  state.products = ['tcss', 'image_search'];
  state.quantities['tcss.cores'] = { mode: 'percent', value: '1,200', step: '15%', list: '' };
  state.quantities['image_search.images'] = { mode: 'add', value: '１，８００，０００', step: '50 000', list: '' };
  state.quantities['tcss.log_gb'] = { mode: 'list', value: '', step: '', list: '１２ ３．５' };
  state.settings.tcss.licensed_cores = '1 200';
  state.budgets = [{ amount: '141,234.00', currency: 'USD', product: '', warn_percent: '80 %' }];
  const doc = buildDocument(state) as Record<string, Record<string, unknown>>;
  assert.deepEqual(doc.tcss!.cores, { start: '1200', monthly_percent: '15' });
  assert.deepEqual(doc.image_search!.images, { start: '1800000', monthly_add: '50000' });
  assert.deepEqual(doc.tcss!.log_gb, ['12', '3.5']);
  const budgets = doc.budgets as unknown as Record<string, unknown>[];
  assert.equal(budgets[0]!.amount, '141234.00');
  assert.equal(budgets[0]!.warn_at, '0.80');
  // What does not read as a number is sent as typed, for the check to name the field.
  state.quantities['tcss.cores'] = { mode: 'constant', value: '12 apples', step: '', list: '' };
  const bad = buildDocument(state) as Record<string, Record<string, unknown>>;
  assert.equal(bad.tcss!.cores, '12 apples');
});

test('a document survives a round trip through the wizard state', () => {
  const original = {
    plancast: 1,
    name: 'Round trip',
    start: '2027-01',
    months: 12,
    currency: 'USD',
    budgets: [{ name: 'Security', amount: '700', currency: 'USD', product: 'tcss', warn_at: '0.9' }],
    tcss: { site: 'tencent-intl', billing: 'auto', cores: 120, trial: false, log_gb: '11', image_scan: { first_scans: 250, repeat_scans: 600 } },
  };
  const doc = buildDocument(stateFromDocument(JSON.stringify(original))) as Record<string, unknown>;
  const budgets = doc.budgets as Record<string, unknown>[];
  assert.equal(budgets[0]!.name, 'Security');
  assert.equal(budgets[0]!.warn_at, '0.90');
  const tcss = doc.tcss as Record<string, unknown>;
  assert.equal(tcss.cores, '120');
  assert.deepEqual(tcss.image_scan, { first_scans: '250', repeat_scans: '600' });
});

// What `wizard_options` answers, from the generated bindings.
const SITES: ProductSites[] = [...PRODUCT_SITES];

test('sites follow the currency: CNY buys on the China sites, USD on the international ones', () => {
  const cny = emptyState('CNY', SITES);
  assert.deepEqual([cny.settings.tcr.site, cny.settings.tcss.site, cny.settings.image_search.site], ['tencent-cn', 'tencent-cn', 'aliyun-cn']);
  assert.equal(marketOf(cny, SITES), 'china');
  const usd = emptyState('USD', SITES);
  assert.deepEqual([usd.settings.tcr.site, usd.settings.tcss.site, usd.settings.image_search.site], ['tencent-intl', 'tencent-intl', 'aliyun-intl']);
  assert.equal(marketOf(usd, SITES), 'international');
  chooseCurrency(usd, 'CNY', SITES);
  assert.equal(usd.currency, 'CNY');
  assert.equal(marketOf(usd, SITES), 'china');
});

test('one market choice sets every site, and a product can then differ', () => {
  const state = emptyState('USD', SITES);
  chooseMarket(state, 'china', SITES);
  assert.deepEqual([state.settings.tcr.site, state.settings.tcss.site, state.settings.image_search.site], ['tencent-cn', 'tencent-cn', 'aliyun-cn']);
  assert.equal(state.currency, 'USD', 'the report currency is the user’s own choice');
  state.settings.image_search.site = 'aliyun-intl';
  assert.equal(marketOf(state, SITES), null);
  assert.equal(siteCurrency(SITES, 'image_search', 'aliyun-intl'), 'USD');
  assert.equal(siteBilling(SITES, 'tcss', 'CNY'), 'tencent-cn');
});

test('a loaded document keeps its sites; products it leaves out follow its currency', () => {
  const doc = { plancast: 1, name: 'X', start: '2027-01', months: 12, currency: 'CNY', tcss: { site: 'tencent-intl', cores: 10 } };
  const state = stateFromDocument(JSON.stringify(doc), SITES);
  assert.equal(state.settings.tcss.site, 'tencent-intl');
  assert.equal(state.settings.tcr.site, 'tencent-cn');
  assert.equal(state.settings.image_search.site, 'aliyun-cn');
});

test('a new scenario asks for what each product’s form sets by default', () => {
  const state = emptyState('USD', SITES);
  state.name = 'Defaults';
  state.products = ['tcr', 'tcss', 'image_search'];
  const doc = buildDocument(state) as Record<string, unknown>;
  assert.deepEqual(doc.tcr, {
    site: 'tencent-intl',
    region: 'ap-guangzhou',
    edition: 'auto',
    billing: 'payg',
    needs: { namespaces: '10', image_repos: '100', helm_repos: '0', vpc_links: '1', cross_region_sync: false, webhooks: [] },
    storage_gb: '100',
    egress_gb: '50',
  });
  assert.deepEqual(doc.tcss, { site: 'tencent-intl', billing: 'auto', cores: '32', trial: false });
  assert.deepEqual(doc.image_search, { site: 'aliyun-intl', images: '1000000', qps: '5', trial: false });
});

test('a field asked on a condition is written only while it holds', () => {
  const state = emptyState('USD', SITES);
  state.name = 'Licence';
  state.products = ['tcss'];
  state.settings.tcss.licensed_cores = '1 200';
  assert.equal('licensed_cores' in (buildDocument(state).tcss as object), false);
  state.settings.tcss.billing = 'prepaid';
  assert.equal((buildDocument(state).tcss as Record<string, unknown>).licensed_cores, 1200);
});

test('what the forms do not ask for is carried through a saved document unchanged', () => {
  const original = {
    plancast: 1,
    name: 'Carried',
    start: '2027-01',
    months: 12,
    currency: 'USD',
    price_date: '2026-12-01',
    tcr: {
      site: 'tencent-intl',
      region: 'na-ashburn',
      edition: 'standard',
      billing: 'payg',
      hours: 500,
      needs: { namespaces: 60, cross_region_sync: true, delivery_workflow: true, webhooks: ['helm_chart', 'push_image'], block_vulnerable_images: true },
    },
    tcss: { site: 'tencent-intl', billing: 'prepaid', cores: 10, licensed_cores: 12, trial: true, image_scan: { model: 'per_image', new_images: 5, updates: 2 } },
  };
  const state = stateFromDocument(JSON.stringify(original), SITES);
  assert.equal(state.settings.tcr.region, 'na-ashburn');
  assert.deepEqual(state.settings.tcr['needs.webhooks'], ['helm_chart', 'push_image']);
  const doc = buildDocument(state) as Record<string, Record<string, unknown>>;
  assert.equal(doc.price_date as unknown, '2026-12-01');
  const tcr = doc.tcr!;
  assert.equal(tcr.hours, 500);
  assert.equal(tcr.edition, 'standard');
  const needs = tcr.needs as Record<string, unknown>;
  assert.equal(needs.block_vulnerable_images, true);
  assert.equal(needs.delivery_workflow, true);
  assert.equal('vulnerability_scan' in needs, false, 'a toggle off is not written unless the form says always');
  // A set is written in its options' order.
  assert.deepEqual(needs.webhooks, ['push_image', 'helm_chart']);
  assert.deepEqual(doc.tcss!.image_scan, { model: 'per_image', new_images: 5, updates: 2 });
  assert.equal(doc.tcss!.licensed_cores, 12);
  assert.equal(doc.tcss!.trial, true);
});

test('a draft kept by an earlier version opens with its settings', () => {
  const fresh = emptyState('CNY', SITES);
  const { settings: _settings, ...rest } = fresh;
  const old = {
    ...rest,
    products: ['tcr', 'tcss'],
    tcr: { site: 'tencent-cn', region: 'ap-shanghai', edition: 'basic', billing: 'payg', cross_region_sync: true, delivery_workflow: false, vulnerability_scan: true, webhooks: ['pull_image'] },
    tcss: { site: 'tencent-cn', billing: 'prepaid', licensed_cores: '64', elastic_cap: '', trial: true },
    image_search: { site: 'aliyun-cn', trial: false },
  };
  const state = upgradeState(old as unknown as WizardState);
  assert.equal(state.settings.tcr.region, 'ap-shanghai');
  assert.equal(state.settings.tcr['needs.vulnerability_scan'], true);
  assert.deepEqual(state.settings.tcr['needs.webhooks'], ['pull_image']);
  assert.equal(state.settings.tcss.licensed_cores, '64');
  const doc = buildDocument({ ...state, name: 'Old draft' }) as Record<string, Record<string, unknown>>;
  assert.equal(doc.tcss!.licensed_cores, 64);
  assert.equal(doc.tcr!.edition, 'basic');
});

test('a setting the state lacks (a draft older than its field) is written as the form’s default', () => {
  const state = emptyState('USD', SITES);
  state.name = 'Older draft';
  state.products = ['tcr'];
  delete state.settings.tcr.edition;
  assert.equal((buildDocument(state).tcr as Record<string, unknown>).edition, 'auto');
});
