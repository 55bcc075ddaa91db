import type { Request } from 'autocannon';
import { commandMix } from './command-mix';

type OnResponse = (status: number, body: string, context: object) => void;

/**
 * One autocannon connection's walk: registration, consent and needs assessment acknowledged at
 * `revisions` (a missing one failed with 500), then the read of the case answered `status`, `body`.
 */
function readsBehind(revisions: number[], status: number, body: string): number {
  let behind = 0;
  const mix: Request[] = commandMix(
    { identification: 'i', caseManager: 'c' },
    () => undefined,
    () => undefined,
    () => behind++,
  );
  const context = {};
  const respond = (step: number, code: number, answer: string) =>
    (mix[step].onResponse as OnResponse | undefined)?.(code, answer, context);
  const commands = [0, 1, 3];
  commands.forEach((step, i) => {
    const revision = revisions[i];
    if (revision === undefined) respond(step, 500, '{}');
    else respond(step, 201, JSON.stringify({ caseId: 'c1', revision }));
  });
  const read = mix.findIndex((request) => request.method === 'GET' && request.path === '/api/cases/{id}');
  respond(read, status, body);
  return behind;
}

describe('the command mix of bench:load', () => {
  it('counts a read of the case that shows an older revision than the last acknowledged command', () => {
    expect(readsBehind([1, 2, 3], 200, JSON.stringify({ revision: 3 }))).toBe(0);
    expect(readsBehind([1, 2, 3], 200, JSON.stringify({ revision: 2 }))).toBe(1);
    // The needs assessment failed: revision 2 is all this client was told of.
    expect(readsBehind([1, 2], 200, JSON.stringify({ revision: 2 }))).toBe(0);
  });

  it('counts a case that is not there yet, but not a read by a client whose registration failed', () => {
    expect(readsBehind([1, 2, 3], 404, '{}')).toBe(1);
    expect(readsBehind([], 404, '{}')).toBe(0);
  });
});
