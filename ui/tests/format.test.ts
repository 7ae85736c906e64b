import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatDecimal, formatMoney } from '../src/format';

test('groups integer digits in threes', () => {
  assert.equal(formatDecimal('0'), '0');
  assert.equal(formatDecimal('999'), '999');
  assert.equal(formatDecimal('1000'), '1,000');
  assert.equal(formatDecimal('1234567.5'), '1,234,567.5');
  assert.equal(formatDecimal('0001234'), '1,234');
});

test('pads the fraction but never rounds it', () => {
  assert.equal(formatDecimal('1500', 2), '1,500.00');
  assert.equal(formatDecimal('0.1390', 2), '0.1390');
  assert.equal(formatDecimal('2.005', 2), '2.005');
  // Beyond what a double holds exactly: the digits survive untouched.
  assert.equal(formatDecimal('12345678901234567890.123456789', 2), '12,345,678,901,234,567,890.123456789');
});

test('signs', () => {
  assert.equal(formatDecimal('-1234.5', 2), '-1,234.50');
  assert.equal(formatDecimal('+7'), '7');
  assert.equal(formatDecimal('-0.00', 2), '0.00');
});

test('leaves anything that is not a plain decimal as it is', () => {
  assert.equal(formatDecimal('1e3'), '1e3');
  assert.equal(formatDecimal('n/a'), 'n/a');
  assert.equal(formatDecimal(''), '');
});

test('money carries its currency code', () => {
  assert.equal(formatMoney('1500', 'USD'), '1,500.00 USD');
  assert.equal(formatMoney('-12.5', 'CNY'), '-12.50 CNY');
});

test('display rounding works on the digits, half away from zero', async () => {
  const { roundDecimal, displayAmount, displayMoney } = await import('../src/format');
  assert.equal(roundDecimal('18272.254888333619846', 2), '18272.25');
  assert.equal(roundDecimal('2.005', 2), '2.01');
  assert.equal(roundDecimal('-2.005', 2), '-2.01');
  assert.equal(roundDecimal('9.999', 2), '10.00');
  assert.equal(roundDecimal('-0.004', 2), '0.00');
  assert.equal(roundDecimal('1.5', 2), '1.5');
  assert.equal(displayAmount('683089.40526391966591151380316'), '683,089.41');
  assert.equal(displayAmount('12'), '12.00');
  assert.equal(displayMoney('1500', 'USD'), '1,500.00 USD');
});

test('sums decimals exactly', async () => {
  const { sumDecimals } = await import('../src/format');
  assert.equal(sumDecimals(['0.1', '0.2']), '0.3');
  assert.equal(sumDecimals(['148.8', '5.5', '8.64']), '162.94');
  assert.equal(sumDecimals(['-1.25', '1']), '-0.25');
  assert.equal(sumDecimals([]), '0');
  assert.equal(sumDecimals(['x']), null);
});

test('differences carry their sign, except when they show as zero', async () => {
  const { displaySignedMoney, isZeroDecimal } = await import('../src/format');
  assert.equal(displaySignedMoney('1234.5', 'USD'), '+1,234.50 USD');
  assert.equal(displaySignedMoney('-3', 'CNY'), '-3.00 CNY');
  assert.equal(displaySignedMoney('0', 'USD'), '0.00 USD');
  assert.equal(displaySignedMoney('0.004', 'USD'), '0.00 USD');
  assert.equal(displaySignedMoney('-0.004', 'USD'), '0.00 USD');
  assert.equal(displaySignedMoney('0.005', 'USD'), '+0.01 USD');
  assert.equal(displaySignedMoney('n/a', 'USD'), 'n/a USD');
  assert.ok(isZeroDecimal('-0.00') && isZeroDecimal('0') && isZeroDecimal('+0.0'));
  assert.ok(!isZeroDecimal('0.001') && !isZeroDecimal('x0') && !isZeroDecimal(''));
});

test('instants show in local time to the minute', async () => {
  const { displayTimestamp } = await import('../src/format');
  const zone = process.env.TZ;
  try {
    process.env.TZ = 'Asia/Shanghai';
    assert.equal(displayTimestamp('2026-11-22T09:00:00Z'), '2026-11-22 17:00');
    assert.equal(displayTimestamp('2026-12-31T20:05:59Z'), '2027-01-01 04:05');
    process.env.TZ = 'UTC';
    assert.equal(displayTimestamp('2026-11-22T09:00:00Z'), '2026-11-22 09:00');
  } finally {
    if (zone === undefined) delete process.env.TZ;
    else process.env.TZ = zone;
  }
  assert.equal(displayTimestamp('yesterday'), 'yesterday');
  assert.equal(displayTimestamp('2026-13-45T99:00:00Z'), '2026-13-45T99:00:00Z');
});

test('differences carry their sign; percentages one decimal', async () => {
  const { displaySignedAmount, displaySignedPercent } = await import('../src/format');
  assert.equal(displaySignedAmount('82.6421'), '+82.64');
  assert.equal(displaySignedAmount('-1234.5'), '-1,234.50');
  assert.equal(displaySignedAmount('0.004'), '0.00');
  assert.equal(displaySignedPercent('0.0544630147097590552011388201'), '+5.4 %');
  assert.equal(displaySignedPercent('-0.0544630147'), '-5.4 %');
  assert.equal(displaySignedPercent('-0.12'), '-12.0 %');
  assert.equal(displaySignedPercent('0.00049'), '0.0 %');
  assert.equal(displaySignedPercent('-0.0005'), '-0.1 %');
  assert.equal(displaySignedPercent('12.5'), '+1,250.0 %');
  assert.equal(displaySignedPercent('1'), '+100.0 %');
});
