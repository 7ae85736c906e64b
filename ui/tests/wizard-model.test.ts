import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ProductSites } from '../src/bindings';
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
  state.tcss.licensed_cores = '1 200';
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

const SITES: ProductSites[] = [
  { product: 'tcr', sites: [{ site: 'tencent-intl', currency: 'USD' }, { site: 'tencent-cn', currency: 'CNY' }] },
  { product: 'tcss', sites: [{ site: 'tencent-intl', currency: 'USD' }, { site: 'tencent-cn', currency: 'CNY' }] },
  { product: 'image_search', sites: [{ site: 'aliyun-cn', currency: 'CNY' }, { site: 'aliyun-intl', currency: 'USD' }] },
];

test('sites follow the currency: CNY buys on the China sites, USD on the international ones', () => {
  const cny = emptyState('CNY', SITES);
  assert.deepEqual([cny.tcr.site, cny.tcss.site, cny.image_search.site], ['tencent-cn', 'tencent-cn', 'aliyun-cn']);
  assert.equal(marketOf(cny, SITES), 'china');
  const usd = emptyState('USD', SITES);
  assert.deepEqual([usd.tcr.site, usd.tcss.site, usd.image_search.site], ['tencent-intl', 'tencent-intl', 'aliyun-intl']);
  assert.equal(marketOf(usd, SITES), 'international');
  chooseCurrency(usd, 'CNY', SITES);
  assert.equal(usd.currency, 'CNY');
  assert.equal(marketOf(usd, SITES), 'china');
});

test('one market choice sets every site, and a product can then differ', () => {
  const state = emptyState('USD', SITES);
  chooseMarket(state, 'china', SITES);
  assert.deepEqual([state.tcr.site, state.tcss.site, state.image_search.site], ['tencent-cn', 'tencent-cn', 'aliyun-cn']);
  assert.equal(state.currency, 'USD', 'the report currency is the user’s own choice');
  state.image_search.site = 'aliyun-intl';
  assert.equal(marketOf(state, SITES), null);
  assert.equal(siteCurrency(SITES, 'image_search', 'aliyun-intl'), 'USD');
  assert.equal(siteBilling(SITES, 'tcss', 'CNY'), 'tencent-cn');
});

test('a loaded document keeps its sites; products it leaves out follow its currency', () => {
  const doc = { plancast: 1, name: 'X', start: '2027-01', months: 12, currency: 'CNY', tcss: { site: 'tencent-intl', cores: 10 } };
  const state = stateFromDocument(JSON.stringify(doc), SITES);
  assert.equal(state.tcss.site, 'tencent-intl');
  assert.equal(state.tcr.site, 'tencent-cn');
  assert.equal(state.image_search.site, 'aliyun-cn');
});
