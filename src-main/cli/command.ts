/** What every subcommand returns: one JSON document for --json and the text a person reads. */
export interface CommandResult {
  document: unknown;
  text: string;
}
