/**
 * sparsity-advisor: the app's engine without a display. runCli(argv, io) runs one command and
 * returns its exit code; it has no side effects of its own, so tests drive it in-process and the
 * entry (bin/sparsity-advisor.js) only connects it to the process. Human-readable output by
 * default, one JSON document with --json. Exit codes: 0 done, 2 a usage error (a bad value, an
 * unknown option, a target that cannot be used), 3 a failure of the environment (full or
 * read-only disk, a database locked by another writer), 1 anything else, 130 a cancelled bench.
 */
import { errorKind } from '../core/errors.js';
import { jsonSafe, terminalSafe } from '../core/text.js';
import { BENCH_USAGE, benchCommand } from './bench-command.js';
import { runInContext, type BackupOutcome, type CliContext, type CliIo } from './cli-context.js';
import type { CommandResult } from './command.js';
import { FIT_USAGE, fitCommand } from './fit-command.js';
import { LAW_USAGE, lawCommand } from './law-command.js';
import { MEMO_USAGE, memoCommand } from './memo-command.js';
import { OPTIMAL_USAGE, optimalCommand } from './optimal-command.js';
import { PILOT_PLAN_USAGE, pilotPlanCommand } from './pilot-plan-command.js';
import { HelpRequest, quoted } from './options.js';
import { SCENARIOS_USAGE, scenariosCommand } from './scenarios-command.js';
import { ROI_USAGE, roiCommand } from './roi-command.js';

export type { CliIo } from './cli-context.js';

/** Most commands answer at once; bench runs for a while and answers with a promise. It may also set the exit code. */
type CommandOutcome = CommandResult & { exitCode?: number };

interface Command {
  usage: string;
  run: (argv: string[]) => CommandOutcome | Promise<CommandOutcome>;
}

// A Map, not an object literal: "__proto__", "constructor" or "toString" are not commands.
const COMMANDS = new Map<string, Command>([
  ['law', { usage: LAW_USAGE, run: lawCommand }],
  ['optimal', { usage: OPTIMAL_USAGE, run: optimalCommand }],
  ['fit', { usage: FIT_USAGE, run: fitCommand }],
  ['pilot-plan', { usage: PILOT_PLAN_USAGE, run: pilotPlanCommand }],
  ['scenarios', { usage: SCENARIOS_USAGE, run: scenariosCommand }],
  ['roi', { usage: ROI_USAGE, run: roiCommand }],
  ['memo', { usage: MEMO_USAGE, run: memoCommand }],
  ['bench', { usage: BENCH_USAGE, run: benchCommand }],
]);

export const EXIT = { ok: 0, failure: 1, usage: 2, environment: 3 } as const;

const USAGE = [
  'Usage: sparsity-advisor <command> [options]',
  '',
  ...[...COMMANDS.values()].map((c) => `  sparsity-advisor ${c.usage}`),
  '',
  'Numbers accept suffixes: 85M, 1.8B, 2T. Data is images for vit, tokens for t5.',
  '`sparsity-advisor <command> --help` shows one command. Exit codes: 0 done, 2 a usage error',
  '(bad value, unknown option, unusable file), 3 the environment (full or read-only disk, database locked), 1 other.',
].join('\n');

function backupText(b: BackupOutcome): string | null {
  if (b.ok) return null;
  if (!b.current) {
    return `${b.database} has no current backup: ${b.failuresInARow} backup(s) in a row failed (last: ${b.error})` +
      (b.takenAt ? `; the newest backup is from ${b.takenAt}` : '; there is no backup at all') +
      '. Free disk space or copy the database somewhere safe.';
  }
  return `the backup of ${b.database} failed (${b.error}); the saved change is in the database, the backup from ${b.takenAt} is unchanged.`;
}

async function execute(name: string, command: Command, rest: string[], context: CliContext): Promise<number> {
  const { io } = context;
  let result: CommandOutcome;
  try {
    result = await command.run(rest);
  } catch (error) {
    // A write that succeeded before the error still finishes its backup.
    await Promise.allSettled(context.backups);
    if (error instanceof HelpRequest) {
      io.stdout(`${terminalSafe(error.usage ?? `Usage: sparsity-advisor ${command.usage}`)}\n`);
      return EXIT.ok;
    }
    const message = terminalSafe((error as Error).message ?? String(error)).replace(/\s+/g, ' ');
    io.stderr(`sparsity-advisor ${name}: error: ${message}\n`);
    const kind = errorKind(error);
    return kind === 'input' ? EXIT.usage : kind === 'environment' ? EXIT.environment : EXIT.failure;
  }
  const backups = await Promise.all(context.backups);
  let { document, text } = result;
  const problems = backups.map(backupText).filter((t): t is string => t !== null);
  for (const p of problems) io.stderr(`sparsity-advisor: warning: ${terminalSafe(p)}\n`);
  // A report document carries the backups; a document that is a file format itself (bench --json) stays importable.
  if (backups.length > 0 && typeof document === 'object' && document !== null && 'command' in document) {
    document = { ...document, backup: backups.length === 1 ? backups[0] : backups };
  }
  if (problems.length > 0) text = [text, '', ...problems.map((p) => `Warning: ${p}`)].join('\n');
  const output = context.json ? jsonSafe(JSON.stringify(document, null, 2)) : terminalSafe(text);
  io.stdout(`${output}\n`);
  return result.exitCode ?? EXIT.ok;
}

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === '--help' || name === '-h' || name === 'help') {
    io.stdout(`${USAGE}\n`);
    return EXIT.ok;
  }
  if (name === undefined) {
    io.stderr(`${USAGE}\n`);
    return EXIT.usage;
  }
  const command = COMMANDS.get(name);
  if (!command) {
    io.stderr(`sparsity-advisor: error: unknown command ${terminalSafe(quoted(name))}; the commands are ${[...COMMANDS.keys()].join(', ')}\n${USAGE}\n`);
    return EXIT.usage;
  }
  const context: CliContext = { io, command: name, json: false, backups: [] };
  return runInContext(context, () => execute(name, command, rest, context));
}

/** The process's own streams and environment, for the entry. */
export function processIo(): CliIo {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    env: process.env,
  };
}
