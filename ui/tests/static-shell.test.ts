// index.html draws the app's first frame as static markup so the window paints before the
// script runs; when Preact mounts it replaces that markup with its own, which must look the
// same or the frame jumps. These tests render the real layout in each language and compare it
// with the static shell as the entry words it in that language (src/shell.ts), element by
// element.
import './support/browser-globals';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Fragment, h, type ComponentChildren, type VNode } from 'preact';
import { App } from '../src/app';
import { LANGUAGES, setLanguage, type Language } from '../src/i18n';
import { shellWord } from '../src/shell';
import { ScenariosHeader, ScenariosLoading, ScenariosScreen } from '../src/screens/scenarios';

const html = readFileSync('ui/index.html', 'utf8');
const shell = /<div id="app">([\s\S]*)<\/div>\s*<\/body>/.exec(html)?.[1] ?? '';

// Both sides become the same plain form: `<tag a="1" b="2">children</tag>`, attributes sorted,
// text with its white space collapsed, white space between elements dropped (the layout puts
// these elements in flex or block boxes, where it does not show).

type Attribute = [string, string];

function text(value: string): string {
  return value.replace(/\s+/g, ' ').trim();
}

function element(tag: string, attributes: Attribute[], children: string): string {
  const sorted = [...attributes].sort(([a], [b]) => a.localeCompare(b));
  return `<${tag}${sorted.map(([name, value]) => ` ${name}="${value}"`).join('')}>${children}</${tag}>`;
}

/** A Preact tree as that form; a component in `replace` stands for the given markup. */
function fromVNode(node: ComponentChildren, replace: Map<unknown, string>): string {
  if (node === null || node === undefined || typeof node === 'boolean') return '';
  if (typeof node === 'string' || typeof node === 'number') return text(String(node));
  if (Array.isArray(node)) return node.map((child) => fromVNode(child, replace)).join('');
  const { type, props } = node as VNode<Record<string, unknown>>;
  const children = props.children as ComponentChildren;
  if (type === Fragment) return fromVNode(children, replace);
  if (typeof type === 'function') {
    return replace.get(type) ?? fromVNode((type as (props: object) => ComponentChildren)(props), replace);
  }
  const attributes = Object.entries(props)
    .filter(([name, value]) => name !== 'children' && !/^on[A-Z]/.test(name) && value != null && value !== false)
    // The static shell has no data-test: the E2E tests wait for them to know the app is live.
    .filter(([name]) => name !== 'data-test')
    .map(([name, value]): Attribute => [name, String(value)]);
  return element(type, attributes, fromVNode(children, replace));
}

/**
 * Static markup as that form (enough HTML for the shell: no void elements, quoted values),
 * worded in `lang` as the entry words it: an element's `data-i18n` key gives its own text, its
 * `data-i18n-label` key its `aria-label`; both marks are dropped.
 */
function fromHtml(markup: string, lang: Language = 'en'): string {
  let out = '';
  // Per open element: the word its own text becomes, until that text is met.
  const words: (string | undefined)[] = [];
  const token = /<!--[\s\S]*?-->|<(\/?)([a-zA-Z][\w-]*)((?:\s+[\w:-]+="[^"]*")*)\s*(\/?)>|([^<]+)/g;
  for (const [whole, closing, tag, attributeText, selfClosing, content] of markup.matchAll(token)) {
    if (whole.startsWith('<!--')) continue;
    if (content !== undefined) {
      const word = text(content) === '' ? undefined : words[words.length - 1];
      if (word !== undefined) words[words.length - 1] = undefined;
      out += text(word ?? content);
    } else if (closing) {
      words.pop();
      out += `</${tag}>`;
    } else {
      const found = [...attributeText!.matchAll(/([\w:-]+)="([^"]*)"/g)].map(([, name, value]): Attribute => [name!, value!]);
      const mark = (name: string) => found.find(([attribute]) => attribute === name)?.[1];
      const label = mark('data-i18n-label');
      const attributes = found
        .filter(([name]) => name !== 'data-i18n' && name !== 'data-i18n-label')
        .map(([name, value]): Attribute => [name, name === 'aria-label' && label ? (shellWord(lang, label) ?? value) : value]);
      const open = element(tag!, attributes, '');
      if (selfClosing) {
        out += open;
      } else {
        const key = mark('data-i18n');
        words.push(key === undefined ? undefined : shellWord(lang, key));
        out += open.slice(0, -`</${tag}>`.length);
      }
    }
  }
  return out;
}

function appFirstFrame(): string {
  // The scenario list's first frame: its header and the list's frame while it loads.
  const scenariosFirstFrame = fromVNode([h(ScenariosHeader, { onImport: () => undefined }), h(ScenariosLoading, null)], new Map());
  return fromVNode(h(App, null), new Map([[ScenariosScreen, scenariosFirstFrame]]));
}

test('the static shell is the first frame the app renders, in every language', () => {
  for (const lang of LANGUAGES) {
    setLanguage(lang);
    const frame = appFirstFrame();
    assert.equal(fromHtml(shell, lang), frame, lang);
  }
  setLanguage('en');
  assert.ok(appFirstFrame().includes('Scenarios') && appFirstFrame().includes('Loading'));
});

test('the entry words every text of the shell in Chinese, its navigation label too', () => {
  const chinese = fromHtml(shell, 'zh-CN');
  for (const english of ['Scenarios', 'Compare', 'Price book', 'Settings', 'Loading', 'Import JSON', 'New scenario', 'Cloud plans', 'aria-label="Main"']) {
    assert.ok(!chinese.includes(english), `${english} in ${chinese}`);
  }
  assert.ok(chinese.includes('场景'), chinese);
});

test('the static shell has no data-test attributes', () => {
  assert.doesNotMatch(shell, /data-test/);
});

test('index.html links every stylesheet and no script imports one', () => {
  // Styles injected by the script would apply only after it ran: the shell would paint bare.
  for (const sheet of readdirSync('ui/src/styles')) {
    assert.match(html, new RegExp(`<link rel="stylesheet" href="\\./src/styles/${sheet.replace('.', '\\.')}" />`), sheet);
  }
  const sources = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
      entry.isDirectory() ? sources(join(dir, entry.name)) : /\.tsx?$/.test(entry.name) ? [join(dir, entry.name)] : [],
    );
  for (const file of sources('ui/src')) {
    assert.doesNotMatch(readFileSync(file, 'utf8'), /^import [^;]*\.css['"]/m, file);
  }
});

test('until the theme is set, a dark system gets the dark tokens', () => {
  // The CSP forbids inline scripts, so nothing sets data-theme before the shell paints:
  // <html> starts without it and tokens.css follows prefers-color-scheme meanwhile.
  assert.doesNotMatch(html, /<html[^>]*data-theme/);
  const css = readFileSync('ui/src/styles/tokens.css', 'utf8');
  const declarations = (selector: RegExp) =>
    (new RegExp(`${selector.source} \\{([^}]*)\\}`).exec(css)?.[1] ?? '')
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean);
  const dark = declarations(/\[data-theme='dark'\]/);
  assert.ok(dark.length > 10);
  assert.match(css, /@media \(prefers-color-scheme: dark\) \{\s*:root:not\(\[data-theme\]\) \{/);
  assert.deepEqual(declarations(/:root:not\(\[data-theme\]\)/), dark);
});
