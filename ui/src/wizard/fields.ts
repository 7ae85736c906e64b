// A field problem in the UI's language, from the code Rust gives with it. The field's label
// (which needs the wizard's forms) is in labels.ts, loaded with the wizard.

import type { FieldError } from '../api';
import { renderMessage } from '../messages';

/** The problem in the UI's language: from its code when Rust gave one, else as sent. */
export function fieldProblem(error: FieldError): string {
  return error.detail ? renderMessage(error.detail) : error.message;
}
