// Just enough of a browser for modules that touch `window`, `document` and friends when they
// load (the router, i18n, the theme) to be imported by a test under Node. Import it first.

const element = { dataset: {} as Record<string, string>, lang: '' };
const globals: Record<string, unknown> = {
  window: globalThis,
  document: { documentElement: element, addEventListener: () => undefined },
  location: { hash: '' },
  localStorage: { getItem: () => null, setItem: () => undefined },
  matchMedia: () => ({ matches: false, addEventListener: () => undefined }),
  addEventListener: () => undefined,
  navigator: { language: 'en-US' },
};
for (const [name, value] of Object.entries(globals)) {
  Object.defineProperty(globalThis, name, { value, configurable: true, writable: true });
}
