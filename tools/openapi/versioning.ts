/**
 * The versioning policy of the API (docs/api.md, "Versioning"): a revision of the document may break
 * what the previous one promised (oasdiff's breaking changes: an operation removed, a field newly
 * required, an enum narrowed...) only if it raises the major of `info.version`.
 */
import { breakingChanges, majorOf } from './oasdiff';

export interface VersionVerdict {
  baseVersion: string;
  revisionVersion: string;
  /** oasdiff's breaking changes from base to revision, in words. */
  breaking: string[];
  /** No breaking change, or the major was raised. */
  allowed: boolean;
}

const versionOf = (document: string): string =>
  (JSON.parse(document) as { info?: { version?: string } }).info?.version ?? '(none)';

/** The verdict on `revision` (an OpenAPI document as JSON text) as a successor of `base`. */
export function versionVerdict(base: string, revision: string): VersionVerdict {
  const baseVersion = versionOf(base);
  const revisionVersion = versionOf(revision);
  const breaking = breakingChanges(base, revision);
  const allowed = breaking.length === 0 || majorOf(revisionVersion) > majorOf(baseVersion);
  return { baseVersion, revisionVersion, breaking, allowed };
}

/** Why a verdict refuses, in words: the version, each breaking change, and what to do. */
export function explainRefusal(verdict: VersionVerdict, base: string, revision: string): string {
  return (
    `${revision} breaks ${base} (version ${verdict.baseVersion}) without raising the major of the API ` +
    `version (${verdict.revisionVersion}):\n` +
    verdict.breaking.map((change) => `  - ${change}\n`).join('') +
    'Keep the old behaviour, or raise the major of API_VERSION (libs/application/src/bootstrap/openapi.ts) ' +
    'and run npm run api:client.'
  );
}
