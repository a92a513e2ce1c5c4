/**
 * What one runCli call carries to the code below it without threading it through every
 * command: where output goes, which command runs, the environment (for the default database),
 * and the backups still being taken. Held in AsyncLocalStorage, so two runCli calls in one
 * process (the fuzz test runs thousands) never see each other's state.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { BackupStatus } from '../store/backup-status.js';

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** The environment the default database path is read from (HOME, XDG_CONFIG_HOME, APPDATA). */
  env?: Record<string, string | undefined>;
}

export type BackupOutcome = BackupStatus;

export interface CliContext {
  io: CliIo;
  command: string;
  /** Set by the option parser when --json was given. */
  json: boolean;
  /** Backups started by writes; runCli waits for them and reports them. */
  backups: Promise<BackupOutcome>[];
}

const storage = new AsyncLocalStorage<CliContext>();

export function runInContext<T>(context: CliContext, work: () => T): T {
  return storage.run(context, work);
}

/** The running call's context; outside runCli (a test calling a command directly) a quiet stand-in. */
export function cliContext(): CliContext {
  return storage.getStore() ?? { io: { stdout: () => {}, stderr: (t) => process.stderr.write(t) }, command: 'sparsity-advisor', json: false, backups: [] };
}

/** A warning on stderr at once, so it is seen even when stdout is a document piped elsewhere. */
export function warn(text: string): void {
  cliContext().io.stderr(`sparsity-advisor: warning: ${text}\n`);
}
