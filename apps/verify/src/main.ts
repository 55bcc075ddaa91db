import { readFileSync } from 'node:fs';
import { UnreadableBundleError } from './bundle-shape';
import { parseArgs, USAGE } from './cli-args';
import { GivenKey } from './signer-key';
import { renderReport } from './verification-report';
import { verifyBundle } from './verify-bundle';

/** nrm-verify: exit 0 valid, 1 invalid, 2 unusable input (EX_USAGE-like, but npx-friendly). */
export function runVerify(
  argv: string[],
  out: NodeJS.WritableStream = process.stdout,
  err: NodeJS.WritableStream = process.stderr,
): number {
  const args = parseArgs(argv);
  if ('help' in args) {
    out.write(USAGE + '\n');
    return 0;
  }
  if ('error' in args) {
    err.write(`${args.error}\n${USAGE}\n`);
    return 2;
  }
  try {
    const given: GivenKey | undefined =
      args.key && 'file' in args.key ? { pem: readText(args.key.file, 'key') } : args.key;
    const report = verifyBundle(readText(args.file, 'bundle'), args.file, given);
    out.write(args.json ? JSON.stringify(report, null, 2) + '\n' : renderReport(report));
    return report.valid ? 0 : 1;
  } catch (error) {
    if (!(error instanceof UnreadableBundleError)) throw error;
    err.write(`nrm-verify: ${error.message}\n`);
    return 2;
  }
}

function readText(file: string, what: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new UnreadableBundleError(
      `cannot read the ${what} ${file}: ${(error as NodeJS.ErrnoException).code}`,
    );
  }
}

if (require.main === module) process.exitCode = runVerify(process.argv.slice(2));
