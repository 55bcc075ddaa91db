import type { SignedCheckpoint } from '@nrm/event-store/integrity';
import { TRM_PURPOSES, TrmPurpose } from '../registry/partner';
import {
  CrossBorderEnvelope,
  SealedPayload,
  TRM_MESSAGE_KINDS,
  TRM_TYPE_PREFIX,
  TrmEventType,
} from './cross-border-envelope';
import { decodeBase64, decodeBase64url, isLowerHex } from './encoding';
import { MAX_PAYLOAD_BYTES, SEAL_ALGORITHM } from './payload-seal';

/** A node id: one short token, safe in a URN, a checkpoint origin line and a topic name. */
export const NODE_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
export const NODE_URN_PREFIX = 'urn:nrm:node:';
/** Lowercase canonical UUIDs only: ids are compared as text (duplicates), so one id has one spelling. */
const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** RFC 3339 in UTC, as Date.prototype.toISOString writes it (fraction optional, up to nanoseconds). */
const UTC_TIME_PATTERN = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(\.\d{1,9})?Z$/;
/**
 * RFC 6962 consistency proofs have at most about 2·log2(size) nodes; 128 covers any log size a
 * safe integer can count.
 */
export const MAX_PROOF_NODES = 128;
/** base64url of the largest ciphertext a payload may have. */
const MAX_CIPHERTEXT_CHARS = Math.ceil((MAX_PAYLOAD_BYTES * 4) / 3);
/**
 * Largest envelope a node reads. Every member is bounded below, so a parsed envelope always fits;
 * transports use this as their body or message limit, so that a hostile partner cannot make a node
 * parse (or hold) more than this before the envelope is even looked at.
 */
export const MAX_ENVELOPE_BYTES = 128 * 1024;

export type ParsedEnvelope = { ok: true; envelope: CrossBorderEnvelope } | { ok: false; problem: string };

const MEMBERS = [
  'specversion',
  'id',
  'source',
  'type',
  'subject',
  'time',
  'datacontenttype',
  'nrmsender',
  'nrmrecipient',
  'nrmpurpose',
  'nrmcheckpoint',
  'nrmconsistency',
  'nrmsignature',
  'data',
] as const;
const CHECKPOINT_MEMBERS = ['origin', 'size', 'root', 'signature', 'keyId'] as const;
const CONSISTENCY_MEMBERS = ['fromSize', 'proof'] as const;
const SEALED_MEMBERS = ['alg', 'epk', 'iv', 'ct', 'tag'] as const;

class Malformed extends Error {}

/**
 * Strict structural check of an envelope from outside: JSON text (string or bytes, refused above
 * MAX_ENVELOPE_BYTES before parsing) or an already parsed value. Every member must be there with its
 * exact form and size, and nothing else: unknown members are refused rather than carried along
 * unchecked. Nothing is verified here (signature, sender, time): this only makes it safe to look.
 * The envelope returned is a fresh object built from the checked values, never the input itself.
 */
export function parseEnvelope(input: unknown): ParsedEnvelope {
  try {
    return {
      ok: true,
      envelope: readEnvelope(typeof input === 'string' || input instanceof Uint8Array ? json(input) : input),
    };
  } catch (error) {
    // Getters, proxies and other surprises in a hand-built input end up here too.
    return { ok: false, problem: error instanceof Malformed ? error.message : 'envelope cannot be read' };
  }
}

function json(input: string | Uint8Array): unknown {
  const bytes = typeof input === 'string' ? Buffer.byteLength(input, 'utf8') : input.length;
  if (bytes > MAX_ENVELOPE_BYTES) throw new Malformed(`envelope is larger than ${MAX_ENVELOPE_BYTES} bytes`);
  try {
    return JSON.parse(typeof input === 'string' ? input : Buffer.from(input).toString('utf8'));
  } catch {
    throw new Malformed('envelope is not JSON');
  }
}

function readEnvelope(value: unknown): CrossBorderEnvelope {
  const o = record(value, 'envelope', MEMBERS);
  if (o.specversion !== '1.0') throw new Malformed('specversion must be "1.0"');
  const nrmsender = nodeId(o.nrmsender, 'nrmsender');
  const nrmrecipient = nodeId(o.nrmrecipient, 'nrmrecipient');
  if (nrmsender === nrmrecipient) throw new Malformed('nrmsender and nrmrecipient must be different nodes');
  if (o.source !== `${NODE_URN_PREFIX}${nrmsender}`) {
    throw new Malformed(`source must be "${NODE_URN_PREFIX}" followed by nrmsender`);
  }
  if (o.datacontenttype !== 'application/json')
    throw new Malformed('datacontenttype must be "application/json"');
  const nrmcheckpoint = checkpoint(o.nrmcheckpoint);
  const nrmconsistency = consistency(o.nrmconsistency, nrmcheckpoint.size);
  if (!decodeBase64(o.nrmsignature, 64))
    throw new Malformed('nrmsignature must be a base64 Ed25519 signature');
  return {
    specversion: '1.0',
    id: uuid(o.id, 'id'),
    source: o.source,
    type: eventType(o.type),
    subject: uuid(o.subject, 'subject'),
    time: utcTime(o.time, 'time'),
    datacontenttype: 'application/json',
    nrmsender,
    nrmrecipient,
    nrmpurpose: purpose(o.nrmpurpose),
    nrmcheckpoint,
    nrmconsistency,
    nrmsignature: o.nrmsignature as string,
    data: sealed(o.data),
  };
}

