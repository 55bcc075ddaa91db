import { createHash, randomBytes } from 'node:crypto';
import {
  consistencyProof,
  EMPTY_TREE_ROOT,
  inclusionProof,
  leafHash,
  leafHashOfText,
  MerkleFrontier,
  merkleRoot,
  MerkleTreeIndex,
  nodeHash,
  sha256,
  verifyConsistency,
  verifyInclusion,
} from './merkle';

// Certificate Transparency reference vectors (RFC 6962 test data, certificate-transparency-go testonly).
const CT_LEAVES = [
  '',
  '00',
  '10',
  '2021',
  '3031',
  '40414243',
  '5051525354555657',
  '606162636465666768696a6b6c6d6e6f',
];
const CT_ROOTS = [
  '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
  'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
  'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
  'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
  '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
  '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
  'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
  '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
];
const INCLUSION_VECTORS: [number, number, string[]][] = [
  [
    0,
    8,
    [
      '96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7',
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4',
    ],
  ],
  [
    5,
    8,
    [
      'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
      'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    ],
  ],
];
const CONSISTENCY_VECTORS: [number, number, string[]][] = [
  [1, 1, []],
  [
    1,
    8,
    [
      '96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7',
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4',
    ],
  ],
  [
    6,
    8,
    [
      '0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a',
      'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    ],
  ],
  [
    2,
    5,
    [
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
    ],
  ],
];

const ctLeafHashes = CT_LEAVES.map((hex) => leafHash(Buffer.from(hex, 'hex')));
const hex = (buffers: Buffer[]) => buffers.map((b) => b.toString('hex'));
const syntheticLeaves = (n: number) =>
  Array.from({ length: n }, (_, i) => leafHash(Buffer.from(`event ${i}`)));

/** The RFC 6962 definition written out independently of merkle.ts (slices, no index arithmetic). */
function referenceRoot(leaves: Buffer[]): Buffer {
  if (leaves.length === 0) return sha256(Buffer.alloc(0));
  if (leaves.length === 1) return leaves[0];
  let k = 1;
  while (k * 2 < leaves.length) k *= 2;
  return nodeHash(referenceRoot(leaves.slice(0, k)), referenceRoot(leaves.slice(k)));
}

describe('RFC 6962 Merkle tree', () => {
  it('hashes a leaf given as text exactly as its UTF-8 bytes', () => {
    for (const text of ['', '{"a":1}', 'Ştefan – Ωmega \u2028 \u{1F600}']) {
      expect(leafHashOfText(text)).toEqual(leafHash(Buffer.from(text, 'utf8')));
    }
  });

  it('hashes the empty tree to SHA-256 of the empty string', () => {
    expect(EMPTY_TREE_ROOT.toString('hex')).toBe(
      'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    );
    expect(merkleRoot([])).toEqual(EMPTY_TREE_ROOT);
    expect(MerkleFrontier.empty().root()).toEqual(EMPTY_TREE_ROOT);
  });

  it('reproduces the Certificate Transparency roots for 1 to 8 leaves, recursively and incrementally', () => {
    const frontier = MerkleFrontier.empty();
    CT_ROOTS.forEach((root, i) => {
      frontier.append(ctLeafHashes[i]);
      expect(merkleRoot(ctLeafHashes.slice(0, i + 1)).toString('hex')).toBe(root);
      expect(frontier.root().toString('hex')).toBe(root);
      expect(frontier.size).toBe(i + 1);
    });
  });

  it('keeps the incremental frontier equal to the recursive definition for every size up to 70', () => {
    const leaves = syntheticLeaves(70);
    const frontier = MerkleFrontier.empty();
    for (let n = 1; n <= 70; n++) {
      frontier.append(leaves[n - 1]);
      expect(frontier.root()).toEqual(referenceRoot(leaves.slice(0, n)));
      const reloaded = MerkleFrontier.deserialize(frontier.size, frontier.serialize());
      expect(reloaded.root()).toEqual(frontier.root());
    }
  });

  it('refuses a serialized frontier whose length does not fit its size', () => {
    const frontier = MerkleFrontier.fromLeaves(syntheticLeaves(5));
    expect(() => MerkleFrontier.deserialize(7, frontier.serialize())).toThrow();
  });

  it.each(INCLUSION_VECTORS)(
    'produces and verifies the reference inclusion proof of leaf %i in %i',
    (index, size, expected) => {
      const leaves = ctLeafHashes.slice(0, size);
      const proof = inclusionProof(leaves, index);
      expect(hex(proof)).toEqual(expected);
      expect(verifyInclusion(leaves[index], index, size, proof, merkleRoot(leaves))).toBe(true);
    },
  );

  it('answers the root of every range from its index exactly as the recursive definition does', () => {
    for (let n = 0; n <= 40; n++) {
      const leaves = syntheticLeaves(n);
      const index = new MerkleTreeIndex(leaves);
      for (let start = 0; start <= n; start++)
        for (let end = start; end <= n; end++)
          expect(index.root(start, end).equals(merkleRoot(leaves, start, end))).toBe(true);
    }
  });

  it('verifies every inclusion proof for sizes up to 33 and rejects tampered ones', () => {
    const all = syntheticLeaves(33);
    for (let size = 1; size <= 33; size++) {
      const leaves = all.slice(0, size);
      const root = merkleRoot(leaves);
      for (let index = 0; index < size; index++) {
        const proof = inclusionProof(leaves, index);
        expect(verifyInclusion(leaves[index], index, size, proof, root)).toBe(true);
        expect(verifyInclusion(leafHash(Buffer.from('forged')), index, size, proof, root)).toBe(false);
        if (proof.length > 0) {
          const bent = proof.map((p, i) => (i === proof.length - 1 ? sha256(p) : p));
          expect(verifyInclusion(leaves[index], index, size, bent, root)).toBe(false);
          expect(verifyInclusion(leaves[index], index, size, proof.slice(1), root)).toBe(false);
        }
        if (size > 1)
          expect(verifyInclusion(leaves[index], (index + 1) % size, size, proof, root)).toBe(false);
      }
    }
  });

  it.each(CONSISTENCY_VECTORS)(
    'produces and verifies the reference consistency proof %i -> %i',
    (m, n, expected) => {
      const leaves = ctLeafHashes.slice(0, n);
      const proof = consistencyProof(leaves, m);
      expect(hex(proof)).toEqual(expected);
      expect(verifyConsistency(m, n, merkleRoot(leaves.slice(0, m)), merkleRoot(leaves), proof)).toBe(true);
    },
  );

  it('verifies every consistency proof for sizes up to 33 and rejects tampered ones', () => {
    const all = syntheticLeaves(33);
    for (let n = 1; n <= 33; n++) {
      const newRoot = merkleRoot(all.slice(0, n));
      for (let m = 1; m <= n; m++) {
        const oldRoot = merkleRoot(all.slice(0, m));
        const proof = consistencyProof(all.slice(0, n), m);
        expect(verifyConsistency(m, n, oldRoot, newRoot, proof)).toBe(true);
        expect(verifyConsistency(m, n, sha256(oldRoot), newRoot, proof)).toBe(false);
        if (m < n) {
          expect(verifyConsistency(m, n, oldRoot, sha256(newRoot), proof)).toBe(false);
          const bent = proof.map((p, i) => (i === 0 ? sha256(p) : p));
          expect(verifyConsistency(m, n, oldRoot, newRoot, bent)).toBe(false);
        }
      }
    }
  });

  it('hashes inner nodes of any length, and leaves given as text, exactly as RFC 6962 defines them', () => {
    const reference = (...parts: Uint8Array[]) => createHash('sha256').update(Buffer.concat(parts)).digest();
    const [a, b, short] = [randomBytes(32), randomBytes(32), randomBytes(5)];
    const first = nodeHash(a, b);
    expect(nodeHash(b, a)).toEqual(reference(Buffer.from([1]), b, a));
    // Each result is a buffer of its own: a later hash leaves an earlier one as it was.
    expect(first).toEqual(reference(Buffer.from([1]), a, b));
    expect(nodeHash(a, short)).toEqual(reference(Buffer.from([1]), a, short));
    expect(nodeHash(short, a)).toEqual(reference(Buffer.from([1]), short, a));
    for (const text of ['', 'plain', '{"name":"Zoë","script":"名前","emoji":"😀","nul":"\u0000"}']) {
      expect(leafHashOfText(text)).toEqual(leafHash(Buffer.from(text, 'utf8')));
      expect(leafHashOfText(text)).toEqual(reference(Buffer.from([0]), Buffer.from(text, 'utf8')));
    }
  });

  it('detects a history rewritten under an old checkpoint', () => {
    const leaves = syntheticLeaves(20);
    const oldRoot = merkleRoot(leaves.slice(0, 10));
    const forked = [...leaves];
    forked[3] = leafHash(Buffer.from('rewritten'));
    const proof = consistencyProof(forked, 10);
    expect(verifyConsistency(10, 20, oldRoot, merkleRoot(forked), proof)).toBe(false);
  });
});
