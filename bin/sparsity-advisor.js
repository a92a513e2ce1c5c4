#!/usr/bin/env node
// Runs the TypeScript CLI directly through tsx, so the command always matches the source.
import { register } from 'tsx/esm/api';

register();
const { processIo, runCli } = await import('../src-main/cli/main.ts');
process.exitCode = await runCli(process.argv.slice(2), processIo());
