/**
 * Builds the app once before any test file runs. Test files run in parallel; if each built into
 * out/ itself, one would read a bundle another is rewriting.
 */
import { buildApp } from './support/build.js';

export default function setup(): void {
  buildApp();
}
