// Messages of the pricing core (notes, reasons, shortfalls, labels) arrive as a code with
// arguments and are put into words here, in the UI's language, from the same catalogues the
// command line renders them from (src-tauri/crates/pricing/messages/*.json, merged into the
// translations by i18n.ts). The rules match `pricing::message::Message::render`:
// - `{{name}}` is an argument; a nested message is rendered first, a list of messages is
//   joined with `messages.list_separator`;
// - `$t(key)` is another catalogue entry (i18next nesting);
// - a boolean argument that is true selects the variant `<code>_<name>` when it exists.

import i18next from 'i18next';
import type { Message } from './bindings';
import { language } from './i18n';

type Arg = Message['args'][string];

function isMessage(value: unknown): value is Message {
  return typeof value === 'object' && value !== null && 'code' in value && 'args' in value;
}

function argText(value: Arg): string {
  if (Array.isArray(value)) return value.map(renderMessage).join(i18next.t('messages.list_separator', { lng: language.value }));
  if (isMessage(value)) return renderMessage(value);
  return String(value);
}

/** The message in words, in the current language. */
export function renderMessage(message: Message): string {
  const lng = language.value;
  const values: Record<string, string> = {};
  let context: string | undefined;
  for (const [name, value] of Object.entries(message.args)) {
    values[name] = argText(value);
    if (value === true && context === undefined && i18next.exists(`messages.${message.code}_${name}`, { lng })) {
      context = name;
    }
  }
  const key = `messages.${message.code}`;
  if (!i18next.exists(key, { lng })) return message.code;
  return i18next.t(key, { lng, ...values, ...(context ? { context } : {}) });
}

/** Several messages as one text, in the current language. */
export function renderMessages(messages: readonly Message[]): string {
  return messages.map(renderMessage).join(i18next.t('messages.list_separator', { lng: language.value }));
}

/**
 * The codes of messages, for the `data-code` (or `data-title-code`) attribute of the element
 * that shows them: the E2E tests find every core message by it and check its language.
 */
export function messageCodes(messages: readonly Message[]): string {
  return messages.map((m) => m.code).join(' ');
}

/** A user price's note: the user's own words, shown as written in every language. */
export function isUserText(message: Message): boolean {
  return message.code === 'price.user_note';
}
