import { test } from 'node:test';
import assert from 'node:assert/strict';
import en from '../src/locales/en.json';
import zh from '../src/locales/zh-CN.json';

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

