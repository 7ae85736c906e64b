// Small helpers the scenario screen's sections share.

/** Runs a user action, clearing and then setting the screen's notice (its return) or error. */
export type Act = (work: () => Promise<string | null>) => Promise<void>;

/** A fraction as a percentage: "0.8" → "80 %". */
export function percent(fraction: string): string {
  // Moves the decimal point two places: no float arithmetic.
  const match = /^(\d*)\.?(\d*)$/.exec(fraction);
  if (!match) return fraction;
  const whole = match[1] ?? '';
  const frac = (match[2] ?? '').padEnd(2, '0');
  const digits = (whole + frac.slice(0, 2)).replace(/^0+(?=\d)/, '');
  const rest = frac.slice(2);
  return `${digits}${rest ? `.${rest}` : ''} %`;
}
