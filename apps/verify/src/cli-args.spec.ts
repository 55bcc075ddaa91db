import { parseArgs } from './cli-args';

describe('nrm-verify arguments', () => {
  it('takes one bundle, a key as a PEM file or a key id, and --json', () => {
    expect(parseArgs(['a.json'])).toEqual({ file: 'a.json', key: undefined, json: false });
    expect(parseArgs(['a.json', '--key', 'node.pem', '--json'])).toEqual({
      file: 'a.json',
      key: { file: 'node.pem' },
      json: true,
    });
    expect(parseArgs(['--key', '0123456789abcdef', 'a.json'])).toEqual({
      file: 'a.json',
      key: { keyId: '0123456789abcdef' },
      json: false,
    });
  });

  it('says what is wrong with the command line', () => {
    expect(parseArgs([])).toEqual({ error: 'which bundle?' });
    expect(parseArgs(['a.json', 'b.json'])).toEqual({ error: 'one bundle at a time (a.json, b.json)' });
    expect(parseArgs(['a.json', '--key'])).toEqual({ error: '--key needs a PEM file or a key id' });
    expect(parseArgs(['a.json', '--strict'])).toEqual({ error: 'unknown option --strict' });
    expect(parseArgs(['--help'])).toEqual({ help: true });
  });
});
