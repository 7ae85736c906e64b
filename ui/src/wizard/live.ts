// The live quote of the scenario being edited, shared by the wizard and the side panel.
// The wizard asks for a preview on every change (debounced); answers to older requests are
// dropped, so a slow preview never overwrites a newer one.

import { signal } from '@preact/signals';
import { api, CommandError, type Preview } from '../api';

export const livePreview = signal<Preview | null>(null);
export const livePending = signal(false);
export const liveError = signal<CommandError | null>(null);
/**
 * The problems the wizard shows now: of fields the user has left or of steps they moved on
 * from (never of a field not yet touched). The panel lists these; others only make it say
 * that the scenario is not complete yet.
 */
export const liveShownErrors = signal<ShownProblem[]>([]);

/** A field problem as the panel lists it: its path and its text with the field's label. */
export interface ShownProblem {
  path: string;
  text: string;
}
/** The budget names of the previewed document: its chart shows them as written. */
export const liveBudgetNames = signal<string[]>([]);

function budgetNames(document: string): string[] {
  try {
    const budgets = (JSON.parse(document) as { budgets?: { name?: unknown }[] }).budgets ?? [];
    return budgets.map((b) => (typeof b.name === 'string' ? b.name : ''));
  } catch {
    return [];
  }
}

let sequence = 0;
let timer: ReturnType<typeof setTimeout> | undefined;

export function requestPreview(document: string, theme: string, lang: string, delay = 100): void {
  if (timer) clearTimeout(timer);
  livePending.value = true;
  timer = setTimeout(() => {
    const mine = ++sequence;
    api.previewQuote(document, theme, lang).then(
      (preview) => {
        if (mine !== sequence) return;
        livePreview.value = preview;
        liveBudgetNames.value = budgetNames(document);
        liveError.value = null;
        livePending.value = false;
      },
      (failure: CommandError) => {
        if (mine !== sequence) return;
        liveError.value = failure;
        livePending.value = false;
      },
    );
  }, delay);
}

export function resetPreview(): void {
  if (timer) clearTimeout(timer);
  sequence++;
  livePreview.value = null;
  liveShownErrors.value = [];
  liveError.value = null;
  livePending.value = false;
}
