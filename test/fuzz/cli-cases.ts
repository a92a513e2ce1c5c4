/**
 * Seeded generator of bad CLI invocations for the fuzz test. Each case starts from a valid
 * invocation of one command and applies one to three corruptions, every one of which must make
 * the command fail: a bad value for an option, an option the command does not take, a repeated
 * option, a value on a switch, a missing value, a missing required option, a stray argument, an
 * unknown command or subcommand, or (exit 3) a target on a read-only or full disk. Every path a
 * case may write to lies inside the fuzz test's own temporary folder.
 */
import { seededRandom, type Random } from '../../src-main/core/random.js';

export interface Fixture {
  /** Valid inputs. */
  csv: string;
  scenario: string;
  coefficients: string;
  bench: string;
  db: string;
  scenarioId: string;
  /** A new output name each call (inside the temporary folder). */
  freshOut: (extension: string) => string;
  /** Input files that must be refused: missing, a folder, a fifo, empty, not JSON, the wrong shape, too big, a dangling link. */
  badInputs: string[];
  /** CSV files that must be refused (hex cell, repeated column, bad cell, header only, too many bytes). */
  badCsvs: string[];
  /** Output targets that must be refused: folder, fifo, links, device, missing folder, NUL, too long, trailing slash. */
  badOutputs: string[];
  /** --db paths that must be refused: every bad output, a text file, an empty file. */
  badDatabases: string[];
  /** Targets on a read-only and on a full disk (exit 3); empty where tmpfs cannot be mounted. */
  environment: { outputs: string[]; databases: string[] };
}

export interface CliCase {
  argv: string[];
  /** 2 for usage errors, 3 for the environment. */
  expectedCode: 2 | 3;
  what: string;
}

type Kind = 'count' | 'quantity' | 'sparsity' | 'enum' | 'date' | 'input' | 'csv' | 'output' | 'db' | 'id' | 'name' | 'list' | 'tokens';

interface OptionInfo {
  kind: Kind;
  /** For counts: the limits (values outside are bad). */
  min?: number;
  max?: number;
}

interface CommandInfo {
  /** argv before the options, e.g. ['scenarios', 'show']. */
  words: string[];
  /** A valid invocation's options in order; `true` is a switch. */
  base: (f: Fixture) => [string, string | true][];
  /** The options this command takes (for bad values on ones not in the base). */
  options: Record<string, OptionInfo>;
  required: string[];
  switches: string[];
}

const count = (min: number, max: number): OptionInfo => ({ kind: 'count', min, max });
const SEED = count(0, 0xffffffff);
const DB: OptionInfo = { kind: 'db' };

