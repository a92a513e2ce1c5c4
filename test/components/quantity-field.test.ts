import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import QuantityField from '../../src-renderer/components/QuantityField.svelte';
import { defaultScenario } from '../../src-main/core/roi/defaults.js';
import { FIELDS } from '../../src-renderer/lib/fields.js';
import { i18n } from '../../src-renderer/lib/i18n.svelte.js';
import { advisor } from '../../src-renderer/lib/state.svelte.js';

const spec = (id: string) => FIELDS.find((f) => f.id === id)!;

/** The default scenario with the speed-up answered (assumed ×1.5 at 50 %), so a result can be computed. */
function answered() {
  const scenario = defaultScenario('vit');
  scenario.deployment.speedup = { ...scenario.deployment.speedup, source: 'assumed', assumed: [{ sparsity: 0.5, value: 1.5, low: 1.3, high: 1.6 }] };
  return scenario;
}

describe('QuantityField', () => {
  afterEach(cleanup);
  beforeEach(() => {
    i18n.set('en');
    advisor.load(answered());
  });

  it('shows the value in the reader’s form, never in scientific notation, with its unit and source', () => {
    render(QuantityField, { spec: spec('uniqueData') });
    const input = screen.getByLabelText('Unique training data') as HTMLInputElement;
    expect(input.value).toBe('1.8B');
    expect(screen.getByText('images')).toBeTruthy();
    expect(screen.getByText('App default')).toBeTruthy();
  });

  it('reads suffixed numbers and marks the value as the user’s own', async () => {
    render(QuantityField, { spec: spec('uniqueData') });
    const input = screen.getByLabelText('Unique training data');
    await fireEvent.input(input, { target: { value: '3.6B' } });
    expect(advisor.scenario.baseline.uniqueData.value).toBe(3.6e9);
    expect(advisor.scenario.baseline.uniqueData.source?.kind).toBe('user');
  });

  it.each([
    ['18億', 1.8e9],
    ['1,000万', 1e7],
    ['8,490万', 84_900_000],
    ['１８億', 1.8e9],
  ])('accepts %s as typed in Japanese', async (typed, value) => {
    render(QuantityField, { spec: spec('availableData') });
    await fireEvent.input(screen.getByLabelText('Unique data available in all'), { target: { value: typed } });
    expect(advisor.scenario.data.available.value).toBe(value);
    expect(advisor.draftAt('data.available.value')).toBeUndefined();
  });

  it('takes percentages as people write them', async () => {
    render(QuantityField, { spec: spec('riskBuffer') });
    const input = screen.getByLabelText('Risk buffer on engineering') as HTMLInputElement;
    expect(input.value).toBe('30');
    await fireEvent.input(input, { target: { value: '50' } });
    expect(advisor.scenario.engineering.riskBuffer.value).toBe(0.5);
    await fireEvent.input(input, { target: { value: '40 %' } });
    expect(advisor.scenario.engineering.riskBuffer.value).toBe(0.4);
  });

  it('keeps refused text with its error, marks the state invalid and never computes from the old value', async () => {
    render(QuantityField, { spec: spec('requestsPerDay') });
    const input = screen.getByLabelText('Requests per day') as HTMLInputElement;
    await fireEvent.input(input, { target: { value: 'lots' } });
    expect(screen.getByText('Enter a number for “Requests per day”, for example 1500000000, 1.5B or 1.5e9.')).toBeTruthy();
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(advisor.outcome.result).toBeNull();
    await fireEvent.blur(input);
    expect(input.value).toBe('lots');
    advisor.go('money');
    expect(advisor.next()).toBe(false);
    expect(advisor.step).toBe('money');
    expect(advisor.summaryFor).toBe('money');
    await fireEvent.input(input, { target: { value: '2M' } });
    expect(advisor.outcome.result).not.toBeNull();
    const deployment = advisor.scenario.deployment;
    expect(deployment.kind === 'metered' && deployment.requestsPerDay.value).toBe(2e6);
  });

  it('takes whole numbers only for counts, and says so', async () => {
    render(QuantityField, { spec: spec('trainingGpus') });
    const input = screen.getByLabelText('GPUs per training run');
    await fireEvent.input(input, { target: { value: '2.5' } });
    expect(screen.getByText('Enter a whole number for “GPUs per training run”, for example 24.')).toBeTruthy();
    expect(advisor.scenario.training.gpus.value).toBe(8);
    await fireEvent.input(input, { target: { value: '１６' } });
    expect(advisor.scenario.training.gpus.value).toBe(16);
    expect(screen.getByText('GPUs')).toBeTruthy();
  });

  it('prices more data per image, or per token, in the scenario’s currency', () => {
    advisor.scenario.currency = 'JPY';
    i18n.set('ja');
    render(QuantityField, { spec: spec('dataCost') });
    expect(screen.getByText('円/枚')).toBeTruthy();
    cleanup();
    advisor.load(defaultScenario('t5'));
    i18n.set('en');
    render(QuantityField, { spec: spec('dataCost') });
    expect(screen.getByText('USD per token')).toBeTruthy();
  });

  it('says what is wrong with a value outside the sensible range, in the field’s own terms', async () => {
    render(QuantityField, { spec: spec('trainingUtilisation') });
    await fireEvent.input(screen.getByLabelText('Training utilisation'), { target: { value: '150' } });
    expect(screen.getByText('“Training utilisation” must be at most 100%.')).toBeTruthy();
    expect(advisor.outcome.result).toBeNull();
  });

  it('speaks Japanese when switched, with Japanese numbers in the box', async () => {
    i18n.set('ja');
    render(QuantityField, { spec: spec('uniqueData') });
    const input = screen.getByLabelText('学習データ（重複を除く）') as HTMLInputElement;
    expect(input.value).toBe('18億');
    expect(screen.getByText('枚')).toBeTruthy();
    await fireEvent.input(input, { target: { value: 'たくさん' } });
    expect(screen.getByText('「学習データ（重複を除く）」には数値を入力してください（例：15億、1500000000、1.5e9）。')).toBeTruthy();
  });

  it('opens the explanation of its term from the ⓘ, and closes it with Escape', async () => {
    render(QuantityField, { spec: spec('params') });
    const info = screen.getByRole('button', { name: 'What is “Non-zero parameters”?' });
    expect(info.getAttribute('aria-expanded')).toBe('false');
    await fireEvent.click(info);
    expect(info.getAttribute('aria-expanded')).toBe('true');
    expect(screen.getByRole('note').textContent).toContain('The number of weights the model actually computes with');
    await fireEvent.keyDown(screen.getByRole('note'), { key: 'Escape' });
    expect(info.getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByRole('note')).toBeNull();
  });
});
