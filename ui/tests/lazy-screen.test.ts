// A screen loaded on demand shows the loading line until its chunk arrives, then the screen,
// however the chunk arrives: also when the idle preload (`preloadScreens`) finishes between
// the render that showed the loading line and that render's effect. The window then stayed
// on the loading line for good, which is how the wizard and the price book once failed to
// open after a click.
import './support/browser-globals';
import { container } from './support/fake-dom';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { h, render } from 'preact';
import { lazyScreen } from '../src/components/lazy-screen';

const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function Screen() {
  return h('p', { 'data-test': 'the-screen' }, 'ready');
}

test('the chunk arriving before the loading render’s effect still shows the screen', async () => {
  let arrive: (screen: typeof Screen) => void = () => undefined;
  const Lazy = lazyScreen(() => new Promise((resolve) => (arrive = resolve)));
  const root = container();
  render(h(Lazy, null), root);
  assert.ok(root.find('loading'), 'the loading line first');
  // The idle preload asks for the chunk and it arrives, all before the effect runs (Preact
  // runs effects after the next frame, here a 100 ms timer).
  const preloaded = Lazy.preload();
  arrive(Screen);
  await preloaded;
  await settle(250);
  assert.ok(root.find('the-screen'), `still showing: ${root.textContent}`);
  assert.equal(root.find('loading'), null);
});

test('a screen whose chunk arrives later replaces the loading line', async () => {
  let arrive: (screen: typeof Screen) => void = () => undefined;
  const Lazy = lazyScreen(() => new Promise((resolve) => (arrive = resolve)));
  const root = container();
  render(h(Lazy, null), root);
  await settle(250);
  assert.ok(root.find('loading'));
  arrive(Screen);
  await settle(50);
  assert.ok(root.find('the-screen'), `still showing: ${root.textContent}`);
});

test('a chunk that fails to load is reported, and a later visit asks again', async () => {
  let attempts = 0;
  const Lazy = lazyScreen(() => {
    attempts += 1;
    return attempts === 1 ? Promise.reject(new Error('chunk gone')) : Promise.resolve(Screen);
  });
  const first = container();
  render(h(Lazy, null), first);
  await settle(250);
  assert.match(first.textContent, /chunk gone/);
  const second = container();
  render(h(Lazy, null), second);
  await settle(250);
  assert.ok(second.find('the-screen'), `second visit shows: ${second.textContent}`);
  assert.equal(attempts, 2);
});
