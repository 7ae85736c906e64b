// A field problem names the field by its label on screen, from the product's form for a
// product's field: its quantity, a growth rule's part, a month of a list, a value of a set.
import './support/browser-globals';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setLanguage } from '../src/i18n';
import { fieldLabel } from '../src/wizard/labels';

test('product fields are named by their forms’ labels, in each language', () => {
  setLanguage('en');
  assert.equal(fieldLabel('tcss.cores'), 'Cores');
  assert.equal(fieldLabel('tcss.cores[2]'), 'Cores · month 3');
  assert.match(fieldLabel('tcss.cores.monthly_percent'), /^Cores · /);
  assert.equal(fieldLabel('tcr.region'), 'Tencent TCR · Region');
  assert.equal(fieldLabel('tcr.needs.webhooks[1]'), 'Tencent TCR · Webhooks');
  assert.equal(fieldLabel('tcss.licensed_cores'), 'Tencent TCSS · Licensed cores');
  assert.equal(fieldLabel('budgets[0].amount'), 'Budget 1 · Monthly amount');
  setLanguage('zh-CN');
  assert.equal(fieldLabel('tcss.cores'), '核数');
  assert.equal(fieldLabel('tcr.region'), '腾讯云 TCR · 地域');
  setLanguage('en');
});
