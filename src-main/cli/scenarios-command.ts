/**
 * sparsity-advisor scenarios: the saved scenarios (and, for import and export, fits and
 * benchmark runs) in the app's database, or in the one --db names.
 */
import { InputError } from '../core/input.js';
import type { Scenario } from '../core/roi/scenario.js';
import { checkOutputTarget, writeOutputFile } from '../io/safe-write.js';
import { exportBenchmark, exportFit, exportScenario, importDocument } from '../store/transfer.js';
import type { AdvisorStore, OpenReport, ScenarioRevision, ScenarioSummary } from '../store/store.js';
import { num, table } from './format.js';
import { LIMITS } from '../core/limits.js';
import { HelpRequest, integer, optionalString, parseOptions, quoted, readJson, requiredString, type OptionSpecs, type Values } from './options.js';
import { databasePath, DB_OPTION, withStore } from './store-access.js';
import type { CommandResult } from './command.js';

export const SCENARIOS_USAGE =
  'scenarios list|show|save|import|export|rename|duplicate|archive|unarchive [--db PATH] [--json]   (scenarios help: details)';

/** Each subcommand's usage line and what it does; `scenarios <sub> --help` prints its own. */
const USAGES: Record<Subcommand, [string, string]> = {
  list: ['list       [--all]', 'latest revision of each scenario; --all includes archived ones'],
  show: ['show       --id ID [--revision N]', 'one revision (the latest by default) and the revision history'],
  save: ['save       --file FILE [--id ID [--expect-revision N]] [--note TEXT]', 'a scenario document: a new scenario, or the next revision of ID'],
  import: ['import     --file FILE [--into ID]', 'a scenario, fit or benchmark document (by its "format" field)'],
  export: ['export     --id ID [--revision N] | --fit ID | --benchmark ID   [--out FILE]', 'the document, on stdout or written to FILE'],
  rename: ['rename     --id ID --name NAME [--expect-revision N]', 'a new revision with the new name'],
  duplicate: ['duplicate  --id ID [--revision N] [--name NAME]', 'a new scenario starting from that revision'],
  archive: ['archive    --id ID', 'hide from the list; nothing is deleted'],
  unarchive: ['unarchive  --id ID', 'bring an archived scenario back to the list'],
};

const COMMON = [
  'Every subcommand takes --db PATH (default: the desktop app\'s database, advisor.db in its user-data folder)',
  'and --json. IDs may be shortened to a unique prefix of at least 4 characters. Read commands (list, show, export)',
  'never create a database; the others create one only in an existing folder.',
];

const HELP = [
  'Usage: sparsity-advisor scenarios <subcommand> [options]',
  '',
  ...Object.values(USAGES).map(([usage, what]) => `  ${usage.padEnd(52)} ${what}`),
  '',
  ...COMMON,
].join('\n');

function subcommandHelp(sub: Subcommand): string {
  const [usage, what] = USAGES[sub];
  return [`Usage: sparsity-advisor scenarios ${usage.replace(/\s{2,}/, ' ')} [--db PATH] [--json]`, '', `  ${what}.`, '', ...COMMON].join('\n');
}

const SUBCOMMANDS = ['list', 'show', 'save', 'import', 'export', 'rename', 'duplicate', 'archive', 'unarchive'] as const;
type Subcommand = (typeof SUBCOMMANDS)[number];

/**
 * A bad document read from --file is named by the file: the field inside it (e.g.
 * scenario.currency) follows in the message, so the user knows which file and where.
 */
function asFileDocument<T>(file: string, work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (error instanceof InputError && /^(scenario|document|fit|benchmark)(\.|$)/.test(error.field)) {
      throw new InputError('--file', `${file}: ${error.message}`);
    }
    throw error;
  }
}

/** Store errors name the API's fields; on the command line the option is what the user can fix. */
function asOptions<T>(fields: Record<string, string>, work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (error instanceof InputError && Object.hasOwn(fields, error.field)) {
      throw new InputError(fields[error.field]!, error.message.slice(error.field.length + 2));
    }
    throw error;
  }
}

const ID_FIELDS = {
  scenarioId: '--id',
  revision: '--revision',
  expectedRevision: '--expect-revision',
  fitId: '--fit',
  benchmarkId: '--benchmark',
  name: '--name',
  'scenario.name': '--name',
};

function optionalRevision(values: Values, name = 'revision'): number | undefined {
  return optionalString(values, name) === undefined ? undefined : integer(values, name, 1, LIMITS.revision);
}

function shortId(id: string): string {
  return id.slice(0, 8);
}

function day(iso: string): string {
  return iso.replace('T', ' ').slice(0, 19);
}

