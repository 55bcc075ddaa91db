/** Every event of a case lives in the stream `case-<caseId>` (event catalogue). */
const CASE_STREAM_PREFIX = 'case-';

export function caseIdOfStream(streamId: string): string | undefined {
  return streamId.startsWith(CASE_STREAM_PREFIX) ? streamId.slice(CASE_STREAM_PREFIX.length) : undefined;
}
