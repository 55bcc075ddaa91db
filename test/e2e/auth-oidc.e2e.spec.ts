import { exportJWK, generateKeyPair, JWK, KeyLike, SignJWT } from 'jose';
import { once } from 'node:events';
import { createServer, Server } from 'node:http';
import { NodeHarness } from '../support/node-harness';

const ISSUER = 'https://idp.example.org/realms/nrm';
const AUDIENCE = 'nrm-md-api';

interface SigningKey {
  alg: string;
  kid: string;
  privateKey: KeyLike;
  publicJwk: JWK;
}

async function signingKey(alg: string, kid: string): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair(alg, alg === 'EdDSA' ? { crv: 'Ed25519' } : {});
  return { alg, kid, privateKey, publicJwk: { ...(await exportJWK(publicKey)), kid, alg, use: 'sig' } };
}

/** OIDC bearer tokens verified against a real JWKS endpoint (node:http on 127.0.0.1) with generated keys. */
describe('authentication with an external OIDC identity provider', () => {
  let jwks: Server;
  let node: NodeHarness;
  let keys: SigningKey[];
  let stranger: SigningKey;
  let jwksRequests = 0;

  const token = async (
    key: SigningKey,
    claims: Record<string, unknown> = {},
    options: { issuer?: string; audience?: string; expiresIn?: string | number; kid?: string } = {},
  ) => {
    const jwt = new SignJWT({
      nrm_role: 'case_manager',
      nrm_agency: 'shelter-1',
      nrm_country: 'MD',
      ...claims,
    })
      .setProtectedHeader({ alg: key.alg, kid: options.kid ?? key.kid, typ: 'JWT' })
      .setSubject('idp-user-7')
      .setIssuer(options.issuer ?? ISSUER)
      .setAudience(options.audience ?? AUDIENCE)
      .setIssuedAt();
    if (options.expiresIn !== undefined) jwt.setExpirationTime(options.expiresIn);
    else jwt.setExpirationTime('5m');
    return jwt.sign(key.privateKey);
  };
  const cases = (bearer: string) => node.request('GET', '/api/cases', { token: bearer });

  beforeAll(async () => {
    keys = await Promise.all([
      signingKey('RS256', 'rsa-1'),
      signingKey('ES256', 'ec-1'),
      signingKey('EdDSA', 'ed-1'),
    ]);
    stranger = await signingKey('RS256', 'rsa-1'); // same kid, another key: an attacker's copy
    jwks = createServer((req, res) => {
      jwksRequests++;
      if (req.url !== '/jwks') {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ keys: keys.map((k) => k.publicJwk) }));
    });
    jwks.listen(0, '127.0.0.1');
    await once(jwks, 'listening');
    const { port } = jwks.address() as { port: number };
    node = await NodeHarness.start({
      NRM_OIDC_ISSUER: ISSUER,
      NRM_OIDC_AUDIENCE: AUDIENCE,
      NRM_OIDC_JWKS_URL: `http://127.0.0.1:${port}/jwks`,
    });
  });
  afterAll(async () => {
    await node?.stop();
    jwks?.close();
  });

  it.each(['RS256', 'ES256', 'EdDSA'])(
    'accepts a valid %s token from the provider, with role and scope from its claims',
    async (alg) => {
      const key = keys.find((k) => k.alg === alg) as SigningKey;
      const res = await cases(await token(key));
      expect(res.status).toBe(200);
      expect(jwksRequests).toBeGreaterThan(0); // the keys really came from the JWKS endpoint
      // The role claim decides: a case manager may not register a case.
      const refused = await node.request('POST', '/api/cases', { token: await token(key), body: {} });
      expect(refused.status).toBe(403);
    },
  );

  it('keeps accepting local HS256 tokens from the node itself', async () => {
    await node.withUsers(['case_manager']);
    expect((await cases(node.tokens.get('case_manager') as string)).status).toBe(200);
  });

  it('refuses (401) a token signed with another key, alg none, expired, for another audience or issuer', async () => {
    const valid = await token(keys[0]);
    const [header, payload] = valid.split('.');
    const none = `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${payload}.`;
    const refused = {
      'another key': await token(stranger),
      'alg none': none,
      'alg none, signature kept': `${Buffer.from(JSON.stringify({ alg: 'none', kid: 'rsa-1' })).toString('base64url')}.${payload}.${valid.split('.')[2]}`,
      expired: await token(keys[0], {}, { expiresIn: Math.floor(Date.now() / 1000) - 120 }),
      'another audience': await token(keys[0], {}, { audience: 'someone-else' }),
      'another issuer': await token(keys[0], {}, { issuer: 'https://evil.example.org' }),
      'unknown role': await token(keys[0], { nrm_role: 'superuser' }),
      'no role': await token(keys[0], { nrm_role: undefined }),
      'tampered payload': `${header}.${Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload, 'base64url').toString()), nrm_role: 'identification_officer' })).toString('base64url')}.${valid.split('.')[2]}`,
    };
    for (const [why, bearer] of Object.entries(refused)) {
      const res = await cases(bearer);
      expect({ why, status: res.status }).toEqual({ why, status: 401 });
      expect(String(res.headers['content-type'])).toContain('application/problem+json');
    }
  });

  it('refuses a token without an expiry (401)', async () => {
    const noExp = await new SignJWT({ nrm_role: 'case_manager' })
      .setProtectedHeader({ alg: 'ES256', kid: 'ec-1' })
      .setSubject('idp-user-7')
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .sign(keys[1].privateKey);
    expect((await cases(noExp)).status).toBe(401);
  });

  it("refuses an HS256 token keyed with the provider's public key (algorithm confusion)", async () => {
    const secret = new TextEncoder().encode(JSON.stringify(keys[0].publicJwk));
    const confused = await new SignJWT({ nrm_role: 'case_manager' })
      .setProtectedHeader({ alg: 'HS256', kid: 'rsa-1' })
      .setSubject('idp-user-7')
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setExpirationTime('5m')
      .sign(secret);
    expect((await cases(confused)).status).toBe(401);
  });
});
