import { API_CSP, CONSOLE_CSP, DOCS_CSP } from '@nrm/http/security';
import { CONSOLE_NOT_BUILT, IMMUTABLE, REVALIDATE } from '@nrm/http/console/serve-console';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { ADMIN, NodeHarness, Response } from '../support/node-harness';
import { collect, freePort, runTs, stopProcess, waitForHealth } from '../support/node-process';

const INDEX_HTML =
  '<!doctype html><html><head><script type="module" src="/assets/app-abc123.js"></script></head>' +
  '<body><div id="root"></div></body></html>';
const APP_JS = 'document.getElementById("root").textContent = "console";\n';
const VENDOR_JS = 'export const words = ' + JSON.stringify('referral '.repeat(500)) + ';\n';
const HTML = { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' };

/** A console build as Vite writes it: index.html and content-hashed assets. */
function writeConsoleBuild(): string {
  const dir = mkdtempSync(join(tmpdir(), 'nrm-console-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), INDEX_HTML);
  writeFileSync(join(dir, 'assets/app-abc123.js'), APP_JS);
  // What apps/console/precompress.mts writes beside a larger asset.
  writeFileSync(join(dir, 'assets/vendor-def456.js'), VENDOR_JS);
  writeFileSync(join(dir, 'assets/vendor-def456.js.br'), brotliCompressSync(VENDOR_JS));
  writeFileSync(join(dir, 'assets/vendor-def456.js.gz'), gzipSync(VENDOR_JS));
  return dir;
}

const SERVE_CONSOLE = [undefined, undefined, { serveConsole: true }] as const;

function expectIndex(res: Response): void {
  expect({ status: res.status, body: res.body }).toEqual({ status: 200, body: INDEX_HTML });
  expect(res.headers).toMatchObject({
    'content-type': expect.stringContaining('text/html'),
    'content-security-policy': CONSOLE_CSP,
    'cache-control': REVALIDATE,
  });
}

function expectProblem(res: Response, status: number): void {
  expect({ status: res.status, type: String(res.headers['content-type']) }).toEqual({
    status,
    type: expect.stringContaining('application/problem+json'),
  });
  expect(res.body).toMatchObject({ status });
}

describe('the web console served by the node', () => {
  let consoleDir: string;
  let node: NodeHarness;
  /** The same node without the console: what the API answered before the console was served. */
  let plain: NodeHarness;

  beforeAll(async () => {
    consoleDir = writeConsoleBuild();
    node = await NodeHarness.start({ NRM_CONSOLE_DIR: consoleDir }, ...SERVE_CONSOLE);
    plain = await NodeHarness.start();
  });
  afterAll(async () => {
    await node.stop();
    await plain.stop();
    rmSync(consoleDir, { recursive: true, force: true });
  });

  it('answers / and client routes asked for as HTML with index.html, under the console CSP, revalidated', async () => {
    for (const path of ['/', '/cases/42', '/cases/42/history', '/?lang=ro']) {
      expectIndex(await node.request('GET', path, { headers: HTML }));
    }
    // `/` is the console's page whatever the client asks for; a client route only for a browser.
    expectIndex(await node.request('GET', '/'));
    expectProblem(await node.request('GET', '/cases/42', { headers: { accept: 'application/json' } }), 404);
    const head = await node.request('HEAD', '/cases/42', { headers: HTML });
    expect({ status: head.status, body: head.body }).toEqual({ status: 200, body: undefined });
  });

  it('lets a browser revalidate index.html by its ETag (no-cache is "ask first", not "never keep")', async () => {
    const first = await node.request('GET', '/cases/42', { headers: HTML });
    const etag = String(first.headers['etag']);
    expect(etag).toMatch(/^(W\/)?"/);
    const again = await node.request('GET', '/', { headers: { ...HTML, 'if-none-match': etag } });
    expect({ status: again.status, cache: again.headers['cache-control'] }).toEqual({
      status: 304,
      cache: REVALIDATE,
    });
  });

  it('serves content-hashed assets for a year, immutable, with their type', async () => {
    const asset = await node.request('GET', '/assets/app-abc123.js');
    expect({ status: asset.status, body: asset.body }).toEqual({ status: 200, body: APP_JS });
    expect(asset.headers).toMatchObject({
      'content-type': expect.stringMatching(/^(text|application)\/javascript/),
      'cache-control': IMMUTABLE,
      'content-security-policy': CONSOLE_CSP,
    });
    const head = await node.request('HEAD', '/assets/app-abc123.js');
    expect({ status: head.status, cache: head.headers['cache-control'] }).toEqual({
      status: 200,
      cache: IMMUTABLE,
    });
  });

  it('sends the Brotli or gzip copy of an asset to a browser that takes it, the file itself otherwise', async () => {
    const get = (encoding?: string) =>
      node.app.inject({
        method: 'GET',
        url: '/assets/vendor-def456.js',
        headers: encoding ? { 'accept-encoding': encoding } : {},
      });
    const br = await get('gzip, deflate, br');
    expect(br.statusCode).toBe(200);
    expect(br.headers).toMatchObject({
      'content-encoding': 'br',
      vary: expect.stringMatching(/accept-encoding/i),
      'cache-control': IMMUTABLE,
      'content-type': expect.stringMatching(/javascript/),
    });
    expect(br.rawPayload.equals(brotliCompressSync(VENDOR_JS))).toBe(true);
    const gz = await get('gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gz.rawPayload.equals(gzipSync(VENDOR_JS))).toBe(true);
    const raw = await get();
    expect(raw.headers['content-encoding']).toBeUndefined();
    expect(raw.body).toBe(VENDOR_JS);
  });

  it('answers a file it does not have with 404, never with index.html', async () => {
    for (const path of ['/assets/missing.js', '/favicon.ico', '/assets/', '/index.html.bak']) {
      const res = await node.request('GET', path, { headers: HTML });
      expectProblem(res, 404);
      expect(res.headers['cache-control']).toBe('no-store');
    }
    for (const path of ['/assets/../index.html', '/assets/%2e%2e/index.html', '/assets//app-abc123.js']) {
      const res = await node.request('GET', path, { headers: HTML });
      expect({ path, status: res.status, body: res.body }).not.toEqual({
        path,
        status: 200,
        body: INDEX_HTML,
      });
    }
  });

  it('leaves /api and /health as they were: JSON problems and the API CSP, HTML asked for or not', async () => {
    const cases: [method: 'GET' | 'POST', path: string][] = [
      ['GET', '/api/nope'],
      ['GET', '/api'],
      ['GET', '/api/cases/42/unknown'],
      ['POST', '/api/nope'],
      // 405 with Allow, as before: a concrete path and a template of another method.
      ['GET', '/api/partners/inbox'],
      ['GET', '/api/cases/00000000-0000-4000-8000-000000000000/closure'],
      ['GET', '/health'],
      ['GET', '/health/nope'],
    ];
    for (const [method, path] of cases) {
      for (const headers of [{}, HTML]) {
        const [served, before] = [
          await node.request(method, path, { headers }),
          await plain.request(method, path, { headers }),
        ];
        const answer = (res: Response) => ({
          path,
          status: res.status,
          body: res.body,
          type: res.headers['content-type'],
          allow: res.headers['allow'],
          csp: res.headers['content-security-policy'],
          cache: res.headers['cache-control'],
        });
        expect(answer(served)).toEqual(answer(before));
        expect(answer(served)).toMatchObject({ csp: API_CSP, cache: 'no-store' });
      }
    }
    expectProblem(await node.request('GET', '/api/nope', { headers: HTML }), 404);
    expect((await node.request('GET', '/health')).body).toEqual({ status: 'ok' });
    expect((await node.request('GET', '/api/docs')).headers['content-security-policy']).toBe(DOCS_CSP);
    expect(await node.login(ADMIN.username, ADMIN.password)).toEqual(expect.any(String));
  });

  it('refuses other methods on the console with 405 and Allow: GET, HEAD', async () => {
    for (const path of ['/', '/cases/42', '/assets/app-abc123.js']) {
      for (const method of ['POST', 'PUT', 'DELETE'] as const) {
        const res = await node.request(method, path, { headers: HTML });
        expectProblem(res, 405);
        expect({ path, method, allow: res.headers['allow'] }).toEqual({ path, method, allow: 'GET, HEAD' });
      }
    }
  });
});

describe('a node whose console is not built', () => {
  let node: NodeHarness;
  const missing = join(tmpdir(), `nrm-console-missing-${process.pid}`);

  beforeAll(async () => {
    node = await NodeHarness.start({ NRM_CONSOLE_DIR: missing }, ...SERVE_CONSOLE);
  });
  afterAll(() => node.stop());

  it('starts, answers / with a 404 problem saying so, and serves the API', async () => {
    for (const path of ['/', '/cases/42']) {
      const res = await node.request('GET', path, { headers: HTML });
      expectProblem(res, 404);
      expect(res.body.detail).toBe(CONSOLE_NOT_BUILT);
      expect(JSON.stringify(res.body)).not.toContain(missing);
    }
    expectProblem(await node.request('GET', '/assets/app-abc123.js'), 404);
    expect((await node.request('GET', '/health')).status).toBe(200);
    expect(await node.login(ADMIN.username, ADMIN.password)).toEqual(expect.any(String));
  });
});

/** The apps as operators start them: their main.ts turns the console on. */
describe('the console served by the gateway and the node as processes', () => {
  jest.setTimeout(180_000);
  const dataDir = mkdtempSync(join(tmpdir(), 'nrm-console-process-'));
  const consoleDir = writeConsoleBuild();
  afterAll(() => {
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(consoleDir, { recursive: true, force: true });
  });

  async function start(entry: string, env: Record<string, string>) {
    const port = await freePort();
    const child = runTs(entry, [], {
      NRM_DATA_DIR: dataDir,
      NRM_ADMIN_PASSWORD: 'console-process-admin-pw',
      PORT: String(port),
      HOST: '127.0.0.1',
      ...env,
    });
    const output = collect(child);
    const base = `http://127.0.0.1:${port}`;
    try {
      await waitForHealth(base, child);
    } catch (error) {
      await stopProcess(child, 5000);
      throw new Error(`${(error as Error).message}\n${output.out()}${output.err()}`);
    }
    return { child, output, base };
  }

  it('the gateway serves the console at / and its assets', async () => {
    const gateway = await start('apps/gateway/src/main.ts', { NRM_CONSOLE_DIR: consoleDir });
    try {
      const page = await fetch(`${gateway.base}/cases/42`, { headers: HTML });
      expect({ status: page.status, body: await page.text() }).toEqual({ status: 200, body: INDEX_HTML });
      expect(page.headers.get('content-security-policy')).toBe(CONSOLE_CSP);
      expect(page.headers.get('cache-control')).toBe(REVALIDATE);
      const asset = await fetch(`${gateway.base}/assets/app-abc123.js`);
      expect({ status: asset.status, cache: asset.headers.get('cache-control') }).toEqual({
        status: 200,
        cache: IMMUTABLE,
      });
      const api = await fetch(`${gateway.base}/api/nope`, { headers: HTML });
      expect({ status: api.status, type: api.headers.get('content-type') }).toEqual({
        status: 404,
        type: expect.stringContaining('application/problem+json'),
      });
    } finally {
      await stopProcess(gateway.child);
    }
  });

  it('the node without a build starts, says in one log line that the console is not built, and / is a 404', async () => {
    const node = await start('apps/node/src/main.ts', { NRM_CONSOLE_DIR: join(dataDir, 'no-console') });
    try {
      const lines = node.output
        .out()
        .split('\n')
        .filter((line) => line.includes('console not built'));
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain('npm run build');
      const res = await fetch(`${node.base}/`, { headers: HTML });
      expect(res.status).toBe(404);
      expect(((await res.json()) as { detail: string }).detail).toBe(CONSOLE_NOT_BUILT);
    } finally {
      await stopProcess(node.child);
    }
  });
});
