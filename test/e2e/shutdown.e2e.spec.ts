import { Agent, request } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exitWithin, freePort, startNodeProcess } from '../support/node-process';

/**
 * SIGTERM while a client holds a keep-alive connection (as partner nodes' HTTP clients do): the node
 * finishes the request in flight and then stops, instead of waiting for the client's connection to
 * time out (72 s by default).
 */
describe('graceful stop with keep-alive clients', () => {
  jest.setTimeout(180_000);
  const dataDir = mkdtempSync(join(tmpdir(), 'nrm-shutdown-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('answers the request in flight, then exits 0 well before the keep-alive timeout', async () => {
    const port = await freePort();
    const node = await startNodeProcess(
      { NRM_DATA_DIR: dataDir, NRM_ADMIN_PASSWORD: 'a long admin password 1' },
      port,
    );
    const agent = new Agent({ keepAlive: true });
    // The request is in flight when SIGTERM comes: the node has read its headers (it answers
    // `100 Continue` as it hands the request to the application), and the body follows the signal.
    const answered = new Promise<number>((resolve, reject) => {
      const req = request(
        {
          agent,
          host: '127.0.0.1',
          port,
          path: '/api/auth/login',
          method: 'POST',
          headers: { 'content-type': 'application/json', expect: '100-continue' },
        },
        (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode ?? 0));
        },
      );
      req.on('error', reject);
      req.on('continue', () => {
        node.child.kill('SIGTERM');
        req.end(JSON.stringify({ username: 'admin', password: 'a long admin password 1' }));
      });
      req.flushHeaders();
    });
    expect(await answered).toBe(200);
    // Bounded: a node waiting for the client's keep-alive timeout (72 s) fails here, at 30 s.
    const exited = await exitWithin(node.child, 30_000);
    agent.destroy();
    if (exited === 'hung') node.child.kill('SIGKILL');
    expect(exited).toBe(0);
    expect(node.output.out()).toMatch(/"msg":"stopped"/);
  });
});
