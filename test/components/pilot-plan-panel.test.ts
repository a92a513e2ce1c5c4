import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { pilotEn } from '../../src-main/core/i18n/pilot-en.js';
import { fitLaw } from '../../src-main/core/law/fit.js';
import { validateHeldOut } from '../../src-main/core/law/held-out.js';
import { planPilot, type PilotPlan } from '../../src-main/core/law/pilot-plan.js';
import { PRESETS } from '../../src-main/core/law/presets.js';
import type { AdvisorApi } from '../../src-main/ipc/contract.js';
import FitValidation from '../../src-renderer/fit/FitValidation.svelte';
import PilotPlanPanel from '../../src-renderer/fit/PilotPlanPanel.svelte';
import { i18n } from '../../src-renderer/lib/i18n.svelte.js';
import { pilotPlanner } from '../../src-renderer/lib/pilot-plan.svelte.js';
import { t5Runs } from '../support/paper-runs.js';

let plan: PilotPlan;
const calls: { channel: string; args: unknown }[] = [];

function bridge(answers: Partial<Record<keyof AdvisorApi, (args: never) => unknown>>): void {
  const api: Record<string, unknown> = {};
  for (const [channel, answer] of Object.entries(answers)) {
    api[channel] = async (args: never) => {
      calls.push({ channel, args });
      try {
        return { ok: true, value: await answer!(args) };
      } catch (error) {
        return { ok: false, error: (error as Error).message };
      }
    };
  }
  (globalThis as Record<string, unknown>).advisor = api;
}

beforeAll(() => {
  plan = planPilot({ law: PRESETS.vit, family: 'vit', budgetGpuHours: 100, gpuFlops: 312e12, utilisation: 0.4, realisations: 8 });
});
beforeEach(() => {
  i18n.set('en');
  calls.length = 0;
  pilotPlanner.plan = null;
  pilotPlanner.error = null;
  pilotPlanner.budget = '200';
  pilotPlanner.utilisationPercent = '40';
});
afterEach(() => {
  cleanup();
  delete (globalThis as Record<string, unknown>).advisor;
});

describe('the pilot-plan panel', () => {
  it('sends the budget and GPU as the main process expects, then shows the runs, the intervals and the extrapolation', async () => {
    bridge({ planPilot: () => ({ plan, csv: '' }), exportPilotCsv: () => ({ path: '/tmp/plan.csv' }) });
    render(PilotPlanPanel);
    await fireEvent.input(screen.getByLabelText(pilotEn.plan.budget), { target: { value: '100' } });
    await fireEvent.click(screen.getByRole('button', { name: pilotEn.plan.run }));
    await screen.findByText(/runs, .* of 100 GPU-hours/);
    expect(calls[0]).toEqual({
      channel: 'planPilot',
      args: { family: 'vit', coefficients: null, budgetGpuHours: 100, gpuFlops: 312e12, utilisation: 0.4, tokensPerUnit: 197, targetNonzero: undefined, targetSparsities: [0.5, 0.75], seed: 0 },
    });
    expect(screen.getAllByRole('row')).toHaveLength(plan.runs.length + 1);
    expect(screen.getByText(/^m\(75%\): 2\.17/)).toBeTruthy();
    expect(screen.getByText(/even after this fit/)).toBeTruthy();
    await fireEvent.click(screen.getByRole('button', { name: pilotEn.plan.export }));
    await screen.findByText(/Saved to \/tmp\/plan\.csv/);
    expect((calls[1]!.args as { runs: unknown[] }).runs).toHaveLength(plan.runs.length);
  });

  it('names the field to fix before asking the main process', async () => {
    bridge({ planPilot: () => ({ plan, csv: '' }) });
    render(PilotPlanPanel);
    await fireEvent.input(screen.getByLabelText(pilotEn.plan.utilisation), { target: { value: '0' } });
    await fireEvent.click(screen.getByRole('button', { name: pilotEn.plan.run }));
    expect((await screen.findByRole('alert')).textContent).toContain(`“${pilotEn.plan.utilisation}”`);
    expect(calls).toHaveLength(0);
  });

  it('turns a budget that is too small into the smallest one that works, in Japanese too', async () => {
    bridge({
      planPilot: () => {
        throw new Error('budgetGpuHours: 5 GPU-hours is too small for the minimum design (…); the smallest budget that works is 38 GPU-hours at this GPU and utilisation');
      },
    });
    i18n.set('ja');
    render(PilotPlanPanel);
    await fireEvent.click(screen.getByRole('button', { name: '計画する' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('必要な最小の予算は38GPU時間です'));
  });
});

describe('the fit’s held-out checks', () => {
  it('shows the verdict, the errors in model size, and why the data check is not possible for T5', () => {
    const runs = t5Runs();
    const heldOut = validateHeldOut(runs, fitLaw(runs, { huberDelta: 0.001, logResiduals: true, starts: 4, seed: 0, dataUnit: 'tokens' }).settings);
    render(FitValidation, { heldOut, trust: null, dataUnit: 'tokens' });
    expect(screen.getAllByText(pilotEn.verdict[heldOut.verdict!]).length).toBeGreaterThan(0);
    expect(screen.getByText(/As model size: mean/)).toBeTruthy();
    expect(screen.getByText(/only 3 data amounts/)).toBeTruthy();
  });
});
