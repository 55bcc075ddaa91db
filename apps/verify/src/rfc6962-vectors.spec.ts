import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  consistencyProof,
  inclusionProof,
  leafHash,
  MerkleFrontier,
  merkleRoot,
  verifyConsistency,
  verifyInclusion,
} from '@nrm/event-store/integrity/merkle';

/**
 * The Merkle code nrm-verify runs, against the RFC 6962 test vectors published by the transparency-dev
 * project (testonly/constants.go, copied into testdata/): not only against itself.
 */
const vectors = JSON.parse(readFileSync(join(__dirname, 'testdata', 'rfc6962-sha256.json'), 'utf8')) as {
  leafInputsHex: string[];
  leafHashesHex: string[];
  rootHashesBySizeHex: string[];
};
const leaves = vectors.leafInputsHex.map((input) => leafHash(Buffer.from(input, 'hex')));
const hex = (hashes: Buffer[]) => hashes.map((hash) => hash.toString('hex'));
const bytes = (hashes: string[]) => hashes.map((hash) => Buffer.from(hash, 'hex'));

describe('nrm-verify’s Merkle code against the published RFC 6962 vectors', () => {
  it('hashes every published leaf input to its published leaf hash', () => {
    expect(hex(leaves)).toEqual(vectors.leafHashesHex);
  });

  it('computes every published root, for each size from the empty tree to 8 leaves', () => {
    vectors.rootHashesBySizeHex.forEach((root, size) => {
      expect(merkleRoot(leaves.slice(0, size)).toString('hex')).toBe(root);
      expect(MerkleFrontier.fromLeaves(leaves.slice(0, size)).root().toString('hex')).toBe(root);
    });
  });

  it('accepts the inclusion proof of every leaf against every published root, and no other', () => {
    for (let size = 1; size < vectors.rootHashesBySizeHex.length; size++) {
      const root = Buffer.from(vectors.rootHashesBySizeHex[size], 'hex');
      for (let index = 0; index < size; index++) {
        const proof = inclusionProof(leaves.slice(0, size), index);
        expect(verifyInclusion(leaves[index], index, size, proof, root)).toBe(true);
        // A proof for another tree size does not lead to that tree's root; nor one for another leaf.
        if (index < size - 1) {
          const smaller = Buffer.from(vectors.rootHashesBySizeHex[size - 1], 'hex');
          expect(verifyInclusion(leaves[index], index, size - 1, proof, smaller)).toBe(false);
        }
        expect(verifyInclusion(leaves[(index + 1) % 8], index, size, proof, root)).toBe(false);
      }
    }
  });

  it('accepts the consistency proof between every pair of published roots, and refuses swapped roots', () => {
    const roots = bytes(vectors.rootHashesBySizeHex);
    for (let newSize = 1; newSize <= 8; newSize++) {
      for (let oldSize = 1; oldSize <= newSize; oldSize++) {
        const proof = consistencyProof(leaves.slice(0, newSize), oldSize);
        expect(verifyConsistency(oldSize, newSize, roots[oldSize], roots[newSize], proof)).toBe(true);
        if (oldSize < newSize) {
          expect(verifyConsistency(oldSize, newSize, roots[newSize], roots[oldSize], proof)).toBe(false);
        }
      }
    }
  });
});
