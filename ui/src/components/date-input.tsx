// A date (or month) field that reads what people type — 2026-12-02, 2026/12/2, 2026年12月2日,
// full-width digits — and always shows the unambiguous YYYY-MM-DD. The browser's own date field
// follows the system's locale instead of the app's language (12/02/2026 in a Chinese window),
// and 12/02/2026 is 2 December or 12 February depending on who reads it.

import { useEffect } from 'preact/hooks';
import { useSignal } from '@preact/signals';
import { t } from '../i18n';
import { readTypedDate, readTypedMonth } from '../numbers';

export function DateInput(props: {
  value: string;
  /** The date as YYYY-MM-DD (YYYY-MM for a month) once readable, else the text as typed. */
  onChange: (value: string) => void;
  month?: boolean;
  test?: string;
  label?: string;
  class?: string;
}) {
  const text = useSignal(props.value);
  // Follow the value when it changes from outside (a loaded draft, a reset filter).
  useEffect(() => {
    const read = props.month ? readTypedMonth(text.value) : readTypedDate(text.value);
    if (read !== props.value && text.value.trim() !== props.value) text.value = props.value;
  }, [props.value]);
  const read = (raw: string) => (props.month ? readTypedMonth(raw) : readTypedDate(raw));
  const invalid = text.value.trim() !== '' && read(text.value) === null;
  return (
    <input
      class={`${props.class ?? 'input'}${invalid ? ' invalid' : ''}`}
      type="text"
      inputMode="numeric"
      autoComplete="off"
      placeholder={props.month ? t('common.monthFormat') : t('common.dateFormat')}
      value={text.value}
      aria-label={props.label}
      aria-invalid={invalid ? 'true' : undefined}
      onInput={(event) => {
        const raw = (event.target as HTMLInputElement).value;
        text.value = raw;
        props.onChange(read(raw) ?? raw.trim());
      }}
      onBlur={() => {
        const iso = read(text.value);
        if (iso) text.value = iso;
      }}
      data-test={props.test}
    />
  );
}
