import { generateKeyPairSync } from 'node:crypto';
import type { PartnerDetails } from './registry-events';
import {
  decideRegistry,
  EMPTY_REGISTRY,
  evolveRegistry,
  partnerForCountry,
  RegistryRefusal,
  type RegistryCommand,
  type RegistryState,
} from './registry-decider';

const pem = (type: 'ed25519' | 'x25519') =>
  generateKeyPairSync(type as 'ed25519')
    .publicKey.export({ type: 'spki', format: 'pem' })
    .toString();

const details = (overrides: Partial<PartnerDetails> = {}): PartnerDetails => ({
  nodeId: 'nrm-md',
  country: 'MD',
  publicKeyPem: pem('ed25519'),
  encryptionKeyPem: pem('x25519'),
  endpoint: 'https://nrm.gov.md',
  agreement: { reference: 'MoU DE-MD 2026/1', fields: { return: ['person.givenName', 'person.familyName'] } },
  ...overrides,
});

/** Decides against the state folded from `history`, returning the events (or the refusal). */
function run(history: RegistryCommand[], command: RegistryCommand) {
  let state: RegistryState = EMPTY_REGISTRY;
  for (const c of history) state = decideRegistry(c, state).reduce(evolveRegistry, state);
  try {
    const decided = decideRegistry(command, state);
    return { events: decided, state: decided.reduce(evolveRegistry, state) };
  } catch (error) {
    return { refusal: error as RegistryRefusal };
  }
}

const register = (overrides: Partial<PartnerDetails> = {}): RegistryCommand => ({
  type: 'RegisterPartner',
  partner: details(overrides),
  localNodeId: 'nrm-de',
});

describe('partner registry decider', () => {
  it('registers a partner as active and finds it by country', () => {
    const { state, events } = run([], register());
    expect(events?.map((e) => e.type)).toEqual(['PartnerRegistered']);
    expect(state?.partners.get('nrm-md')?.status).toBe('active');
    expect(partnerForCountry(state!, 'MD')?.nodeId).toBe('nrm-md');
  });

  it.each([
    ['its own node id', { nodeId: 'nrm-de' }, /own partner/],
    ['the path segment of the inbox as its node id', { nodeId: 'inbox' }, /names a path of the API/],
    ['a bad node id', { nodeId: 'NRM MD' }, /nodeId/],
    ['a bad country', { country: 'Moldova' }, /country/],
    ['a signing key that is not Ed25519', { publicKeyPem: pem('x25519') }, /publicKeyPem/],
    ['an encryption key that is not X25519', { encryptionKeyPem: pem('ed25519') }, /encryptionKeyPem/],
    ['garbage for a key', { publicKeyPem: 'not a key' }, /publicKeyPem/],
    ['an endpoint with credentials', { endpoint: 'https://u:p@nrm.gov.md' }, /endpoint/],
    ['a non-http endpoint', { endpoint: 'ftp://nrm.gov.md' }, /endpoint/],
  ])('refuses %s', (_what, overrides, message) => {
    const { refusal } = run([], register(overrides));
    expect(refusal).toBeInstanceOf(RegistryRefusal);
    expect(refusal?.kind).toBe('invalid');
    expect(refusal?.message).toMatch(message);
  });

  it('refuses an agreement that lets a field travel that never may, or names an unknown purpose', () => {
    const field = run(
      [],
      register({
        agreement: { reference: 'x', fields: { return: ['person.givenName', 'case.indicators' as never] } },
      }),
    );
    expect(field.refusal?.message).toMatch(/case.indicators.*never leave/);
    const purpose = run([], register({ agreement: { reference: 'x', fields: { marketing: [] } as never } }));
    expect(purpose.refusal?.message).toMatch(/unknown purpose/);
  });

  it('keeps one active node per country and one registration per node', () => {
    expect(run([register()], register()).refusal?.kind).toBe('conflict');
    expect(run([register()], register({ nodeId: 'nrm-md-2' })).refusal?.message).toMatch(/MD already has/);
  });

  it('updates only what changed, and refuses an empty or unknown update', () => {
    const endpoint = 'https://trm.gov.md';
    const { state } = run([register()], { type: 'UpdatePartner', changes: { nodeId: 'nrm-md', endpoint } });
    expect(state?.partners.get('nrm-md')?.endpoint).toBe(endpoint);
    expect(state?.partners.get('nrm-md')?.agreement.reference).toBe('MoU DE-MD 2026/1');
    expect(run([register()], { type: 'UpdatePartner', changes: { nodeId: 'nrm-md' } }).refusal?.kind).toBe(
      'invalid',
    );
    expect(run([], { type: 'UpdatePartner', changes: { nodeId: 'nrm-md', endpoint } }).refusal?.kind).toBe(
      'not-found',
    );
  });

  it('holds a partner once with the evidence, and releases only a held one', () => {
    const presented = { origin: 'nrm-md', size: 5, root: 'a'.repeat(64), signature: 's', keyId: 'k' };
    const hold: RegistryCommand = {
      type: 'HoldPartner',
      nodeId: 'nrm-md',
      reason: 'rewritten',
      detail: 'd',
      presented,
    };
    const held = run([register()], hold);
    expect(held.state?.partners.get('nrm-md')?.status).toBe('held');
    // The evidence stays readable while held: the admin judges it before releasing.
    expect(held.state?.holds.get('nrm-md')).toEqual({ reason: 'rewritten', detail: 'd', presented });
    expect(run([register(), hold], hold).events).toEqual([]);
    const release: RegistryCommand = { type: 'ReleasePartner', nodeId: 'nrm-md', reason: 'investigated' };
    const released = run([register(), hold], release).state;
    expect(released?.partners.get('nrm-md')?.status).toBe('active');
    // Witnessing continues from the history the admin accepted.
    expect(released?.releases.get('nrm-md')).toEqual({ count: 1, baseline: presented });
    expect(released?.holds.has('nrm-md')).toBe(false);
    expect(run([register()], release).refusal?.kind).toBe('conflict');
  });

  it('removes a partner: no longer found by country, and may be registered again', () => {
    const remove: RegistryCommand = { type: 'RemovePartner', nodeId: 'nrm-md', reason: 'agreement ended' };
    const { state } = run([register()], remove);
    expect(state?.partners.get('nrm-md')?.status).toBe('removed');
    expect(partnerForCountry(state!, 'MD')).toBeUndefined();
    expect(run([register(), remove], register()).events?.map((e) => e.type)).toEqual(['PartnerRegistered']);
  });
});
