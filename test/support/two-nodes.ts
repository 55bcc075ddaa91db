import { AGREEMENT, OPERATOR_ROLES } from '../../tools/demo-transnational/partner-setup';
import { ok as okAnswer, RequestBody } from '@nrm/api-client';
import { NodeHarness, Response } from './node-harness';

/** A country of destination and a country of origin, each a whole node listening on its own port. */
export interface TwoNodes {
  de: NodeHarness;
  md: NodeHarness;
  urlOf(node: NodeHarness): string;
  stop(): Promise<void>;
}

/** The agreement both nodes register for each other: the demo's, so tests and demo exercise the same one. */
export { AGREEMENT };

const FAST_RETRY = { NRM_PARTNER_RETRY_MS: '50', NRM_PARTNER_RETRY_MAX_MS: '400' };

export async function startTwoNodes(env: Record<string, string> = {}): Promise<TwoNodes> {
  const de = await NodeHarness.start({
    NRM_NODE_COUNTRY: 'DE',
    NRM_NODE_ID: 'nrm-de',
    ...FAST_RETRY,
    ...env,
  });
  const md = await NodeHarness.start({
    NRM_NODE_COUNTRY: 'MD',
    NRM_NODE_ID: 'nrm-md',
    ...FAST_RETRY,
    ...env,
  });
  const urls = new Map<NodeHarness, string>();
  for (const node of [de, md]) {
    await node.app.listen(0, '127.0.0.1');
    urls.set(node, (await node.app.getUrl()).replace('[::1]', '127.0.0.1'));
  }
  // The demo's operators: tests and demo walk the same handover with the same roles.
  await de.withUsers(OPERATOR_ROLES);
  await md.withUsers(OPERATOR_ROLES);
  await registerEachOther(de, md, urls);
  return {
    de,
    md,
    urlOf: (node) => urls.get(node) as string,
    stop: async () => {
      await de.stop();
      await md.stop();
    },
  };
}

async function registerEachOther(de: NodeHarness, md: NodeHarness, urls: Map<NodeHarness, string>) {
  for (const [node, partner] of [
    [de, md],
    [md, de],
  ] as const) {
    const identity = await okAnswer(partner.api('admin').GET('/api/node/identity'), 200);
    const registration: RequestBody<'/api/partners', 'post'> = {
      nodeId: identity.nodeId,
      country: identity.country as RequestBody<'/api/partners', 'post'>['country'],
      publicKeyPem: identity.publicKeyPem,
      encryptionKeyPem: identity.encryptionKeyPem,
      endpoint: urls.get(partner),
      agreement: AGREEMENT,
    };
    await okAnswer(node.api('admin').POST('/api/partners', { body: registration }), 201);
  }
}

/** Polls until `check` returns a value (not undefined), or fails with `what` after `timeoutMs`. */
export async function eventually<T>(
  what: string,
  check: () => Promise<T | undefined>,
  timeoutMs = 15000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline)
      throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export const ok = (res: Response, status = 201): Response => {
  if (res.status !== status)
    throw new Error(`expected ${status}, got ${res.status}: ${JSON.stringify(res.body)}`);
  return res;
};
