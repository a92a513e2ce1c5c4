/**
 * The problems of the state as the error summary and the inline errors show them: a sentence in
 * the reader's language naming the field, and the id of the element to jump to. Raw scenario
 * paths stay inside (`key`); nothing here returns one for display.
 */
import type { Translator } from '../../src-main/core/i18n/index.js';
import { describeIssue } from '../../src-main/core/i18n/issues.js';
import type { Scenario } from '../../src-main/core/roi/scenario.js';
import { fieldOfPath, type StepId } from './fields.js';
import type { Issue } from './state.svelte.js';

export interface ShownIssue {
  key: string;
  message: string;
  step: StepId;
  /** The id of the element that holds the answer: the input, or the section it sits in. */
  target: string;
}

/** The id a field's input has on its own page, or in the check page's table. */
export function inputId(fieldId: string, onCheckPage: boolean): string {
  return `field-${fieldId}${onCheckPage ? '-check' : ''}`;
}

function targetOf(key: string, onCheckPage: boolean): string {
  const field = fieldOfPath(key);
  if (field) return inputId(field.id, onCheckPage && field.step !== 'start');
  const [head, second, third] = key.split('.');
  if (head === 'deployment' && second === 'speedup') return 'hw-assumed';
  if (head === 'uncertainty' && second === 'ranges' && third) return `range-${third}`;
  return 'main';
}

export function issueMessage(issue: Issue, tr: Translator, scenario: Scenario): string {
  const training = scenario.baseline.trainingData;
  const other = tr.quantity(training.value, tr.t(`ui.unitName.${training.unit}`));
  return describeIssue(issue, tr, scenario.currency, other).message;
}

export function showIssues(issues: readonly Issue[], tr: Translator, scenario: Scenario, onCheckPage = false): ShownIssue[] {
  const seen = new Set<string>();
  const shown: ShownIssue[] = [];
  for (const issue of issues) {
    const message = issueMessage(issue, tr, scenario);
    if (seen.has(message)) continue;
    seen.add(message);
    shown.push({ key: issue.key, message, step: issue.step, target: targetOf(issue.key, onCheckPage) });
  }
  return shown;
}
