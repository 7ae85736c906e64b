import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readTypedNumber, typedOrAsIs } from '../src/numbers';

const value = (text: string, percent = false) => {
  const read = readTypedNumber(text, { percent });
  assert.ok(read.ok, `${JSON.stringify(text)} was refused: ${read.ok ? '' : read.problem}`);
  return read.value;
};
const problem = (text: string, percent = false) => {
  const read = readTypedNumber(text, { percent });
  assert.ok(!read.ok, `${JSON.stringify(text)} was read as ${read.ok ? read.value : ''}`);
  return read.problem;
};

test('plain decimals pass unchanged, trimmed', () => {
  assert.equal(value('1800000'), '1800000');
  assert.equal(value(' 12.5 '), '12.5');
  assert.equal(value('-3'), '-3');
  assert.equal(value('+7.25'), '7.25');
  assert.equal(value('0.000001'), '0.000001');
  assert.equal(value('.5'), '0.5');
  // Beyond what a double holds: the digits survive.
  assert.equal(value('79228162514264337593543950335'), '79228162514264337593543950335');
});

test('thousands separators as the app displays them', () => {
  assert.equal(value('1,800,000'), '1800000');
  assert.equal(value('141,234.00'), '141234.00');
  assert.equal(value('-1,000'), '-1000');
  assert.equal(value('999'), '999');
});

test('spaces between groups: ordinary, no-break, narrow, thin and ideographic', () => {
  assert.equal(value('1 800 000'), '1800000');
  assert.equal(value('1\u00a0800\u00a0000'), '1800000');
  assert.equal(value('1\u202f800'), '1800');
  assert.equal(value('1\u2009800.5'), '1800.5');
  assert.equal(value('1\u3000800'), '1800');
});

test('full-width digits and signs from Chinese input methods', () => {
  assert.equal(value('１８００'), '1800');
  assert.equal(value('１，８００，０００'), '1800000');
  assert.equal(value('１２．５'), '12.5');
  assert.equal(value('１２。５'), '12.5');
  assert.equal(value('－３'), '-3');
  assert.equal(value('１５％', true), '15');
});

test('a trailing percent sign only where a percentage is asked', () => {
  assert.equal(value('15%', true), '15');
  assert.equal(value('15 %', true), '15');
  assert.equal(value('-2.5%', true), '-2.5');
  assert.equal(value('15', true), '15');
  assert.equal(problem('15%'), 'percentNotAsked');
});

test('wrong grouping is refused, not guessed', () => {
  // Indian grouping, a decimal comma, separators after the point, mixed separators.
  assert.equal(problem('1,80,000'), 'grouping');
  assert.equal(problem('1,5'), 'grouping');
  assert.equal(problem('1,000.000,5'), 'notNumber');
  assert.equal(problem('1,000 000'), 'grouping');
  assert.equal(problem('1234,567'), 'grouping');
  assert.equal(problem(',100'), 'grouping');
});

test('what is not a number', () => {
  assert.equal(problem(''), 'empty');
  assert.equal(problem('   '), 'empty');
  assert.equal(problem('abc'), 'notNumber');
  assert.equal(problem('1.2.3'), 'notNumber');
  assert.equal(problem('1e6'), 'notNumber');
  assert.equal(problem('5-'), 'notNumber');
  assert.equal(problem('%', true), 'empty');
  assert.equal(problem('--1'), 'notNumber');
  assert.equal(problem('12 apples'), 'notNumber');
});

test('typedOrAsIs sends the plain decimal, or the text as typed for the check to report', () => {
  assert.equal(typedOrAsIs(' 1,800,000 '), '1800000');
  assert.equal(typedOrAsIs('12 apples '), '12 apples');
  assert.equal(typedOrAsIs('15%', { percent: true }), '15');
});

test('dates as people type them, year first, and nothing ambiguous', async () => {
  const { readTypedDate, readTypedMonth } = await import('../src/numbers');
  assert.equal(readTypedDate('2026-12-02'), '2026-12-02');
  assert.equal(readTypedDate(' 2026/12/2 '), '2026-12-02');
  assert.equal(readTypedDate('2026.1.31'), '2026-01-31');
  assert.equal(readTypedDate('2026年12月2日'), '2026-12-02');
  assert.equal(readTypedDate('２０２６－１２－０２'), '2026-12-02');
  assert.equal(readTypedDate('2027-02-29'), null);
  assert.equal(readTypedDate('2028-02-29'), '2028-02-29');
  assert.equal(readTypedDate('12/02/2026'), null);
  assert.equal(readTypedDate('2026-13-01'), null);
  assert.equal(readTypedDate(''), null);
  assert.equal(readTypedMonth('2027-01'), '2027-01');
  assert.equal(readTypedMonth('2027/1'), '2027-01');
  assert.equal(readTypedMonth('2027年1月'), '2027-01');
  assert.equal(readTypedMonth('2027-13'), null);
  assert.equal(readTypedMonth('01/2027'), null);
});
