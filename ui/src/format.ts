// Display of exact decimals. Amounts arrive from Rust as strings ("1234.5", "-0.125") and are
// never turned into a JavaScript number: grouping and padding work on the digits, and nothing
// is rounded here (Rust decides precision; the UI shows what it is given).

const DECIMAL = /^([+-]?)(\d+)(?:\.(\d+))?$/;

/**
 * Groups the integer digits in threes and pads the fraction to `minFraction` digits:
 * `formatDecimal("1234567.5", 2)` is `"1,234,567.50"`. Extra fraction digits are kept.
 * A string that is not a plain decimal is returned unchanged, so a bad value is visible
 * rather than hidden.
 */
export function formatDecimal(value: string, minFraction = 0): string {
  const match = DECIMAL.exec(value.trim());
  if (!match) return value;
  const [, sign = '', integerDigits = '0', fractionDigits = ''] = match;
  const integer = integerDigits.replace(/^0+(?=\d)/, '');
  const grouped = integer.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const fraction = fractionDigits.padEnd(minFraction, '0');
  const isZero = /^0*$/.test(integer + fractionDigits);
  const minus = sign === '-' && !isZero ? '-' : '';
  return minus + grouped + (fraction ? `.${fraction}` : '');
}

/** An amount with its currency code: `formatMoney("1500", "USD")` is `"1,500.00 USD"`. */
export function formatMoney(amount: string, currency: string): string {
  return `${formatDecimal(amount, 2)} ${currency}`;
}