function record<K extends string>(value: unknown, what: string, members: readonly K[]): Record<K, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new Malformed(`${what} must be a JSON object`);
  }
  const prototype = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null)
    throw new Malformed(`${what} must be a plain object`);
  const keys = Object.keys(value);
  const unknown = keys.find((key) => !(members as readonly string[]).includes(key));
  if (unknown !== undefined) {
    throw new Malformed(
      `${what} has an unknown member "${unknown.length > 40 ? `${unknown.slice(0, 40)}…` : unknown}"`,
    );
  }
  const missing = members.find((member) => !keys.includes(member));
  if (missing !== undefined) throw new Malformed(`${what} lacks "${missing}"`);
  return value as Record<K, unknown>;
}

function nodeId(value: unknown, what: string): string {
  if (typeof value !== 'string' || !NODE_ID_PATTERN.test(value))
    throw new Malformed(`${what} must be a node id`);
  return value;
}

function uuid(value: unknown, what: string): string {
  if (typeof value !== 'string' || !UUID_PATTERN.test(value))
    throw new Malformed(`${what} must be a lowercase UUID`);
  return value;
}

function utcTime(value: unknown, what: string): string {
  const match = typeof value === 'string' ? UTC_TIME_PATTERN.exec(value) : null;
  // Date would roll 2025-02-30 over into March: the date must read back exactly as written.
  if (
    !match ||
    Number.isNaN(Date.parse(`${match[1]}Z`)) ||
    new Date(`${match[1]}Z`).toISOString().slice(0, 19) !== match[1]
  ) {
    throw new Malformed(`${what} must be an RFC 3339 UTC date-time (YYYY-MM-DDTHH:MM:SS[.fff]Z)`);
  }
  return value as string;
}

function eventType(value: unknown): TrmEventType {
  const kind =
    typeof value === 'string' && value.startsWith(TRM_TYPE_PREFIX)
      ? value.slice(TRM_TYPE_PREFIX.length)
      : undefined;
  if (kind === undefined || !(TRM_MESSAGE_KINDS as readonly string[]).includes(kind)) {
    throw new Malformed(`type must be "${TRM_TYPE_PREFIX}" followed by a known message kind`);
  }
  return value as TrmEventType;
}

function purpose(value: unknown): TrmPurpose {
  if (!(TRM_PURPOSES as readonly unknown[]).includes(value)) {
    throw new Malformed(`nrmpurpose must be one of ${TRM_PURPOSES.join(', ')}`);
  }
  return value as TrmPurpose;
}

function size(value: unknown, what: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    throw new Malformed(`${what} must be a non-negative integer`);
  }
  return value;
}

function checkpoint(value: unknown): SignedCheckpoint {
  const o = record(value, 'nrmcheckpoint', CHECKPOINT_MEMBERS);
  if (!isLowerHex(o.root, 64)) throw new Malformed('nrmcheckpoint.root must be 64 lowercase hex characters');
  if (!decodeBase64(o.signature, 64))
    throw new Malformed('nrmcheckpoint.signature must be a base64 Ed25519 signature');
  if (!isLowerHex(o.keyId, 16))
    throw new Malformed('nrmcheckpoint.keyId must be 16 lowercase hex characters');
  return {
    origin: nodeId(o.origin, 'nrmcheckpoint.origin'),
    size: size(o.size, 'nrmcheckpoint.size'),
    root: o.root,
    signature: o.signature as string,
    keyId: o.keyId,
  };
}

function consistency(value: unknown, checkpointSize: number): CrossBorderEnvelope['nrmconsistency'] {
  const o = record(value, 'nrmconsistency', CONSISTENCY_MEMBERS);
  const fromSize = size(o.fromSize, 'nrmconsistency.fromSize');
  if (fromSize > checkpointSize)
    throw new Malformed('nrmconsistency.fromSize must not exceed nrmcheckpoint.size');
  if (!Array.isArray(o.proof) || o.proof.length > MAX_PROOF_NODES) {
    throw new Malformed(`nrmconsistency.proof must be an array of at most ${MAX_PROOF_NODES} nodes`);
  }
  const proof: string[] = [];
  for (const node of o.proof as unknown[]) {
    if (!isLowerHex(node, 64))
      throw new Malformed('nrmconsistency.proof nodes must be 64 lowercase hex characters');
    proof.push(node);
  }
  return { fromSize, proof };
}

function sealed(value: unknown): SealedPayload {
  const o = record(value, 'data', SEALED_MEMBERS);
  if (o.alg !== SEAL_ALGORITHM) throw new Malformed(`data.alg must be "${SEAL_ALGORITHM}"`);
  if (!decodeBase64url(o.epk, 32)) throw new Malformed('data.epk must be a base64url X25519 public key');
  if (!decodeBase64url(o.iv, 12)) throw new Malformed('data.iv must be a base64url 12-byte nonce');
  if (!decodeBase64url(o.tag, 16)) throw new Malformed('data.tag must be a base64url 16-byte tag');
  if (typeof o.ct !== 'string' || o.ct.length > MAX_CIPHERTEXT_CHARS || !decodeBase64url(o.ct)) {
    throw new Malformed(`data.ct must be base64url of at most ${MAX_PAYLOAD_BYTES} bytes`);
  }
  return { alg: SEAL_ALGORITHM, epk: o.epk as string, iv: o.iv as string, ct: o.ct, tag: o.tag as string };
}