function describeScenario(doc: Scenario): string[] {
  const family = doc.family.kind === 'preset' ? `preset ${doc.family.preset}` : `custom law "${doc.family.coefficients.name}"`;
  const unit = doc.baseline.uniqueData.unit;
  return [
    `Family: ${family}; currency ${doc.currency}`,
    `Baseline (${doc.baseline.status}): ${num(doc.baseline.params.value)} parameters on ${num(doc.baseline.uniqueData.value)} unique ${unit} ` +
      `× ${num(doc.baseline.passes.value)} passes (${num(doc.data.available.value)} available); ${doc.deployment.kind} deployment`,
    `Sparsity candidates: ${doc.sparsity.candidates.join(', ')}${doc.sparsity.includeOptimal ? ' and the optimum' : ''} (${doc.sparsity.pattern})`,
  ];
}

function revisionText(saved: ScenarioRevision, verb: string): string {
  return `${verb} scenario "${saved.name}" (id ${saved.id}), revision ${saved.revision}`;
}

function listText(list: ScenarioSummary[], all: boolean): string {
  if (list.length === 0) return all ? 'No scenarios saved yet.' : 'No scenarios (archived ones are hidden; add --all).';
  return table([
    ['id', 'rev', 'name', 'updated', ...(all ? ['archived'] : [])],
    ...list.map((s) => [shortId(s.id), String(s.latestRevision), s.name, day(s.updatedAt), ...(all ? [s.archivedAt ? day(s.archivedAt) : ''] : [])]),
  ]);
}

function run(sub: Subcommand, values: Values, store: AdvisorStore): CommandResult {
  const id = () => asOptions(ID_FIELDS, () => store.scenarios.resolveId(requiredString(values, 'id')));
  switch (sub) {
    case 'list': {
      const all = values.all === true;
      const scenarios = store.scenarios.list({ includeArchived: all });
      return { document: { scenarios }, text: listText(scenarios, all) };
    }
    case 'show': {
      const scenarioId = id();
      const shown = asOptions(ID_FIELDS, () => store.scenarios.get(scenarioId, optionalRevision(values)));
      const revisions = store.scenarios.revisions(scenarioId);
      const text = [
        `Scenario "${shown.name}"  id ${shown.id}`,
        `Revision ${shown.revision} of ${revisions.length}, saved ${day(shown.createdAt)}` +
          (shown.note ? `; note: ${shown.note}` : '') +
          (shown.archivedAt ? `; archived ${day(shown.archivedAt)}` : ''),
        ...describeScenario(shown.document),
        '',
        'Revisions:',
        table([['rev', 'saved', 'name', 'note'], ...revisions.map((r) => [String(r.revision), day(r.createdAt), r.name, r.note ?? ''])]),
        '',
        `The full document: sparsity-advisor scenarios export --id ${shortId(shown.id)} --revision ${shown.revision}`,
      ].join('\n');
      return { document: { scenario: shown, revisions }, text };
    }
    case 'save': {
      const file = requiredString(values, 'file');
      const document = readJson('--file', file);
      const note = optionalString(values, 'note');
      const expected = optionalRevision(values, 'expect-revision');
      if (expected !== undefined && optionalString(values, 'id') === undefined) {
        throw new InputError('--expect-revision', 'needs --id: it guards saving over another change to that scenario');
      }
      const saved = asFileDocument(file, () =>
        optionalString(values, 'id') === undefined
          ? store.scenarios.create(document, { ...(note === undefined ? {} : { note }) })
          : asOptions(ID_FIELDS, () =>
              store.scenarios.saveRevision(id(), document, {
                ...(note === undefined ? {} : { note }),
                ...(expected === undefined ? {} : { expectedRevision: expected }),
              }),
            ),
      );
      return { document: { saved: { id: saved.id, revision: saved.revision, name: saved.name } }, text: revisionText(saved, 'Saved') };
    }
    case 'import': {
      const file = requiredString(values, 'file');
      const document = readJson('--file', file);
      const into = optionalString(values, 'into');
      const intoId = into === undefined ? undefined : asOptions({ scenarioId: '--into' }, () => store.scenarios.resolveId(into));
      const imported = asFileDocument(file, () =>
        asOptions({ scenarioId: '--into', into: '--into' }, () =>
          importDocument(store, document, { ...(intoId === undefined ? {} : { into: intoId }), source: file }),
        ),
      );
      const what = imported.kind === 'benchmark' ? 'benchmark run' : imported.kind;
      const text = !imported.inserted
        ? `Benchmark run ${imported.id} was already stored; nothing changed.`
        : `Imported ${what} "${imported.name}" (id ${imported.id}${imported.revision === null ? '' : `, revision ${imported.revision}`}) from ${file}`;
      return { document: { imported }, text };
    }
    case 'export': {
      const targets = (['id', 'fit', 'benchmark'] as const).filter((k) => optionalString(values, k) !== undefined);
      if (targets.length !== 1) throw new InputError('arguments', 'give exactly one of --id, --fit or --benchmark');
      const target = targets[0]!;
      if (target !== 'id' && optionalString(values, 'revision') !== undefined) {
        throw new InputError('--revision', `applies only to a scenario (--id); a ${target === 'fit' ? 'fit' : 'benchmark run'} has no revisions`);
      }
      const exported = asOptions(ID_FIELDS, () =>
        target === 'id'
          ? exportScenario(store, id(), optionalRevision(values))
          : target === 'fit'
            ? exportFit(store, requiredString(values, 'fit'))
            : exportBenchmark(store, requiredString(values, 'benchmark')),
      );
      const out = optionalString(values, 'out');
      const json = `${JSON.stringify(exported, null, 2)}\n`;
      if (out === undefined) return { document: exported, text: json.trimEnd() };
      writeOutputFile('--out', out, json);
      return { document: { exported: { kind: target === 'id' ? 'scenario' : target, file: out } }, text: `Exported to ${out}` };
    }
    case 'rename': {
      const name = requiredString(values, 'name');
      const expected = optionalRevision(values, 'expect-revision');
      const saved = asOptions(ID_FIELDS, () => store.scenarios.rename(id(), name, expected === undefined ? {} : { expectedRevision: expected }));
      return { document: { saved: { id: saved.id, revision: saved.revision, name: saved.name } }, text: revisionText(saved, 'Renamed') };
    }
    case 'duplicate': {
      const name = optionalString(values, 'name');
      const copy = asOptions(ID_FIELDS, () =>
        store.scenarios.duplicate(id(), {
          ...(optionalRevision(values) === undefined ? {} : { revision: optionalRevision(values)! }),
          ...(name === undefined ? {} : { name }),
        }),
      );
      return { document: { saved: { id: copy.id, revision: copy.revision, name: copy.name } }, text: revisionText(copy, 'Created') };
    }
    case 'archive':
    case 'unarchive': {
      const scenarioId = id();
      const summary = sub === 'archive' ? store.scenarios.archive(scenarioId) : store.scenarios.unarchive(scenarioId);
      const text = summary.archivedAt
        ? `Archived "${summary.name}" (id ${summary.id}); it is hidden from the list but kept. Bring it back with unarchive.`
        : `"${summary.name}" (id ${summary.id}) is back in the list.`;
      return { document: { scenario: summary }, text };
    }
  }
}

