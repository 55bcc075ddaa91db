import { KEY_ID } from './signer-key';

export const USAGE = `usage: nrm-verify <bundle.json | report.html> [--key <node public key PEM file | key id>] [--json]

Checks a case export (GET /api/cases/:id/export, npm run cli -- cases export), an event proof
(GET /api/audit/events/:position/proof), a consistency proof (GET /api/audit/consistency) or an
integrity report (GET /api/audit/report, npm run cli -- audit report) without the node: signatures,
every event's hash and every Merkle proof. Exit 0 valid, 1 invalid, 2 unusable.`;

export interface VerifyArgs {
  file: string;
  /** A path to a PEM file, or a key id. */
  key?: { file: string } | { keyId: string };
  json: boolean;
}

export function parseArgs(argv: string[]): VerifyArgs | { error: string } | { help: true } {
  let file: string | undefined;
  let key: VerifyArgs['key'];
  let json = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--help' || arg === '-h') return { help: true };
    if (arg === '--json') json = true;
    else if (arg === '--key') {
      const value = argv[++i];
      if (value === undefined) return { error: '--key needs a PEM file or a key id' };
      key = KEY_ID.test(value) ? { keyId: value } : { file: value };
    } else if (arg.startsWith('-')) return { error: `unknown option ${arg}` };
    else if (file === undefined) file = arg;
    else return { error: `one bundle at a time (${file}, ${arg})` };
  }
  if (file === undefined) return { error: 'which bundle?' };
  return { file, key, json };
}
