// Start-up: the first page load carries the first screen's answers (src-tauri/src/first_page.rs)
// and the UI takes them from the page instead of asking; without them (a reload, a database
// still opening) it asks over IPC, and a screen gets an answer that has arrived at once.
import './support/browser-globals';
import { test } from 'node:test';
import assert from 'node:assert/strict';

type Block = { textContent: string; removed: boolean; remove(): void };
let block: Block | null = null;
const asked: string[] = [];
const answers: Record<string, unknown> = {};
(document as unknown as Record<string, unknown>).getElementById = (id: string) =>
  id === 'first-answers' ? block : null;
(window as unknown as Record<string, unknown>).__TAURI_INTERNALS__ = {
  invoke: (command: string) => {
    asked.push(command);
    return Promise.resolve(answers[command]);
  },
};

function pageCarries(json: string): Block {
  block = {
    textContent: json,
    removed: false,
    remove() {
      this.removed = true;
      block = null;
    },
  };
  return block;
}

const { api, askEarly } = await import('../src/api');

const ROWS = [{ id: 1, name: '商品图库 </script>', example: true }];
const STATUS = { state: 'ready', reason: null, can_retry: false };

test('answers the page carries are used, once, and nothing is asked', async () => {
  const carried = pageCarries(JSON.stringify({ list_scenarios: ROWS, database_status: STATUS }));
  await askEarly(['list_scenarios', 'database_status'], 50);
  assert.deepEqual(asked, []);
  assert.ok(carried.removed, 'the block is removed once read');
  assert.deepEqual(api.arrivedScenarios(), ROWS);
  assert.deepEqual(api.arrivedDatabaseStatus(), STATUS);
  // Handed out once: a second screen asks again, for the list as it is then.
  assert.equal(api.arrivedScenarios(), undefined);
  answers.list_scenarios = [];
  assert.deepEqual(await api.listScenarios(), []);
  assert.deepEqual(asked, ['list_scenarios']);
});

test('without answers in the page they are asked for and given to the first render', async () => {
  asked.length = 0;
  answers.list_scenarios = ROWS;
  answers.database_status = STATUS;
  await askEarly(['list_scenarios', 'database_status'], 1000);
  assert.deepEqual(asked, ['list_scenarios', 'database_status']);
  assert.deepEqual(api.arrivedScenarios(), ROWS);
  assert.deepEqual(await api.databaseStatus(), STATUS, 'the early answer, not a second question');
  assert.deepEqual(asked, ['list_scenarios', 'database_status']);
});

test('an answer the page lacks is asked for; one it has is not', async () => {
  asked.length = 0;
  pageCarries(JSON.stringify({ database_status: STATUS }));
  await askEarly(['list_scenarios', 'database_status'], 1000);
  assert.deepEqual(asked, ['list_scenarios']);
});

test('a damaged block is ignored: everything is asked for', async () => {
  asked.length = 0;
  pageCarries('{"list_scenarios": [');
  await askEarly(['list_scenarios', 'database_status'], 1000);
  assert.deepEqual(asked, ['list_scenarios', 'database_status']);
});

// Resolving at all is the proof; the test's own timeout turns a wait for ever into a failure.
test('the first render does not wait for an answer that does not come', { timeout: 5000 }, async () => {
  asked.length = 0;
  const slow = (window as unknown as { __TAURI_INTERNALS__: { invoke: unknown } }).__TAURI_INTERNALS__;
  const previous = slow.invoke;
  slow.invoke = () => new Promise(() => undefined); // A database that never opens.
  await askEarly(['database_status'], 30);
  assert.equal(api.arrivedDatabaseStatus(), undefined, 'nothing has arrived: the screen asks');
  slow.invoke = previous;
});
