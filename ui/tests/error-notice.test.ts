// A failed command reads in the UI's language: when Rust gives the problem as a message code
// (a bill no longer waiting, a figure too large), the notice words it from the catalogue
// instead of showing the English text it also sends.
import './support/browser-globals';
import { container } from './support/fake-dom';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { h, render } from 'preact';
import { CommandError } from '../src/api';
import { setLanguage } from '../src/i18n';
import { ErrorNotice } from '../src/components/error-notice';

const english = 'no bill is waiting to be imported: choose the file again';

test('a coded problem is shown in Chinese in the Chinese UI', () => {
  setLanguage('zh-CN');
  const error = new CommandError({
    code: 'not_found',
    message: english,
    field: null,
    detail: { code: 'bills.not_waiting', args: {} },
  });
  const root = container();
  render(h(ErrorNotice, { error }), root);
  assert.ok(root.textContent.includes('没有等待导入的账单'), root.textContent);
  assert.ok(!root.textContent.includes(english), root.textContent);
  setLanguage('en');
});

test('a problem without a code is shown as sent', () => {
  setLanguage('en');
  const error = new CommandError({ code: 'io', message: 'disk full', field: null });
  const root = container();
  render(h(ErrorNotice, { error }), root);
  assert.ok(root.textContent.includes('disk full'), root.textContent);
});