const COMMANDS: CommandInfo[] = [
  {
    words: ['law'],
    base: () => [['--family', 'vit'], ['--sparsity', '0.5'], ['--nonzero', '10M'], ['--data', '1B']],
    options: { family: { kind: 'enum' }, coefficients: { kind: 'input' }, sparsity: { kind: 'sparsity' }, nonzero: { kind: 'quantity' }, data: { kind: 'quantity' } },
    required: ['--sparsity', '--nonzero', '--data', '--family'],
    switches: ['--json'],
  },
  {
    words: ['optimal'],
    base: () => [['--family', 't5'], ['--nonzero', '42.5M'], ['--compute', '2.55e18']],
    options: { family: { kind: 'enum' }, coefficients: { kind: 'input' }, nonzero: { kind: 'quantity' }, compute: { kind: 'quantity' } },
    required: ['--nonzero', '--compute', '--family'],
    switches: ['--json'],
  },
  {
    words: ['fit'],
    base: (f) => [['--csv', f.csv], ['--starts', '2'], ['--seed', '1']],
    options: {
      csv: { kind: 'csv' },
      'data-unit': { kind: 'enum' },
      'huber-delta': { kind: 'quantity' },
      starts: count(1, 1000),
      seed: SEED,
      bootstrap: { kind: 'count', min: 2, max: 2000 },
      'at-sparsity': { kind: 'sparsity' },
      'at-nonzero': { kind: 'quantity' },
      'at-data': { kind: 'quantity' },
      save: { kind: 'output' },
      'save-db': DB,
    },
    required: ['--csv'],
    switches: ['--json', '--log-residuals'],
  },
  {
    words: ['roi'],
    base: (f) => [['--scenario', f.scenario], ['--seed', '3'], ['--lang', 'en']],
    options: { scenario: { kind: 'input' }, bench: { kind: 'input' }, seed: SEED, lang: { kind: 'enum' } },
    required: ['--scenario'],
    switches: ['--json'],
  },
  {
    words: ['memo'],
    base: (f) => [['--scenario', f.scenario], ['--out', f.freshOut('pdf')], ['--date', '2026-11-27']],
    options: { scenario: { kind: 'input' }, bench: { kind: 'input' }, lang: { kind: 'enum' }, out: { kind: 'output' }, date: { kind: 'date' }, seed: SEED },
    required: ['--scenario', '--out'],
    switches: ['--json', '--force'],
  },
  {
    words: ['bench'],
    base: () => [['--quick', true], ['--threads', '1'], ['--tokens', '1']],
    options: {
      providers: { kind: 'list' },
      threads: count(1, 256),
      tokens: { kind: 'tokens' },
      'd-model': count(1, 65_536),
      'ffn-width': count(1, 262_144),
      seed: SEED,
      out: { kind: 'output' },
      'save-db': DB,
    },
    // Every bench case must fail before the benchmark starts: only corruptions of its options.
    required: [],
    switches: ['--json', '--quick'],
  },
  { words: ['scenarios', 'list'], base: (f) => [['--db', f.db]], options: { db: DB }, required: [], switches: ['--json', '--all'] },
  {
    words: ['scenarios', 'show'],
    base: (f) => [['--db', f.db], ['--id', f.scenarioId]],
    options: { db: DB, id: { kind: 'id' }, revision: count(1, 1_000_000_000) },
    required: ['--id'],
    switches: ['--json'],
  },
  {
    words: ['scenarios', 'save'],
    base: (f) => [['--db', f.db], ['--file', f.scenario]],
    options: { db: DB, file: { kind: 'input' }, id: { kind: 'id' } },
    required: ['--file'],
    switches: ['--json'],
  },
  {
    words: ['scenarios', 'import'],
    base: (f) => [['--db', f.db], ['--file', f.scenario]],
    options: { db: DB, file: { kind: 'input' }, into: { kind: 'id' } },
    required: ['--file'],
    switches: ['--json'],
  },
  {
    words: ['scenarios', 'export'],
    base: (f) => [['--db', f.db], ['--id', f.scenarioId], ['--out', f.freshOut('json')]],
    options: { db: DB, id: { kind: 'id' }, revision: count(1, 1_000_000_000), out: { kind: 'output' } },
    required: [],
    switches: ['--json'],
  },
  {
    words: ['scenarios', 'rename'],
    base: (f) => [['--db', f.db], ['--id', f.scenarioId], ['--name', 'Renamed by the fuzz test']],
    options: { db: DB, id: { kind: 'id' }, name: { kind: 'name' }, 'expect-revision': count(1, 1_000_000_000) },
    required: ['--id', '--name'],
    switches: ['--json'],
  },
  {
    words: ['scenarios', 'duplicate'],
    base: (f) => [['--db', f.db], ['--id', f.scenarioId]],
    options: { db: DB, id: { kind: 'id' }, revision: count(1, 1_000_000_000), name: { kind: 'name' } },
    required: ['--id'],
    switches: ['--json'],
  },
  { words: ['scenarios', 'archive'], base: (f) => [['--db', f.db], ['--id', f.scenarioId]], options: { db: DB, id: { kind: 'id' } }, required: ['--id'], switches: ['--json'] },
  { words: ['scenarios', 'unarchive'], base: (f) => [['--db', f.db], ['--id', f.scenarioId]], options: { db: DB, id: { kind: 'id' } }, required: ['--id'], switches: ['--json'] },
];