const STRING = { type: 'string' } as const;
const SWITCH = { type: 'boolean' } as const;

/** Each subcommand takes only the options it uses: anything else is an error, never silently ignored. */
const OPTIONS: Record<Subcommand, OptionSpecs> = {
  list: { all: SWITCH },
  show: { id: STRING, revision: STRING },
  save: { file: STRING, id: STRING, 'expect-revision': STRING, note: STRING },
  import: { file: STRING, into: STRING },
  export: { id: STRING, revision: STRING, fit: STRING, benchmark: STRING, out: STRING },
  rename: { id: STRING, name: STRING, 'expect-revision': STRING },
  duplicate: { id: STRING, revision: STRING, name: STRING },
  archive: { id: STRING },
  unarchive: { id: STRING },
};

const READS: readonly Subcommand[] = ['list', 'show', 'export'];

export function scenariosCommand(argv: string[]): CommandResult {
  const [sub, ...rest] = argv;
  if (sub === undefined || sub === 'help' || sub === '--help' || sub === '-h') {
    if (sub === undefined) throw new InputError('scenarios', `needs a subcommand: ${SUBCOMMANDS.join(', ')} (see scenarios help)`);
    throw new HelpRequest(HELP);
  }
  if (!(SUBCOMMANDS as readonly string[]).includes(sub)) {
    throw new InputError('scenarios', `unknown subcommand ${quoted(sub)}; use ${SUBCOMMANDS.join(', ')}`);
  }
  const subcommand = sub as Subcommand;
  let values: Values;
  try {
    values = parseOptions(rest, { ...DB_OPTION, json: SWITCH, ...OPTIONS[subcommand] });
  } catch (error) {
    if (error instanceof HelpRequest) throw new HelpRequest(subcommandHelp(subcommand));
    throw error;
  }
  const file = databasePath(values);
  // An unusable --out is refused before the database is opened.
  const out = optionalString(values, 'out');
  if (out !== undefined) checkOutputTarget('--out', out);
  return withStore(file, READS.includes(subcommand) ? 'read' : 'write', (store, report: OpenReport) => {
    const result = run(subcommand, values, store);
    // The open report rides along in JSON output, except where the document is the export itself.
    const exportedInline = subcommand === 'export' && optionalString(values, 'out') === undefined;
    if (exportedInline || typeof result.document !== 'object' || result.document === null) return result;
    return { document: { command: `scenarios ${subcommand}`, database: report, ...result.document }, text: result.text };
  });
}
