import { Controller, DynamicModule, Get, Module } from '@nestjs/common';
import { NodeConfig, readNodeConfig } from '@nrm/config';
import { Public } from '@nrm/iam/access.decorators';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NodeModule } from '../../apps/node/src/node.module';
import { collect, exitOf, runTs } from '../support/node-process';
import { NodeHarness, Response } from '../support/node-harness';

const SECRET_DETAIL = 'sqlite open failed at /var/lib/nrm/secret-path.sqlite';

/** Stands in for a bug deep in a handler: a plain Error with internals in its message. */
@Controller('api/test-boom')
class BoomController {
  @Public()
  @Get()
  boom(): never {
    throw new Error(SECRET_DETAIL);
  }
}

@Module({})
class BoomModule {
  static forRoot(config: NodeConfig): DynamicModule {
    return { module: BoomModule, imports: [NodeModule.forRoot(config)], controllers: [BoomController] };
  }
}

function expectProblem(res: Response, status: number) {
  expect({ status: res.status, type: String(res.headers['content-type']) }).toEqual({
    status,
    type: expect.stringContaining('application/problem+json'),
  });
  expect(JSON.stringify(res.body)).not.toMatch(/at .*\.(ts|js):\d+|node_modules|\/src\//);
}

describe('hardening of the HTTP surface', () => {
  let node: NodeHarness;
  beforeAll(async () => {
    node = await NodeHarness.start({}, undefined, (config) => BoomModule.forRoot(config));
    await node.withUsers(['case_manager']);
  });
  afterAll(() => node.stop());

  it('sends security headers and a locked-down CSP on API answers, errors included', async () => {
    for (const res of [await node.request('GET', '/health'), await node.request('GET', '/api/cases')]) {
      expect(res.headers).toMatchObject({
        'content-security-policy': expect.stringContaining("default-src 'none'"),
        'x-content-type-options': 'nosniff',
        'strict-transport-security': expect.stringContaining('max-age='),
        'x-frame-options': 'SAMEORIGIN',
        'referrer-policy': 'no-referrer',
        'cache-control': 'no-store',
      });
      expect(res.headers['x-powered-by']).toBeUndefined();
    }
  });

  it('still serves the Swagger UI at /api/docs, under a CSP that lets its own scripts and styles load', async () => {
    const page = await node.request('GET', '/api/docs');
    expect(page.status).toBe(200);
    const csp = String(page.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("style-src 'self' 'unsafe-inline'");
    // Every script the page names is served from our origin, and none is inline (script-src has no 'unsafe-inline').
    const scripts = [...String(page.body).matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attributes, inline] of scripts) {
      expect(inline.trim()).toBe('');
      const src = /src=['"]([^'"]+)['"]/.exec(attributes)?.[1] as string;
      expect(src).not.toMatch(/^(https?:)?\/\//);
      const asset = await node.request('GET', new URL(src, 'http://node/api/docs/').pathname);
      expect({ src, status: asset.status }).toEqual({ src, status: 200 });
    }
  });

  it('keeps CORS closed: no Access-Control-Allow-Origin for any origin', async () => {
    const origin = 'https://evil.example.org';
    const simple = await node.request('GET', '/api/cases', { as: 'case_manager', headers: { origin } });
    expect(simple.headers['access-control-allow-origin']).toBeUndefined();
    const preflight = await node.app.inject({
      method: 'OPTIONS',
      url: '/api/cases',
      headers: { origin, 'access-control-request-method': 'GET' },
    });
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('answers 413 past the body limit', async () => {
    const res = await node.request('POST', '/api/cases', {
      as: 'case_manager',
      rawBody: JSON.stringify({ padding: 'x'.repeat(300 * 1024) }),
    });
    expectProblem(res, 413);
  });

  it('refuses a small body nested thousands deep with 400, before it can overflow the validator (found by the fuzzer)', async () => {
    const deep = '['.repeat(2000) + ']'.repeat(2000);
    for (const [url, as] of [
      ['/api/auth/login', undefined],
      ['/api/cases/00000000-0000-4000-8000-000000000000/closure', 'case_manager'],
    ] as const) {
      const res = await node.request('POST', url, { as, rawBody: deep });
      expectProblem(res, 400);
      expect(JSON.stringify(res.body.errors)).toMatch(/nested deeper than 32 levels/);
    }
  });

  it('answers a thrown non-HTTP error as a bare 500 problem, without stack or message', async () => {
    const res = await node.request('GET', '/api/test-boom');
    expectProblem(res, 500);
    expect(JSON.stringify(res.body)).not.toContain('secret-path');
    expect(res.body.detail).toBe('The server could not complete the request');
  });

  it('refuses unknown query parameters (400), on routes with and without a query DTO', async () => {
    const list = await node.request('GET', '/api/cases?stage=identification&debug=1', { as: 'case_manager' });
    expectProblem(list, 400);
    const detail = await node.request('GET', '/api/cases/0b7c5a70-4a8e-4b8e-9a64-3c1f2f6f9d11?debug=1', {
      as: 'case_manager',
    });
    expectProblem(detail, 400);
    expect(detail.body.errors).toEqual([expect.objectContaining({ field: 'debug' })]);
    const health = await node.request('GET', '/health?verbose=true');
    expectProblem(health, 400);
  });
});

describe('CORS for listed origins only', () => {
  let node: NodeHarness;
  beforeAll(async () => {
    node = await NodeHarness.start({ NRM_CORS_ORIGINS: 'https://admin.nrm.example.org' });
  });
  afterAll(() => node.stop());

  it('allows the listed origin and no other', async () => {
    const preflight = (origin: string) =>
      node.app.inject({
        method: 'OPTIONS',
        url: '/api/cases',
        headers: {
          origin,
          'access-control-request-method': 'GET',
          'access-control-request-headers': 'authorization',
        },
      });
    const listed = await preflight('https://admin.nrm.example.org');
    expect(listed.headers['access-control-allow-origin']).toBe('https://admin.nrm.example.org');
    expect(String(listed.headers['access-control-allow-headers'])).toContain('authorization');
    const other = await preflight('https://evil.example.org');
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
  });
});

describe('secrets in production come from the environment only', () => {
  jest.setTimeout(60_000);

  it('readNodeConfig refuses NODE_ENV=production without NRM_MASTER_KEY or NRM_JWT_SECRET', () => {
    const key = Buffer.alloc(32, 7).toString('base64');
    const secret = 's'.repeat(40);
    expect(() => readNodeConfig({ NODE_ENV: 'production', NRM_JWT_SECRET: secret })).toThrow(
      /NRM_MASTER_KEY/,
    );
    expect(() => readNodeConfig({ NODE_ENV: 'production', NRM_MASTER_KEY: key })).toThrow(/NRM_JWT_SECRET/);
    expect(() =>
      readNodeConfig({ NODE_ENV: 'production', NRM_MASTER_KEY: 'short', NRM_JWT_SECRET: secret }),
    ).toThrow(/base64/);
    expect(
      readNodeConfig({ NODE_ENV: 'production', NRM_MASTER_KEY: key, NRM_JWT_SECRET: secret }).production,
    ).toBe(true);
  });

  it('the node process refuses to start (exit 78) and generates no secret file', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'nrm-prod-'));
    try {
      const child = runTs('apps/node/src/main.ts', [], {
        NODE_ENV: 'production',
        NRM_DATA_DIR: dataDir,
        PORT: '0',
      });
      const output = collect(child);
      expect(await exitOf(child)).toBe(78);
      expect(output.err()).toMatch(/NRM_MASTER_KEY and NRM_JWT_SECRET/);
      expect(readdirSync(dataDir)).toEqual([]);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