const NOT_DIGITS = ['', ' ', '0x10', '0b11', '0o7', '1e3', '+1', '-1', '1.5', '1.0', '٣', '１', '1_000', '1,000', 'NaN', 'Infinity', 'one', '\u0000', '2 ', ' 2', '--', '\u001b[31m', '99999999999999999999'];
const NOT_QUANTITIES = ['', 'abc', 'NaN', 'Infinity', '-Infinity', '1e400', '5m', '5 mega', '0x10', '1..2', '--', '.', 'e5', '1e', '\u0000', '١٢', '1B2', '∞'];
const NOT_POSITIVE = ['0', '-1', '-0.5', '-1e9', '0e5'];
const NOT_SPARSITY = ['1', '1.5', '-0.1', '2', '100%', '150%', '1e0'];
const NOT_ENUM = ['', 'VIT', 'bert', '__proto__', 'constructor', 'vit,t5', 'toString', 'images ', 'de', 'EN', '\u202eja', 'hasOwnProperty'];
const NOT_DATES = ['2026-99-99', '27/11/2026', '', 'today', '2026-02-30', '2026-1-1', '20261127', '2026-11-27T00:00', '-2026-11-27', '9999999-01-01'];
const NOT_IDS = ['', 'nope', 'abc', 'zzzzzzzz', '__proto__', '%', '\u0000', '*', "' OR 1=1 --", 'a'.repeat(300)];
const NOT_NAMES = ['', ' ', '\u001b', '\u0007\u0008', '\u202e', '\ud800', 'x'.repeat(500)];
const NOT_LISTS = ['', ',', ',,', 'quantum', 'cpu,quantum', 'CPU', '__proto__', 'cpu;cuda'];
const NOT_TOKENS = ['', ',', '0', '-1', '1e3', '0x10', '65537', '1,2,3,4,5,6,7,8,9', 'a', '1.5'];
const UNKNOWN_OPTIONS = ['--bogus', '--Json', '--JSON', '--help2', '--jsonx', '--format', '--db2', '--__proto__', '--constructor', '--toString', '--', '-x', '-j', '---json', '--sparsity-', '--ünïcode', '--\u001b[31m'];
const STRAY = ['foo', 'law', 'list', '-', '0', '', ' ', '\u0000', 'C:\\\\temp', '--=x'];
const UNKNOWN_COMMANDS = ['', 'frobnicate', 'LAW', 'Law', 'laws', '__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', '-x', '--json', 'help2', 'scenario', 'bench2', '\u0000', '\u001b[2J'];
const UNKNOWN_SUBCOMMANDS = ['frobnicate', 'LIST', 'delete', 'remove', '__proto__', 'constructor', '--db', '-x', ''];

