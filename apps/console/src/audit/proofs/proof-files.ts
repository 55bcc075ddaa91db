import { saveFile } from '../save-file';

/** The node's public key, named by its key id so that two nodes' keys are never mixed up. */
export const publicKeyFileName = (keyId: string): string => `node-${keyId}.pub.pem`;
export const eventProofFileName = (position: number): string => `event-${position}-proof.json`;
export const consistencyFileName = (from: number, to: number): string => `consistency-${from}-${to}.json`;

/** A proof exactly as the node answered it: what nrm-verify reads. */
export const saveProof = (answer: object, fileName: string): void =>
  saveFile(JSON.stringify(answer, null, 2), 'application/json', fileName);

/** A log position or tree size typed into a form: a positive whole number. */
export const POSITIVE_INTEGER = /^[1-9][0-9]{0,14}$/;
/** An optional size: empty means the node's latest checkpoint. */
export const optionalSize = (value: string): number | undefined =>
  value.trim() === '' ? undefined : Number(value.trim());
