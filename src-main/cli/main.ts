/**
 * sparsity-advisor: the app's engine without a display. Human-readable output by default,
 * one JSON document with --json; bad input gives a one-line error on stderr and exit code 2.
 */
import { InputError } from '../core/input.js';
import { BENCH_USAGE, benchCommand } from './bench-command.js';
import type { CommandResult } from './command.js';
import { FIT_USAGE, fitCommand } from './fit-command.js';
import { LAW_USAGE, lawCommand } from './law-command.js';
import { MEMO_USAGE, memoCommand } from './memo-command.js';
import { OPTIMAL_USAGE, optimalCommand } from './optimal-command.js';
import { PILOT_PLAN_USAGE, pilotPlanCommand } from './pilot-plan-command.js';
import { SCENARIOS_USAGE, scenariosCommand } from './scenarios-command.js';
import { ROI_USAGE, roiCommand } from './roi-command.js';

/** Most commands answer at once; bench runs for a while and answers with a promise. It may also set the exit code. */
type CommandOutcome = CommandResult & { exitCode?: number };

const COMMANDS: Record<string, { usage: string; run: (argv: string[]) => CommandOutcome | Promise<CommandOutcome> }> = {
  law: { usage: LAW_USAGE, run: lawCommand },
  optimal: { usage: OPTIMAL_USAGE, run: optimalCommand },
  fit: { usage: FIT_USAGE, run: fitCommand },
  'pilot-plan': { usage: PILOT_PLAN_USAGE, run: pilotPlanCommand },
  scenarios: { usage: SCENARIOS_USAGE, run: scenariosCommand },
  roi: { usage: ROI_USAGE, run: roiCommand },
  memo: { usage: MEMO_USAGE, run: memoCommand },
  bench: { usage: BENCH_USAGE, run: benchCommand },
};

const USAGE = [
  'Usage: sparsity-advisor <command> [options]',
  '',
  ...Object.values(COMMANDS).map((c) => `  sparsity-advisor ${c.usage}`),
  '',
  'Numbers accept suffixes: 85M, 1.8B, 2T. Data is images for vit, tokens for t5.',
].join('\n');

export async function runCli(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    return { code: name === undefined ? 2 : 0, stdout: name === undefined ? '' : `${USAGE}\n`, stderr: name === undefined ? `${USAGE}\n` : '' };
  }
  const command = COMMANDS[name];
  if (!command) return { code: 2, stdout: '', stderr: `sparsity-advisor: unknown command ${JSON.stringify(name)}\n${USAGE}\n` };
  try {
    const result = await command.run(rest);
    const output = rest.includes('--json') ? JSON.stringify(result.document, null, 2) : result.text;
    return { code: result.exitCode ?? 0, stdout: `${output}\n`, stderr: '' };
  } catch (error) {
    const message = (error as Error).message.replace(/\s+/g, ' ');
    const code = error instanceof InputError ? 2 : 1;
    return { code, stdout: '', stderr: `sparsity-advisor ${name}: error: ${message}\n` };
  }
}

const { code, stdout, stderr } = await runCli(process.argv.slice(2));
process.stdout.write(stdout);
process.stderr.write(stderr);
process.exitCode = code;
