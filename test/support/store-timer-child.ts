/**
 * Opens a store, starts the backup timer with a long interval and returns without closing: the
 * process must still exit on its own, because the timer is unref'd.
 */
import { openStore } from '../../src-main/store/open-store.js';

const { store } = openStore(process.argv[2]!);
store.startBackupTimer(60 * 60 * 1000);
process.stdout.write('timer started\n');