function pick<T>(random: Random, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

function badValues(info: OptionInfo, f: Fixture): string[] {
  switch (info.kind) {
    case 'count':
      return [...NOT_DIGITS, ...(info.min! > 0 ? [String(info.min! - 1)] : []), String(info.max! + 1), String(info.max! * 10 + 7)];
    case 'quantity':
      return [...NOT_QUANTITIES, ...NOT_POSITIVE];
    case 'sparsity':
      return [...NOT_QUANTITIES, ...NOT_SPARSITY];
    case 'enum':
      return NOT_ENUM;
    case 'date':
      return NOT_DATES;
    case 'input':
      return f.badInputs;
    case 'csv':
      return [...f.badInputs, ...f.badCsvs];
    case 'output':
      return f.badOutputs;
    case 'db':
      return f.badDatabases;
    case 'id':
      return NOT_IDS;
    case 'name':
      return NOT_NAMES;
    case 'list':
      return NOT_LISTS;
    case 'tokens':
      return NOT_TOKENS;
  }
}

type Options = [string, string | true][];

function flatten(words: string[], options: Options): string[] {
  return [...words, ...options.flatMap(([name, value]) => (value === true ? [name] : [name, value]))];
}

/** Options whose bad values are caught only when they are used: bench's --save-db and fit's need a run first, so they are checked early. */
function corrupt(random: Random, command: CommandInfo, options: Options, f: Fixture): { options: Options; trailing: string[]; what: string } {
  const choice = random();
  const names = Object.keys(command.options);
  if (choice < 0.45 && names.length > 0) {
    // A bad value for an option, replacing the base's value or added.
    const name = pick(random, names);
    const info = command.options[name]!;
    let value = pick(random, badValues(info, f));
    // "--x --y" would read as a missing value, which is a different corruption; keep the value as one.
    if (value.startsWith('--')) value = `${value}x`.replace(/^--/, '-');
    // Some names are only bad in some places: "--revision" on export needs --id, "--bootstrap" bad counts exclude 0.
    if (info.kind === 'count' && name === 'bootstrap' && value === '0') value = '1';
    const option = `--${name}`;
    const rest = options.filter(([n]) => n !== option);
    // An empty name or note may be cleaned to valid text: only values that are bad whatever the cleaning.
    return { options: [...rest, [option, value]], trailing: [], what: `bad value for ${option}` };
  }
  if (choice < 0.58) {
    return { options: [...options, [pick(random, UNKNOWN_OPTIONS), true]], trailing: [], what: 'an option the command does not take' };
  }
  if (choice < 0.7 && options.length > 0) {
    const valued = options.filter(([, v]) => v !== true);
    const repeated = valued.length > 0 ? pick(random, valued) : options[0]!;
    return { options: [...options, repeated], trailing: [], what: `${repeated[0]} given twice` };
  }
  if (choice < 0.78) {
    return { options: [...options, [`${pick(random, command.switches)}=${pick(random, ['1', 'true', 'yes', ''])}`, true]], trailing: [], what: 'a value on a switch' };
  }
  if (choice < 0.86) {
    const valued = Object.keys(command.options);
    const name = valued.length > 0 ? `--${pick(random, valued)}` : '--threads';
    return { options: options.filter(([n]) => n !== name), trailing: [name], what: `${name} without a value` };
  }
  if (choice < 0.93 && command.required.length > 0) {
    const dropped = pick(random, command.required);
    return { options: options.filter(([n]) => n !== dropped), trailing: [], what: `without ${dropped}` };
  }
  return { options, trailing: [pick(random, STRAY)], what: 'a stray argument' };
}

/** Cases whose failure depends on the environment: targets on a read-only or a full disk. */
function environmentCase(random: Random, f: Fixture): CliCase | null {
  if (f.environment.outputs.length === 0) return null;
  const out = pick(random, f.environment.outputs);
  const db = pick(random, f.environment.databases);
  const variants: string[][] = [
    ['scenarios', 'export', '--db', f.db, '--id', f.scenarioId, '--out', out],
    ['fit', '--csv', f.csv, '--starts', '2', '--save', out],
    ['scenarios', 'save', '--db', db, '--file', f.scenario],
    ['scenarios', 'rename', '--db', db, '--id', f.scenarioId, '--name', 'x'],
  ];
  return { argv: pick(random, variants), expectedCode: 3, what: 'a target on a read-only or full disk' };
}

export function generateCliCases(seed: number, total: number, f: Fixture): CliCase[] {
  const random = seededRandom(seed);
  const cases: CliCase[] = [];
  const seen = new Set<string>();
  while (cases.length < total) {
    const roll = random();
    let next: CliCase | null;
    if (roll < 0.04) {
      next = { argv: [pick(random, UNKNOWN_COMMANDS), ...(random() < 0.5 ? ['--json'] : [])], expectedCode: 2, what: 'an unknown command' };
    } else if (roll < 0.07) {
      next = { argv: ['scenarios', pick(random, UNKNOWN_SUBCOMMANDS), '--db', f.db], expectedCode: 2, what: 'an unknown subcommand' };
    } else if (roll < 0.1) {
      next = environmentCase(random, f);
    } else {
      const command = pick(random, COMMANDS);
      let options = command.base(f);
      const trailing: string[] = [];
      const whats: string[] = [];
      const corruptions = 1 + Math.floor(random() * random() * 3);
      for (let i = 0; i < corruptions; i++) {
        const c = corrupt(random, command, options, f);
        options = c.options;
        trailing.push(...c.trailing);
        whats.push(c.what);
      }
      if (random() < 0.3) options.push(['--json', true]);
      // A repeated --json is itself a corruption, and a valid one would be a second; keep exactly what was drawn.
      next = { argv: [...flatten(command.words, options), ...trailing], expectedCode: 2, what: whats.join('; ') };
    }
    if (!next) continue;
    const key = JSON.stringify(next.argv);
    if (seen.has(key)) continue;
    seen.add(key);
    cases.push(next);
  }
  return cases;
}
