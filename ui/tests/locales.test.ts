import { test } from 'node:test';
import assert from 'node:assert/strict';
import en from '../src/locales/en.json';
import zh from '../src/locales/zh-CN.json';
import coreEn from '../../src-tauri/crates/pricing/messages/en.json';
import coreZh from '../../src-tauri/crates/pricing/messages/zh-CN.json';
import { PRICE_ITEMS, USER_PRICE_ITEMS } from '../src/bindings';

type Tree = { [key: string]: string | Tree };

function keys(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : keys(value, `${prefix}${key}.`),
  );
}

test('every English string has a Chinese translation and the other way round', () => {
  const english = keys(en as Tree).sort();
  const chinese = keys(zh as Tree).sort();
  assert.deepEqual(
    english.filter((k) => !chinese.includes(k)),
    [],
    'missing in zh-CN',
  );
  assert.deepEqual(
    chinese.filter((k) => !english.includes(k)),
    [],
    'missing in en',
  );
});


test('every price item has a name in each language, and those a user may price a price-book name', () => {
  // The names are the pricing core's (its catalogue's report.price_items and report.line_items),
  // so a product's items are named beside its other words, not in the UI's own files.
  for (const [name, core] of [['en', coreEn], ['zh-CN', coreZh]] as const) {
    const names = core.report as unknown as { price_items: Record<string, string>; line_items: Record<string, string> };
    // A price-book item is named under price_items, a quote line's under line_items.
    const unnamed = PRICE_ITEMS.filter((item) => !names.price_items[item]?.trim() && !names.line_items[item]?.trim());
    assert.deepEqual(unnamed, [], `${name} has no name for these items`);
    const user = USER_PRICE_ITEMS.filter((option) => !names.price_items[option.item]?.trim()).map((o) => o.item);
    assert.deepEqual(user, [], `${name} has no price-book name for these items`);
  }
});

test('t reads plain strings straight from the catalogue, and gives what i18next gives for every key', async () => {
  await import('./support/browser-globals');
  const { plainText, t, setLanguage } = await import('../src/i18n');
  const i18next = (await import('i18next')).default;
  let plain = 0;
  for (const [lng, ui, core] of [['en', en, coreEn], ['zh-CN', zh, coreZh]] as const) {
    setLanguage(lng);
    for (const key of [...keys(ui as Tree), ...keys(core as unknown as Tree)]) {
      assert.equal(t(key), i18next.t(key, { lng }), `${lng} ${key}`);
      if (plainText(lng, key) !== undefined) plain += 1;
    }
    // A key only the other language has falls back to English, through i18next.
    assert.equal(t('no.such.key'), i18next.t('no.such.key', { lng }));
  }
  assert.ok(plain > 500, `the plain path is taken (${plain} keys)`);
  setLanguage('en');
});
