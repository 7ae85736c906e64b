// Display of exact decimals (and of the instants Rust stamps records with). Amounts arrive
// from Rust as strings ("1234.5", "-0.125") and are never turned into a JavaScript number:
// grouping and padding work on the digits, and nothing is rounded here (Rust decides
// precision; the UI shows what it is given).

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

/**
 * Rounds a decimal string to `places` fraction digits, half away from zero, on the digits
 * themselves (no float): `roundDecimal("18272.25488", 2)` is `"18272.25"`. Display only — a
 * quote keeps its exact amounts (rule GEN-2) and exports carry them unrounded.
 */
export function roundDecimal(value: string, places: number): string {
  const match = DECIMAL.exec(value.trim());
  if (!match) return value;
  const [, sign = '', integerDigits = '0', fractionDigits = ''] = match;
  if (fractionDigits.length <= places) return value.trim();
  const kept = integerDigits + fractionDigits.slice(0, places);
  const roundUp = fractionDigits.charCodeAt(places) >= 53; // '5'
  let digits = kept.split('');
  if (roundUp) {
    let i = digits.length - 1;
    while (i >= 0) {
      if (digits[i] === '9') {
        digits[i] = '0';
        i--;
      } else {
        digits[i] = String(Number(digits[i]) + 1);
        break;
      }
    }
    if (i < 0) digits = ['1', ...digits];
  }
  const all = digits.join('');
  const integer = all.slice(0, all.length - places) || '0';
  const fraction = places > 0 ? all.slice(all.length - places) : '';
  const isZero = /^0*$/.test(integer + fraction);
  return (sign === '-' && !isZero ? '-' : '') + integer + (fraction ? `.${fraction}` : '');
}

/** An amount for reading: rounded to cents and grouped, `"18,272.25"`. */
export function displayAmount(value: string): string {
  return formatDecimal(roundDecimal(value, 2), 2);
}

/** An amount with its currency for reading: `"18,272.25 USD"`. */
export function displayMoney(amount: string, currency: string): string {
  return `${displayAmount(amount)} ${currency}`;
}

/** True for any spelling of zero: `"0"`, `"-0.00"`, `"+0.0"`. */
export function isZeroDecimal(value: string): boolean {
  return DECIMAL.test(value.trim()) && !/[1-9]/.test(value);
}

/**
 * A difference for reading, with its sign: `"+12.50 USD"`, `"-3.00 USD"`, and no sign when
 * it shows as zero (`"0.004"` reads `"0.00 USD"`). Rust computes the difference; this only
 * writes it.
 */
export function displaySignedMoney(amount: string, currency: string): string {
  if (!DECIMAL.test(amount.trim())) return `${amount} ${currency}`;
  const shown = displayAmount(amount);
  const sign = shown.startsWith('-') || isZeroDecimal(shown.replace(/,/g, '')) ? '' : '+';
  return `${sign}${shown} ${currency}`;
}

/** A difference for reading, with its sign and no currency: `"+12.50"`, `"-3.00"`, `"0.00"`. */
export function displaySignedAmount(amount: string): string {
  if (!DECIMAL.test(amount.trim())) return amount;
  const shown = displayAmount(amount);
  const sign = shown.startsWith('-') || isZeroDecimal(shown.replace(/,/g, '')) ? '' : '+';
  return `${sign}${shown}`;
}

/**
 * A ratio (a fraction: `"0.0544630147"`) as a signed percentage to one decimal, rounded half
 * away from zero on the digits: `"+5.4 %"`, `"-12.0 %"`, and `"0.0 %"` when it rounds to zero.
 */
export function displaySignedPercent(fraction: string): string {
  const match = DECIMAL.exec(fraction.trim());
  if (!match) return fraction;
  const [, sign = '', integerDigits = '0', fractionDigits = ''] = match;
  // Moving the point two places right makes the fraction a percentage, exactly.
  const padded = fractionDigits.padEnd(2, '0');
  const percentText = `${integerDigits}${padded.slice(0, 2)}.${padded.slice(2) || '0'}`;
  const rounded = formatDecimal(roundDecimal(percentText, 1), 1);
  const isZero = isZeroDecimal(rounded.replace(/,/g, ''));
  const shown = isZero ? '' : sign === '-' ? '-' : '+';
  return `${shown}${rounded} %`;
}

/**
 * An instant from Rust (RFC 3339, `"2026-11-22T09:00:00Z"`) in local time to the minute:
 * `"2026-11-22 17:00"` in Shanghai. Anything else is returned unchanged.
 */
export function displayTimestamp(value: string): string {
  const time = new Date(value);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(value) || Number.isNaN(time.getTime())) return value;
  const pad = (n: number) => String(n).padStart(2, '0');
  const date = `${time.getFullYear()}-${pad(time.getMonth() + 1)}-${pad(time.getDate())}`;
  return `${date} ${pad(time.getHours())}:${pad(time.getMinutes())}`;
}

/**
 * The exact sum of decimal strings, computed on scaled BigInts (never floats):
 * `sumDecimals(["0.1", "0.2"])` is `"0.3"`. Used to show a product's projected month from its
 * lines when Rust has not already given the figure. Returns null if any value is not a decimal.
 */
export function sumDecimals(values: string[]): string | null {
  let scale = 0;
  const parts: { sign: string; int: string; frac: string }[] = [];
  for (const value of values) {
    const match = DECIMAL.exec(value.trim());
    if (!match) return null;
    const [, sign = '', int = '0', frac = ''] = match;
    parts.push({ sign, int, frac });
    scale = Math.max(scale, frac.length);
  }
  let total = 0n;
  for (const { sign, int, frac } of parts) {
    const scaled = BigInt(int + frac.padEnd(scale, '0'));
    total += sign === '-' ? -scaled : scaled;
  }
  const negative = total < 0n;
  const digits = (negative ? -total : total).toString().padStart(scale + 1, '0');
  const int = digits.slice(0, digits.length - scale);
  const frac = scale > 0 ? digits.slice(digits.length - scale) : '';
  return (negative ? '-' : '') + int + (frac ? `.${frac}` : '');
}
