import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import QuantityField from '../../src-renderer/components/QuantityField.svelte';
import { defaultScenario } from '../../src-main/core/roi/defaults.js';
import { FIELDS } from '../../src-renderer/lib/fields.js';
import { i18n } from '../../src-renderer/lib/i18n.svelte.js';
import { advisor } from '../../src-renderer/lib/state.svelte.js';

const spec = (id: string) => FIELDS.find((f) => f.id === id)!;

describe('QuantityField', () => {
  afterEach(cleanup);
  beforeEach(() => {
    i18n.set('en');
    advisor.load(defaultScenario('vit'));
  });

  it('shows the value in the reader’s form, never in scientific notation, with its unit and source', () => {
    render(QuantityField, { spec: spec('trainingData') });
    const input = screen.getByLabelText('Training data of the baseline') as HTMLInputElement;
    expect(input.value).toBe('1.8B');
    expect(screen.getByText('images')).toBeTruthy();
    expect(screen.getByText('App default')).toBeTruthy();
  });

  it('reads suffixed numbers and marks the value as the user’s own', async () => {
    render(QuantityField, { spec: spec('trainingData') });
    const input = screen.getByLabelText('Training data of the baseline');
    await fireEvent.input(input, { target: { value: '3.6B' } });
    expect(advisor.scenario.baseline.trainingData.value).toBe(3.6e9);
    expect(advisor.scenario.baseline.trainingData.source?.kind).toBe('user');
  });

  it.each([
    ['18億', 1.8e9],
    ['1,000万', 1e7],
    ['8,490万', 84_900_000],
    ['１８億', 1.8e9],
  ])('accepts %s as typed in Japanese', async (typed, value) => {
    render(QuantityField, { spec: spec('availableData') });
    await fireEvent.input(screen.getByLabelText('Data available in total'), { target: { value: typed } });
    expect(advisor.scenario.baseline.availableData.value).toBe(value);
    expect(advisor.draftAt('baseline.availableData.value')).toBeUndefined();
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
    expect(advisor.scenario.deployment.requestsPerDay.value).toBe(2e6);
  });

  it('says what is wrong with a value outside the sensible range, in the field’s own terms', async () => {
    render(QuantityField, { spec: spec('trainingUtilisation') });
    await fireEvent.input(screen.getByLabelText('Training utilisation'), { target: { value: '150' } });
    expect(screen.getByText('“Training utilisation” must be at most 100%.')).toBeTruthy();
    expect(advisor.outcome.result).toBeNull();
  });

  it('speaks Japanese when switched, with Japanese numbers in the box', async () => {
    i18n.set('ja');
    render(QuantityField, { spec: spec('trainingData') });
    const input = screen.getByLabelText('基準モデルの学習データ') as HTMLInputElement;
    expect(input.value).toBe('18億');
    expect(screen.getByText('枚')).toBeTruthy();
    await fireEvent.input(input, { target: { value: 'たくさん' } });
    expect(screen.getByText('「基準モデルの学習データ」には数値を入力してください（例：15億、1500000000、1.5e9）。')).toBeTruthy();
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
