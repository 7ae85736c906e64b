import { test } from 'node:test';
import assert from 'node:assert/strict';
import en from '../src/locales/en.json';
import zh from '../src/locales/zh-CN.json';
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
  for (const [name, locale] of [['en', en], ['zh-CN', zh]] as const) {
    const tree = locale as unknown as { priceItems: Record<string, string>; items: Record<string, string> };
    // A price-book item is named under priceItems, a quote line's under items.
    const unnamed = PRICE_ITEMS.filter((item) => !tree.priceItems[item]?.trim() && !tree.items[item]?.trim());
    assert.deepEqual(unnamed, [], `${name} has no name for these items`);
    const user = USER_PRICE_ITEMS.filter((option) => !tree.priceItems[option.item]?.trim()).map((o) => o.item);
    assert.deepEqual(user, [], `${name} has no price-book name for these items`);
  }
});
