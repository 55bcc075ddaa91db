import { makeTestEnvelope, makeTestPartner } from '../testing/test-partner';
import type { CrossBorderEnvelope } from './cross-border-envelope';
import { verifyEnvelopeSignature } from './envelope-signature';
import { MAX_ENVELOPE_BYTES, MAX_PROOF_NODES, parseEnvelope } from './envelope-shape';
import { MAX_PAYLOAD_BYTES, sealPayload } from './payload-seal';

type Loose = Record<string, unknown>;

describe('parseEnvelope', () => {
  const sender = makeTestPartner({ nodeId: 'nrm-md' });
  const recipient = makeTestPartner({ nodeId: 'nrm-ro' });
  sender.log.append(9);
  const envelope = makeTestEnvelope(sender, recipient, { fromSize: 5 });

  function problem(input: unknown): string {
    const result = parseEnvelope(input);
    if (result.ok) throw new Error('expected the envelope to be refused');
    return result.problem;
  }
  const withMember = (member: string, value: unknown): Loose => ({ ...envelope, [member]: value });
  const within = (member: 'nrmcheckpoint' | 'nrmconsistency' | 'data', change: Loose): Loose => ({
    ...envelope,
    [member]: { ...envelope[member], ...change },
  });

  it('accepts what makeTestEnvelope builds, as a value, as JSON text and as bytes', () => {
    for (const input of [envelope, JSON.stringify(envelope), Buffer.from(JSON.stringify(envelope))]) {
      const result = parseEnvelope(input);
      expect(result).toEqual({ ok: true, envelope });
    }
  });

  it('returns a fresh copy that still verifies, not the input object', () => {
    const result = parseEnvelope(envelope);
    if (!result.ok) throw new Error(result.problem);
    expect(result.envelope).not.toBe(envelope);
    expect(result.envelope.nrmcheckpoint).not.toBe(envelope.nrmcheckpoint);
    expect(verifyEnvelopeSignature(result.envelope, sender.signer.publicKeyPem)).toBe(true);
  });

  it('accepts an envelope whose time has no fraction or nanoseconds', () => {
    for (const time of ['2025-03-01T10:00:00Z', '2025-03-01T10:00:00.123456789Z']) {
      expect(parseEnvelope(withMember('time', time)).ok).toBe(true);
    }
  });

  it.each<[string, unknown, RegExp]>([
    ['null', null, /JSON object/],
    ['an array', [envelope], /JSON object/],
    ['a number', 42, /JSON object/],
    ['text that is not JSON', '{"specversion":', /not JSON/],
    [
      'an object with a prototype',
      Object.assign(Object.create({ inherited: true }), envelope),
      /plain object/,
    ],
  ])('refuses %s', (_what, input, expected) => {
    expect(problem(input)).toMatch(expected);
  });

  it.each<[string, Loose, RegExp]>([
    ['specversion 0.3', withMember('specversion', '0.3'), /specversion/],
    ['an id that is not a UUID', withMember('id', 'message-1'), /^id must be/],
    ['an uppercase UUID id', withMember('id', envelope.id.toUpperCase()), /lowercase UUID/],
    ['a subject that is a local case id', withMember('subject', 'case-123'), /^subject/],
    ['a source that is not the sender', withMember('source', 'urn:nrm:node:nrm-ua'), /source/],
    ['a source that is a URL', withMember('source', 'https://nrm-md.example'), /source/],
    ['an unknown type', withMember('type', 'org.nrm.trm.case.deleted'), /type/],
    ['a type without the prefix', withMember('type', 'handover.proposed'), /type/],
    ['a time with an offset', withMember('time', '2025-03-01T12:00:00+02:00'), /time/],
    ['a time on 30 February', withMember('time', '2025-02-30T10:00:00.000Z'), /time/],
    ['a time that is a number', withMember('time', Date.now()), /time/],
    ['another content type', withMember('datacontenttype', 'text/plain'), /datacontenttype/],
    [
      'a sender id with a newline',
      { ...withMember('nrmsender', 'nrm\nmd'), source: 'urn:nrm:node:nrm\nmd' },
      /nrmsender/,
    ],
    ['a recipient id that is empty', withMember('nrmrecipient', ''), /nrmrecipient/],
    ['a message to its own sender', withMember('nrmrecipient', 'nrm-md'), /different nodes/],
    ['an unknown purpose', withMember('nrmpurpose', 'marketing'), /nrmpurpose/],
    ['a signature that is not base64', withMember('nrmsignature', 'sig!'), /nrmsignature/],
    [
      'a signature of the wrong length',
      withMember('nrmsignature', Buffer.alloc(32).toString('base64')),
      /nrmsignature/,
    ],
    ['a checkpoint size that is negative', within('nrmcheckpoint', { size: -1 }), /nrmcheckpoint.size/],
    ['a checkpoint size that is fractional', within('nrmcheckpoint', { size: 1.5 }), /nrmcheckpoint.size/],
    ['a checkpoint size that is text', within('nrmcheckpoint', { size: '9' }), /nrmcheckpoint.size/],
    ['an uppercase checkpoint root', within('nrmcheckpoint', { root: 'AB'.repeat(32) }), /root/],
    ['a short checkpoint root', within('nrmcheckpoint', { root: 'ab' }), /root/],
    ['a checkpoint origin that is not a node id', within('nrmcheckpoint', { origin: 'a b' }), /origin/],
    ['a checkpoint key id that is not hex', within('nrmcheckpoint', { keyId: 'key-1' }), /keyId/],
    ['a checkpoint signature that is not base64', within('nrmcheckpoint', { signature: '***' }), /signature/],
    ['a proof from beyond the checkpoint', within('nrmconsistency', { fromSize: 10 }), /fromSize/],
    ['a proof that is not an array', within('nrmconsistency', { proof: 'ab' }), /proof/],
    ['a proof node that is not hex', within('nrmconsistency', { proof: ['zz'.repeat(32)] }), /proof nodes/],
    ['a proof node that is a number', within('nrmconsistency', { proof: [1] }), /proof nodes/],
    [
      'a proof with too many nodes',
      within('nrmconsistency', { proof: Array(MAX_PROOF_NODES + 1).fill('ab'.repeat(32)) }),
      /at most/,
    ],
    ['another sealing algorithm', within('data', { alg: 'none' }), /data.alg/],
    ['a short ephemeral key', within('data', { epk: Buffer.alloc(16).toString('base64url') }), /data.epk/],
    [
      'a base64 (not base64url) nonce',
      within('data', { iv: Buffer.from([0xfb, 0xff, 0xfe, 0, 0, 0, 0, 0, 0, 0, 0, 0]).toString('base64') }),
      /data.iv/,
    ],
    ['a short tag', within('data', { tag: 'AAAA' }), /data.tag/],
    ['a ciphertext that is not text', within('data', { ct: 12 }), /data.ct/],
    ['data in clear', withMember('data', { 'person.givenName': 'Ana' }), /data has an unknown member/],
  ])('refuses %s', (_what, input, expected) => {
    expect(problem(input)).toMatch(expected);
  });

  it.each(['nrmcheckpoint', 'nrmconsistency', 'data'] as const)(
    'refuses an unknown member inside %s',
    (member) => {
      expect(problem(within(member, { extra: 1 }))).toMatch(
        new RegExp(`${member} has an unknown member "extra"`),
      );
    },
  );

  it('refuses unknown top-level members, including CloudEvents extensions and __proto__', () => {
    expect(problem(withMember('dataschema', 'https://example.org'))).toMatch(/unknown member "dataschema"/);
    expect(problem(`{"__proto__":{"admin":true},${JSON.stringify(envelope).slice(1)}`)).toMatch(
      /unknown member "__proto__"/,
    );
  });

  it.each([
    'specversion',
    'id',
    'source',
    'subject',
    'nrmcheckpoint',
    'nrmconsistency',
    'nrmsignature',
    'data',
  ])('refuses an envelope without %s', (member) => {
    const { [member]: _dropped, ...rest } = envelope as unknown as Loose;
    expect(problem(rest)).toMatch(new RegExp(`lacks "${member}"`));
  });

  it('bounds what a hostile partner can make it read', () => {
    const huge = JSON.stringify(withMember('subject', 'x'.repeat(MAX_ENVELOPE_BYTES)));
    expect(problem(huge)).toMatch(/larger than/);
    expect(problem(Buffer.from(huge))).toMatch(/larger than/);
    // Already parsed values are bounded member by member.
    expect(problem(withMember('id', 'a'.repeat(10_000_000)))).toMatch(/^id/);
    expect(problem(withMember('nrmsignature', 'A'.repeat(10_000_000)))).toMatch(/nrmsignature/);
    const tooLong = Buffer.alloc(MAX_PAYLOAD_BYTES + 64).toString('base64url');
    expect(problem(within('data', { ct: tooLong }))).toMatch(/data.ct/);
  });

  it('fits the largest envelope a node may send within MAX_ENVELOPE_BYTES', () => {
    const notes = 'x'.repeat(MAX_PAYLOAD_BYTES - 20);
    const largest: CrossBorderEnvelope = {
      ...envelope,
      data: sealPayload({ n: notes }, recipient.partner.encryptionKeyPem, envelope.id),
      nrmconsistency: { fromSize: 5, proof: Array(MAX_PROOF_NODES).fill('ab'.repeat(32)) },
    };
    const text = JSON.stringify(largest);
    expect(Buffer.byteLength(text)).toBeLessThanOrEqual(MAX_ENVELOPE_BYTES);
    expect(parseEnvelope(text).ok).toBe(true);
  });

  it('reports an input whose members cannot even be read as malformed instead of throwing', () => {
    const hostile = { ...envelope };
    Object.defineProperty(hostile, 'id', {
      enumerable: true,
      get() {
        throw new Error('boom');
      },
    });
    expect(problem(hostile)).toBe('envelope cannot be read');
  });
});
