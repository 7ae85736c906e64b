// Field problems as people read them: the field by the label it has on screen ("Budget 1 ·
// Monthly amount", not `budgets[0].amount`) and the problem in the UI's language, from the
// code Rust gives with it.

import type { FieldError } from '../api';
import { t } from '../i18n';
import { renderMessage } from '../messages';

const PRODUCT_STEP: Record<string, string> = { tcr: 'tcr', tcss: 'tcss', image_search: 'image_search' };

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
  const [product, ...rest] = path.split('.');
  if (!product || !PRODUCT_STEP[product]) return path;
  const stepName = t(`wizard.step.${product}`);
  // A quantity, maybe with its growth rule's part or a month of its list.
  const quantity = /^([\w.]+?)(?:\.(start|monthly_percent|monthly_add)|\[(\d+)\])?$/.exec(path);
  if (quantity) {
    const [, base = '', part, month] = quantity;
    const label = t(`wizard.q.${base}`, { defaultValue: '' });
    if (label) {
      if (part) return `${label} · ${t(`wizard.fieldLabels.${part}`)}`;
      if (month !== undefined) return `${label} · ${t('wizard.fieldLabels.month', { n: Number(month) + 1 })}`;
      return label;
    }
  }
  const own: Record<string, string> = {
    site: 'wizard.site',
    region: 'wizard.region',
    edition: 'wizard.edition',
    billing: 'wizard.billing',
    licensed_cores: 'wizard.licensedCores',
    elastic_cap: 'wizard.elasticCap',
    trial: 'wizard.trial',
  };
  const key = rest.join('.');
  return own[key] ? `${stepName} · ${t(own[key]!)}` : `${stepName} · ${key}`;
}

/** The problem in the UI's language: from its code when Rust gave one, else as sent. */
export function fieldProblem(error: FieldError): string {
  return error.detail ? renderMessage(error.detail) : error.message;
}

/** "Budget 1 · Monthly amount: is empty: enter a number". */
export function fieldErrorText(error: FieldError): string {
  const label = fieldLabel(error.path);
  return label ? `${label}: ${fieldProblem(error)}` : fieldProblem(error);
}
