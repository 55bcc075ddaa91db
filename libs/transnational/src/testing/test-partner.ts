import { randomBytes, randomUUID } from 'node:crypto';
import { Ed25519Signer } from '@nrm/event-store/integrity';
import type { CrossBorderEnvelope, TrmMessageKind } from '../envelope/cross-border-envelope';
import { TRM_TYPE_PREFIX } from '../envelope/cross-border-envelope';
import { signEnvelope } from '../envelope/envelope-signature';
import { generateNodeEncryptionKey, NodeEncryptionKey } from '../envelope/node-encryption-key';
import { sealPayload } from '../envelope/payload-seal';
import type { DataSharingAgreement, Partner, TrmPurpose } from '../registry/partner';
import { TestPartnerLog } from './test-partner-log';

/** A partner node with its private keys, for tests on either side of the border. */
export interface TestPartnerNode {
  nodeId: string;
  signer: Ed25519Signer;
  encryptionKey: NodeEncryptionKey;
  /** How another node's registry holds this node. */
  partner: Partner;
  /** This node's own log (in memory): its checkpoints are what its envelopes carry. */
  log: TestPartnerLog;
}

export const TEST_AGREEMENT: DataSharingAgreement = {
  reference: 'MoU-TEST-1',
  fields: {
    return: [
      'person.ageBand',
      'case.presumedMinor',
      'return.riskLevel',
      'return.responseDueAt',
      'return.departedAt',
      'return.arrivedAt',
      'return.receivingAgency',
      'answer.reason',
    ],
    reintegration: ['person.ageBand', 'reintegration.services', 'reintegration.status'],
    restriction: [],
  },
};

export function makeTestPartner(
  overrides: Partial<Omit<Partner, 'publicKeyPem' | 'encryptionKeyPem'>> = {},
): TestPartnerNode {
  const signer = Ed25519Signer.generate();
  const encryptionKey = generateNodeEncryptionKey();
  const nodeId = overrides.nodeId ?? `nrm-test-${randomBytes(4).toString('hex')}`;
  const partner: Partner = {
    country: 'XX',
    agreement: TEST_AGREEMENT,
    status: 'active',
    ...overrides,
    nodeId,
    publicKeyPem: signer.publicKeyPem,
    encryptionKeyPem: encryptionKey.publicKeyPem,
  };
  return { nodeId, signer, encryptionKey, partner, log: new TestPartnerLog(nodeId, signer) };
}

export interface TestEnvelopeOptions {
  kind?: TrmMessageKind;
  purpose?: TrmPurpose;
  payload?: Record<string, unknown>;
  id?: string;
  subject?: string;
  time?: string;
  /**
   * The sender's chain position; by default the sender log's current checkpoint with a proof from
   * `fromSize` (default 0, as in a first message).
   */
  fromSize?: number;
  checkpoint?: CrossBorderEnvelope['nrmcheckpoint'];
  consistency?: CrossBorderEnvelope['nrmconsistency'];
}

/** A well-formed, sealed and signed envelope from `from` to `to`; override what the test is about. */
export function makeTestEnvelope(
  from: TestPartnerNode,
  to: TestPartnerNode,
  options: TestEnvelopeOptions = {},
): CrossBorderEnvelope {
  const id = options.id ?? randomUUID();
  const fromSize = options.fromSize ?? 0;
  return signEnvelope(
    {
      specversion: '1.0',
      id,
      source: `urn:nrm:node:${from.nodeId}`,
      type: `${TRM_TYPE_PREFIX}${options.kind ?? 'handover.proposed'}`,
      subject: options.subject ?? randomUUID(),
      time: options.time ?? new Date().toISOString(),
      datacontenttype: 'application/json',
      nrmsender: from.nodeId,
      nrmrecipient: to.nodeId,
      nrmpurpose: options.purpose ?? 'return',
      nrmcheckpoint: options.checkpoint ?? from.log.checkpoint(),
      nrmconsistency: options.consistency ?? { fromSize, proof: from.log.consistencyFrom(fromSize) },
      data: sealPayload(options.payload ?? { 'return.riskLevel': 'low' }, to.partner.encryptionKeyPem, id),
    },
    from.signer,
  );
}
