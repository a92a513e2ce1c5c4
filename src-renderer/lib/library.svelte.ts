/**
 * The saved-scenarios view's flow, outside the component: list, open, rename, duplicate, archive,
 * import and compare. Shaped like AdvisorState (a rune class, one instance); Library.svelte only
 * binds and renders. Every action refreshes the list; a failure keeps its details for the words.
 */
import { evaluateScenario, type RoiResult } from '../../src-main/core/roi/evaluate.js';
import { call } from './api.js';
import { advisor } from './state.svelte.js';

type Summary = Awaited<ReturnType<typeof call<'listScenarios'>>>[number];
type Loaded = Awaited<ReturnType<typeof call<'getScenario'>>>;

export interface Compared {
  loaded: Loaded;
  result: RoiResult;
}

export class LibraryFlow {
  items = $state<Summary[]>([]);
  /** Details of the last failure (main-process text), or null. */
  failure = $state<{ kind: 'action' | 'import'; details: string } | null>(null);
  imported = $state<{ kind: 'scenario' | 'benchmark' | 'fit'; name: string } | null>(null);
  renaming = $state<string | null>(null);
  newName = $state('');
  selected = $state<string[]>([]);
  compared = $state<Compared[]>([]);
  fileName = $state<string | null>(null);

  async refresh(): Promise<void> {
    try {
      this.items = await call('listScenarios', { includeArchived: false });
    } catch (e) {
      this.failure = { kind: 'action', details: (e as Error).message };
    }
  }

  private async act(work: () => Promise<unknown>, kind: 'action' | 'import' = 'action'): Promise<void> {
    this.failure = null;
    this.imported = null;
    try {
      await work();
      await this.refresh();
    } catch (e) {
      this.failure = { kind, details: (e as Error).message };
    }
  }

  async open(id: string): Promise<void> {
    await this.act(async () => {
      const found = await call('getScenario', { id });
      advisor.load(found.scenario, { id: found.id, revision: found.revision });
      advisor.furthest = 'check';
      advisor.go('check');
    });
  }

  startRename(id: string, name: string): void {
    this.renaming = id;
    this.newName = name;
  }

  async rename(id: string): Promise<void> {
    await this.act(async () => {
      await call('renameScenario', { id, name: this.newName });
      this.renaming = null;
    });
  }

  async duplicate(id: string): Promise<void> {
    await this.act(() => call('duplicateScenario', { id }));
  }

  async archive(id: string): Promise<void> {
    await this.act(async () => {
      await call('archiveScenario', { id, archived: true });
      this.selected = this.selected.filter((s) => s !== id);
    });
  }

  async compare(): Promise<void> {
    await this.act(async () => {
      this.compared = await Promise.all(
        this.selected.map(async (id) => {
          const loaded = await call('getScenario', { id });
          return { loaded, result: evaluateScenario(loaded.scenario) };
        }),
      );
    });
  }

  async importFile(file: File): Promise<void> {
    this.fileName = file.name;
    await this.act(async () => {
      const imported = await call('importDocument', { text: await file.text(), fileName: file.name });
      this.imported = { kind: imported.kind, name: imported.name };
    }, 'import');
  }
}

export const library = new LibraryFlow();
