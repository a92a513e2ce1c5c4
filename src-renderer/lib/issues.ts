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

/** Where an answer that is not a single number field sits on its own page. */
function pageTarget(key: string): string {
  const parts = key.split('.');
  const [head, second, third, fourth, fifth] = parts;
  if (head === 'baseline' && second === 'status') return 'situation-status';
  if (head === 'deployment' && second === 'kind') return 'situation-deployment';
  if (head === 'architecture') return 'data-architecture';
  if (head === 'uncertainty' && second === 'ranges' && third) return `range-${third}`;
  if (head === 'sparsity') return 'hw-choice';
  if (head !== 'deployment') return 'main';
  switch (second) {
    case 'speedup':
      if (third === 'assumed') return fourth !== undefined ? `hw-assumed-${fourth}-${fifth ?? 'value'}` : 'hw-assumed';
      if (third === 'benchmarkId') return 'hw-measured';
      if (third === 'publishedTarget') return 'hw-published';
      if (third === 'provider') return 'hw-provider';
      return 'hw-choice';
    case 'lines':
    case 'steps':
      return third !== undefined && fourth !== undefined ? `${second === 'lines' ? 'line' : 'step'}-${third}-${fourth}` : `fleet-${second}`;
    case 'throughput':
      return third === 'requestsPerSecond' || third === 'latencyMs' ? `throughput-${third}` : 'fleet-throughput';
    default:
      return 'main';
  }
}

/** The page to go to and the element there; on the check page, number fields are edited in place. */
function placeOf(issue: Issue, onCheckPage: boolean): { step: StepId; target: string } {
  const field = fieldOfPath(issue.key);
  if (field) return onCheckPage ? { step: 'check', target: inputId(field.id, true) } : { step: field.step, target: inputId(field.id, false) };
  return { step: issue.step, target: pageTarget(issue.key) };
}

export function issueMessage(issue: Issue, tr: Translator, scenario: Scenario): string {
  const available = scenario.data.available;
  const other = tr.quantity(available.value, tr.t(`ui.unitName.${available.unit}`));
  return describeIssue(issue, tr, scenario.currency, other).message;
}

export function showIssues(issues: readonly Issue[], tr: Translator, scenario: Scenario, onCheckPage = false): ShownIssue[] {
  const seen = new Set<string>();
  const shown: ShownIssue[] = [];
  for (const issue of issues) {
    const message = issueMessage(issue, tr, scenario);
    if (seen.has(message)) continue;
    seen.add(message);
    shown.push({ key: issue.key, message, ...placeOf(issue, onCheckPage) });
  }
  return shown;
}
