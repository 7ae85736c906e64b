// Field problems as people read them: the field by the label it has on screen ("Budget 1 ·
// Monthly amount", not `budgets[0].amount`; a product's field by its form's label) and the
// problem in the UI's language, from the code Rust gives with it.

import type { FieldError } from '../api';
import { t } from '../i18n';
import { renderMessage } from '../messages';
import { productName } from '../components/common';
import { fieldAt, partOfField } from './model';
import { fieldProblem } from './fields';

/** The on-screen label of a scenario field, from its path; '' for the whole file. */
export function fieldLabel(path: string): string {
  if (path === '') return '';
  const indexed = /^(rates|budgets)\[(\d+)\](?:\.(\w+))?$/.exec(path);
  if (indexed) {
    const [, list, index, key] = indexed;
    const n = Number(index) + 1;
    const item = list === 'rates' ? t('wizard.fieldLabels.rate', { n }) : t('wizard.fieldLabels.budget', { n });
    const keys: Record<string, string> = {
      rate: 'wizard.rate',
      date: 'wizard.rateDate',
      from: 'wizard.rateFrom',
      to: 'wizard.rateTo',
      amount: 'wizard.budgetAmount',
      warn_at: 'wizard.warnAt',
      product: 'wizard.budgetProduct',
      currency: 'wizard.currency',
    };
    return key && keys[key] ? `${item} · ${t(keys[key]!)}` : item;
  }
  const top: Record<string, string> = {
    name: 'wizard.name',
    start: 'wizard.start',
    months: 'wizard.months',
    currency: 'wizard.currency',
    rates: 'wizard.rates',
    budgets: 'wizard.step.budgets',
  };
  if (top[path]) return t(top[path]!);
  // A quantity's growth-rule part or month, or one value of a set.
  const inField = partOfField(path);
  if (inField) {
    const label = renderMessage(inField.field.label);
    if (inField.field.input.type === 'quantity') {
      return inField.part
        ? `${label} · ${t(`wizard.fieldLabels.${inField.part}`)}`
        : `${label} · ${t('wizard.fieldLabels.month', { n: (inField.index ?? 0) + 1 })}`;
    }
    // One value of a set (`tcr.needs.webhooks[1]`): the set's label.
    if (inField.index !== null) return `${productName(inField.product)} · ${label}`;
  }
  const found = fieldAt(path);
  if (found) {
    const label = renderMessage(found.field.label);
    return found.field.input.type === 'quantity' ? label : `${productName(found.product)} · ${label}`;
  }
  const [product, ...rest] = path.split('.');
  return product && rest.length > 0 && fieldAt(`${product}.site`) ? `${productName(product)} · ${rest.join('.')}` : path;
}

/** "Budget 1 · Monthly amount: is empty: enter a number". */
export function fieldErrorText(error: FieldError): string {
  const label = fieldLabel(error.path);
  return label ? `${label}: ${fieldProblem(error)}` : fieldProblem(error);
}
