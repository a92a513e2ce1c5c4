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

  it('shows the value, its unit and its source', () => {
    render(QuantityField, { spec: spec('trainingData') });
    const input = screen.getByLabelText('Training data of the baseline') as HTMLInputElement;
    expect(input.value).toBe('1.8e9');
    expect(screen.getByText('images')).toBeTruthy();
    expect(screen.getByText('Default')).toBeTruthy();
  });

  it('reads suffixed numbers and marks the value as the user’s own', async () => {
    render(QuantityField, { spec: spec('trainingData') });
    const input = screen.getByLabelText('Training data of the baseline');
    await fireEvent.input(input, { target: { value: '3.6B' } });
    expect(advisor.scenario.baseline.trainingData.value).toBe(3.6e9);
    expect(advisor.scenario.baseline.trainingData.source?.kind).toBe('user');
  });

  it('takes percentages as people write them', async () => {
    render(QuantityField, { spec: spec('riskBuffer') });
    const input = screen.getByLabelText('Risk buffer on engineering') as HTMLInputElement;
    expect(input.value).toBe('30');
    await fireEvent.input(input, { target: { value: '50' } });
    expect(advisor.scenario.engineering.riskBuffer.value).toBe(0.5);
  });

  it('says what is wrong with text that is not a number, and keeps the last good value', async () => {
    render(QuantityField, { spec: spec('requestsPerDay') });
    await fireEvent.input(screen.getByLabelText('Requests per day'), { target: { value: 'lots' } });
    expect(screen.getByRole('alert').textContent).toContain('Enter a number');
    expect(advisor.scenario.deployment.requestsPerDay.value).toBe(100_000);
  });

  it('shows the schema’s complaint about a value outside the sensible range', async () => {
    render(QuantityField, { spec: spec('trainingUtilisation') });
    await fireEvent.input(screen.getByLabelText('Training utilisation'), { target: { value: '150' } });
    expect(screen.getByRole('alert').textContent).toContain('at most 1');
    expect(advisor.outcome.result).toBeNull();
  });

  it('speaks Japanese when switched', async () => {
    i18n.set('ja');
    render(QuantityField, { spec: spec('trainingData') });
    expect(screen.getByLabelText('ベースラインの学習データ')).toBeTruthy();
    expect(screen.getByText('枚')).toBeTruthy();
  });
});
