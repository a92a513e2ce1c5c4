import { describe, expect, it } from 'vitest';
import { runInContext, type CliContext } from '../../../src-main/cli/cli-context.js';
import { HelpRequest, integer, parseOptions, type OptionSpecs } from '../../../src-main/cli/options.js';
import { LIMITS } from '../../../src-main/core/limits.js';

const SPECS: OptionSpecs = {
  name: { type: 'string' },
  json: { type: 'boolean' },
  input: { type: 'string', multiple: true },
};

function parse(argv: string[]) {
  const context: CliContext = { io: { stdout: () => {}, stderr: () => {} }, command: 'demo', json: false, backups: [] };
  const values = runInContext(context, () => parseOptions(argv, SPECS));
  return { values, json: context.json };
}

describe('the strict option parser', () => {
  it('reads --name value, --name=value, switches and repeatable options', () => {
    expect(parse(['--name', 'a b', '--json', '--input', 'x=1', '--input=y=2']).values).toEqual({ name: 'a b', json: true, input: ['x=1', 'y=2'] });
    expect(parse(['--json']).json).toBe(true);
    expect(parse(['--name', '-1']).values.name).toBe('-1');
  });

  it.each([
    [['--name', 'a', '--name', 'b'], '--name: is given more than once'],
    [['--bogus'], '--bogus: is not an option of demo (see demo --help)'],
    [['--__proto__', 'x'], '--__proto__: is not an option of demo'],
    [['--constructor'], '--constructor: is not an option of demo'],
    [['--json=yes'], '--json: is a switch and takes no value'],
    [['--name'], '--name: needs a value'],
    [['--name', '--json'], '--name: needs a value'],
    [['stray'], 'argument "stray": demo takes no arguments without an option name'],
    [['--'], 'argument "--"'],
    [['-x'], 'argument "-x"'],
  ])('%j is refused: %s', (argv, message) => {
    expect(() => parse(argv)).toThrow(message);
  });

  it('turns --help or -h anywhere into a request for the usage', () => {
    expect(() => parse(['--name', 'a', '--help'])).toThrow(HelpRequest);
    expect(() => parse(['-h', '--bogus'])).toThrow(HelpRequest);
  });

  it('reads counts in digits within the shared limits', () => {
    expect(integer({ starts: '12' }, 'starts', 64, LIMITS.starts)).toBe(12);
    expect(integer({}, 'starts', 64, LIMITS.starts)).toBe(64);
    expect(() => integer({ starts: '1e3' }, 'starts', 64, LIMITS.starts)).toThrow('--starts');
    expect(() => integer({ starts: '1001' }, 'starts', 64, LIMITS.starts)).toThrow('--starts: must be from 1 to 1000');
  });
});
