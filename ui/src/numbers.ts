// Numbers as people type them. The app shows amounts grouped ("141,234.00"), so people type
// them that way too, and Chinese input methods give full-width digits ("１８００"). Every
// number field reads its text through `readTypedNumber`, which gives the plain decimal the
// scenario file and the commands take ("1800000"), or says what is wrong with it. Nothing is
// turned into a JavaScript number: the digits are kept exactly as typed.

/** Why a typed number was not read. The UI names the field and renders the reason. */
export type NumberProblem =
  /** Nothing but spaces. */
  | 'empty'
  /** Characters that are not a number: letters, two points, a sign in the middle. */
  | 'notNumber'
  /** Thousands separators in the wrong place ("1,80,000" or "1,5" for one and a half). */
  | 'grouping'
  /** A `%` where the field does not ask for a percentage. */
  | 'percentNotAsked';

export type TypedNumber = { ok: true; value: string } | { ok: false; problem: NumberProblem };

export interface TypedNumberOptions {
  /** The field asks for a percentage, so a trailing `%` is accepted and dropped. */
  percent?: boolean;
}

// Full-width forms (U+FF01…U+FF5E) of the characters a number can hold, as Chinese and
// Japanese input methods type them, and the ideographic comma and full stop.
const WIDE: Record<string, string> = {
  '０': '0', '１': '1', '２': '2', '３': '3', '４': '4',
  '５': '5', '６': '6', '７': '7', '８': '8', '９': '9',
  '．': '.', '。': '.', '，': ',', '＋': '+', '－': '-', '−': '-', '％': '%',
};

// Spaces people and spreadsheets put between digit groups: ordinary, no-break, narrow
// no-break, thin and ideographic.
const SPACE = /[ \u00a0\u202f\u2009\u3000]/;

const PLAIN = /^([+-]?)(\d+)(?:\.(\d+))?$/;
const LEADING_POINT = /^([+-]?)\.(\d+)$/;

/**
 * Reads a number as typed: `"1,800,000"`, `"1 800 000"`, `"１８００"`, `" 12.5 "`, `"-3"`,
 * and with `{ percent: true }` `"15%"`. Returns the plain decimal (`"1800000"`, `"0.5"` for
 * `".5"`) or the problem. Groups must be of three digits, left of the point only.
 */
export function readTypedNumber(text: string, options: TypedNumberOptions = {}): TypedNumber {
  let normal = '';
  for (const char of text) normal += WIDE[char] ?? char;
  normal = normal.trim();
  if (normal === '') return { ok: false, problem: 'empty' };
  if (normal.endsWith('%')) {
    if (!options.percent) return { ok: false, problem: 'percentNotAsked' };
    normal = normal.slice(0, -1).trimEnd();
    if (normal === '') return { ok: false, problem: 'empty' };
  }
  if (normal.includes(',') || SPACE.test(normal)) {
    const ungrouped = ungroup(normal);
    if (ungrouped === null) return { ok: false, problem: PLAIN_OR_GROUPED.test(normal) ? 'grouping' : 'notNumber' };
    normal = ungrouped;
  }
  const point = LEADING_POINT.exec(normal);
  if (point) normal = `${point[1]}0.${point[2]}`;
  if (!PLAIN.test(normal)) return { ok: false, problem: 'notNumber' };
  return { ok: true, value: normal.startsWith('+') ? normal.slice(1) : normal };
}

// Digits, separators, at most one point and a leading sign: a number, whatever its grouping.
const PLAIN_OR_GROUPED = /^[+-]?[\d, \u00a0\u202f\u2009\u3000]+(\.\d+)?$/;

/**
 * Drops thousands separators when they group the integer digits in threes: `"1,800,000.5"` is
 * `"1800000.5"`. One kind of separator per number; `null` when the grouping is not that.
 */
function ungroup(text: string): string | null {
  const match = /^([+-]?)([^.]+)(\.\d+)?$/.exec(text);
  if (!match) return null;
  const [, sign = '', integer = '', fraction = ''] = match;
  const separators = new Set(integer.replace(/\d/g, ''));
  if (separators.size !== 1) return null;
  const groups = integer.split(SPACE.test(integer) ? SPACE : ',');
  const [first = '', ...rest] = groups;
  if (!/^\d{1,3}$/.test(first) || rest.length === 0 || !rest.every((g) => /^\d{3}$/.test(g))) return null;
  return sign + groups.join('') + fraction;
}

/**
 * The text a field should send: the plain decimal when the typed text reads as a number, and
 * otherwise the text as typed (trimmed), so the check behind it reports the field with its
 * path and nothing is silently changed.
 */
export function typedOrAsIs(text: string, options: TypedNumberOptions = {}): string {
  const read = readTypedNumber(text, options);
  return read.ok ? read.value : text.trim();
}

const WIDE_DATE: Record<string, string> = { '／': '/', '－': '-', '．': '.', '。': '.' };

/**
 * Reads a date as people type it — `2026-12-02`, `2026/12/2`, `2026.12.2`, `2026年12月2日`,
 * with full-width digits too — as `YYYY-MM-DD`; `null` when it is not a real date. Only the
 * year-first order is read: `12/02/2026` means 2 December in one country and 12 February in
 * another, so it is refused rather than guessed.
 */
export function readTypedDate(text: string): string | null {
  let normal = '';
  for (const char of text.trim()) normal += WIDE[char] ?? WIDE_DATE[char] ?? char;
  const match = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(normal);
  if (!match) return null;
  const [, y = '', m = '', d = ''] = match;
  const month = Number(m);
  const day = Number(d);
  const days = new Date(Date.UTC(Number(y), month, 0)).getUTCDate();
  if (month < 1 || month > 12 || day < 1 || day > days) return null;
  return `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
}

/** A month as typed — `2027-01`, `2027/1`, `2027年1月` — as `YYYY-MM`; `null` otherwise. */
export function readTypedMonth(text: string): string | null {
  let normal = '';
  for (const char of text.trim()) normal += WIDE[char] ?? WIDE_DATE[char] ?? char;
  const match = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*月?$/.exec(normal);
  if (!match) return null;
  const [, y = '', m = ''] = match;
  if (Number(m) < 1 || Number(m) > 12) return null;
  return `${y}-${m.padStart(2, '0')}`;
}
