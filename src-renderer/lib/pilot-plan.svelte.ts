/**
 * The pilot-plan panel's state and IPC sequence: the form as typed, its checks (each message
 * names the field, in the current language), planning in the main process's worker, and saving
 * the run list as CSV. PilotPlanPanel.svelte only binds and renders.
 */
import type { Args, Result } from '../../src-main/ipc/contract.js';
import { parseQuantity } from '../../src-main/core/quantity.js';
import { call } from './api.js';
import { customLaw } from './custom-law.svelte.js';
import { i18n } from './i18n.svelte.js';

export type Plan = Result<'planPilot'>['plan'];

/** Defaults with their sources: the A100 datasheet's dense BF16 peak, a typical utilisation (defaults.ts), ViT-B/16 tokens per image. */
const DEFAULTS = { budget: '200', gpuTflops: '312', utilisationPercent: '40', tokensPerImage: '197', sparsities: '50, 75' };

class PilotPlanner {
  family = $state<'vit' | 't5'>('vit');
  useCustom = $state(false);
  budget = $state(DEFAULTS.budget);
  gpuTflops = $state(DEFAULTS.gpuTflops);
  utilisationPercent = $state(DEFAULTS.utilisationPercent);
  tokensPerImage = $state(DEFAULTS.tokensPerImage);
  /** Empty: the family's reference model (ViT-B/16 or T5-base blocks). */
  targetNonzero = $state('');
  targetSparsities = $state(DEFAULTS.sparsities);

  running = $state(false);
  plan = $state<Plan | null>(null);
  error = $state<string | null>(null);
  exported = $state<string | null>(null);

  /** The fitted law, when there is one in the same data unit as the family. */
  custom = $derived(
    customLaw.document !== null && customLaw.document.dataUnit === (this.family === 'vit' ? 'images' : 'tokens') ? customLaw.document : null,
  );

  private positive(text: string, label: string, example: string): number {
    let value = Number.NaN;
    try {
      value = parseQuantity(label, text.replace(/%\s*$/, ''));
    } catch {
      // The message below names the field in the user's language.
    }
    if (!(Number.isFinite(value) && value > 0)) throw new Error(i18n.t('pilot.plan.error.positive', { field: i18n.t(label), example }));
    return value;
  }

  /** The planning request, or an Error whose message names the field to fix. */
  args(): Args<'planPilot'> {
    const utilisation = this.positive(this.utilisationPercent, 'pilot.plan.utilisation', '40') / 100;
    if (utilisation > 1) throw new Error(i18n.t('pilot.plan.error.utilisation', { field: i18n.t('pilot.plan.utilisation') }));
    const sparsities = this.targetSparsities
      .split(/[,、\s]+/)
      .filter((part) => part !== '')
      .map((part) => Number(part.replace(/%$/, '')) / 100);
    if (sparsities.length === 0 || sparsities.some((s) => !(s > 0 && s < 1))) {
      throw new Error(i18n.t('pilot.plan.error.sparsities', { field: i18n.t('pilot.plan.targetSparsities') }));
    }
    return {
      family: this.family,
      coefficients: this.useCustom && this.custom ? $state.snapshot(this.custom) : null,
      budgetGpuHours: this.positive(this.budget, 'pilot.plan.budget', '200'),
      gpuFlops: this.positive(this.gpuTflops, 'pilot.plan.gpuFlops', '312') * 1e12,
      utilisation,
      tokensPerUnit: this.family === 'vit' ? this.positive(this.tokensPerImage, 'pilot.plan.tokensPerUnit', '197') : 1,
      targetNonzero: this.targetNonzero.trim() === '' ? undefined : this.positive(this.targetNonzero, 'pilot.plan.targetNonzero', '85M'),
      targetSparsities: sparsities,
      seed: 0,
    };
  }

  async run(): Promise<void> {
    this.error = null;
    this.exported = null;
    let args: Args<'planPilot'>;
    try {
      args = this.args();
    } catch (error) {
      this.error = (error as Error).message;
      return;
    }
    this.running = true;
    try {
      this.plan = (await call('planPilot', args)).plan;
    } catch (error) {
      this.plan = null;
      this.error = this.explain((error as Error).message);
    } finally {
      this.running = false;
    }
  }

  /** The main process names its fields in English; a budget that is too small gets its own message with the smallest one that works. */
  private explain(message: string): string {
    const smallest = /smallest budget that works is ([\d.]+) GPU-hours/.exec(message);
    return smallest ? i18n.t('pilot.plan.error.budget', { hours: i18n.tr.number(Number(smallest[1])) }) : message;
  }

  async exportCsv(): Promise<void> {
    if (!this.plan) return;
    this.error = null;
    try {
      const runs = this.plan.runs.map(({ label, sparsity, nonzero, denseParams, data, flops, gpuHours }) => ({ label, sparsity, nonzero, denseParams, data, flops, gpuHours }));
      const saved = await call('exportPilotCsv', { runs, defaultName: `pilot-plan-${this.family}.csv` });
      if (saved) this.exported = saved.path;
    } catch (error) {
      this.error = (error as Error).message;
    }
  }
}

export const pilotPlanner = new PilotPlanner();
