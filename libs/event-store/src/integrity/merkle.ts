import { createHash, hash } from 'node:crypto';

/**
 * RFC 6962 (Certificate Transparency) Merkle tree hashing. The 0x00 / 0x01 domain prefixes keep a
 * leaf from ever being passed off as an inner node (second-preimage attack).
 */
const LEAF_PREFIX = Buffer.from([0x00]);
const NODE_PREFIX = Buffer.from([0x01]);

/**
 * SHA-256 of one buffer or UTF-8 string. The writer hashes about ten times per appended event (leaf,
 * running root), so the call's overhead outweighs SHA-256 itself: the one-shot crypto.hash (Node
 * 20.12+) skips createHash's Hash object, and a digest taken as 'binary' (latin1) text, one character
 * per byte and so exact, becomes a Buffer from Node's pool instead of a backing store of its own per
 * hash, which costs two to three times as much once garbage collection is counted.
 */
const sha256Of: (data: Uint8Array | string) => Buffer =
  typeof hash === 'function'
    ? (data) => Buffer.from(hash('sha256', data, 'binary'), 'binary')
    : (data) => createHash('sha256').update(data).digest();

export function sha256(...parts: Uint8Array[]): Buffer {
  if (parts.length === 1) return sha256Of(parts[0]);
  const hasher = createHash('sha256');
  for (const part of parts) hasher.update(part);
  return hasher.digest();
}

export function leafHash(bytes: Uint8Array): Buffer {
  return sha256(LEAF_PREFIX, bytes);
}

/** leafHash of the UTF-8 encoding of `text`, without building the bytes first. */
export function leafHashOfText(text: string): Buffer {
  return sha256Of('\u0000' + text);
}

/** 0x01 || left || right for the common case of two 32-byte hashes, reused (hashing is synchronous). */
const nodeInput = Buffer.alloc(65, 0x01);

export function nodeHash(left: Uint8Array, right: Uint8Array): Buffer {
  // A proof handed in from outside may hold elements of any length: those take the general path.
  if (left.length !== 32 || right.length !== 32) return sha256(NODE_PREFIX, left, right);
  nodeInput.set(left, 1);
  nodeInput.set(right, 33);
  return sha256Of(nodeInput);
}

/** MTH({}) = SHA-256(""). */
export const EMPTY_TREE_ROOT: Buffer = sha256();

/** Largest power of two strictly smaller than n (n >= 2). */
function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/** MTH over leaf hashes, straight from the recursive definition in RFC 6962 §2.1. */
export function merkleRoot(leafHashes: readonly Uint8Array[], start = 0, end = leafHashes.length): Buffer {
  const n = end - start;
  if (n === 0) return EMPTY_TREE_ROOT;
  if (n === 1) return Buffer.from(leafHashes[start]);
  const k = splitPoint(n);
  return nodeHash(merkleRoot(leafHashes, start, start + k), merkleRoot(leafHashes, start + k, end));
}

/**
 * The right edge of a growing tree: one root per complete subtree, largest first (one per set bit of
 * the size). Appending is amortised O(1) hashes, the root O(log n), and the whole state fits in
 * 32 * log2(n) bytes, so it can be persisted next to the log and reloaded without reading every leaf.
 */
export class MerkleFrontier {
  private constructor(
    private _size: number,
    private readonly nodes: Buffer[],
  ) {}

  static empty(): MerkleFrontier {
    return new MerkleFrontier(0, []);
  }

  static fromLeaves(leafHashes: Iterable<Uint8Array>): MerkleFrontier {
    const frontier = MerkleFrontier.empty();
    for (const leaf of leafHashes) frontier.append(leaf);
    return frontier;
  }

  /** Inverse of `serialize()`; throws if the bytes cannot be a frontier of that size. */
  static deserialize(size: number, bytes: Uint8Array): MerkleFrontier {
    const count = popCount(size);
    if (!Number.isSafeInteger(size) || size < 0 || bytes.length !== count * 32) {
      throw new Error(`invalid Merkle frontier: size ${size}, ${bytes.length} bytes`);
    }
    const nodes: Buffer[] = [];
    for (let i = 0; i < count; i++) nodes.push(Buffer.from(bytes.subarray(i * 32, i * 32 + 32)));
    return new MerkleFrontier(size, nodes);
  }

  get size(): number {
    return this._size;
  }

  serialize(): Buffer {
    return Buffer.concat(this.nodes);
  }

  clone(): MerkleFrontier {
    return new MerkleFrontier(this._size, [...this.nodes]);
  }

  append(leaf: Uint8Array): void {
    let node: Buffer = Buffer.from(leaf);
    // Each trailing 1-bit of the old size is a complete subtree of the same height: merge with it.
    for (let s = this._size; s % 2 === 1; s = Math.floor(s / 2))
      node = nodeHash(this.nodes.pop() as Buffer, node);
    this.nodes.push(node);
    this._size += 1;
  }

  root(): Buffer {
    if (this.nodes.length === 0) return EMPTY_TREE_ROOT;
    let root = this.nodes[this.nodes.length - 1];
    for (let i = this.nodes.length - 2; i >= 0; i--) root = nodeHash(this.nodes[i], root);
    return root;
  }
}

function popCount(n: number): number {
  let count = 0;
  for (let s = n; s > 0; s = Math.floor(s / 2)) count += s % 2;
  return count;
}

/**
 * The perfect subtrees of a list of leaves, level by level (`levels[h][i]` covers leaves
 * [i * 2^h, (i + 1) * 2^h)), built once in n - 1 hashes: the root of any range the RFC 6962
 * recursion asks for is then a lookup plus at most log2(n) hashes along the right edge, so a proof
 * costs O(log² n) instead of hashing the whole tree again for every proof.
 */
export class MerkleTreeIndex {
  private readonly levels: Buffer[][];

  constructor(leafHashes: readonly Uint8Array[]) {
    this.levels = [leafHashes.map((leaf) => Buffer.from(leaf))];
    for (let below = this.levels[0]; below.length > 1;) {
      const level: Buffer[] = [];
      for (let i = 0; i + 1 < below.length; i += 2) level.push(nodeHash(below[i], below[i + 1]));
      this.levels.push(level);
      below = level;
    }
  }

  get size(): number {
    return this.levels[0].length;
  }

  /** MTH(D[start:end]), as merkleRoot, for 0 <= start <= end <= size. */
  root(start = 0, end = this.size): Buffer {
    const n = end - start;
    if (n === 0) return EMPTY_TREE_ROOT;
    // A perfect, aligned subtree is stored; anything else splits as RFC 6962 does.
    if ((n & (n - 1)) === 0 && start % n === 0) return this.levels[Math.log2(n)][start / n];
    const k = splitPoint(n);
    return nodeHash(this.root(start, start + k), this.root(start + k, end));
  }
}

/** PATH(m, D[n]) of RFC 6962 §2.1.1: the audit path of leaf `index` in the tree of the given leaves. */
export function inclusionProof(leaves: readonly Uint8Array[] | MerkleTreeIndex, index: number): Buffer[] {
  const tree = leaves instanceof MerkleTreeIndex ? leaves : new MerkleTreeIndex(leaves);
  if (!Number.isInteger(index) || index < 0 || index >= tree.size) {
    throw new RangeError(`leaf index ${index} outside tree of size ${tree.size}`);
  }
  const path = (m: number, start: number, end: number): Buffer[] => {
    const n = end - start;
    if (n === 1) return [];
    const k = splitPoint(n);
    return m < k
      ? [...path(m, start, start + k), tree.root(start + k, end)]
      : [...path(m - k, start + k, end), tree.root(start, start + k)];
  };
  return path(index, 0, tree.size);
}

/** RFC 9162 §2.1.3.2. */
export function verifyInclusion(
  leaf: Uint8Array,
  index: number,
  size: number,
  proof: readonly Uint8Array[],
  root: Uint8Array,
): boolean {
  if (!Number.isInteger(index) || !Number.isInteger(size) || index < 0 || index >= size) return false;
  let fn = index;
  let sn = size - 1;
  let r: Buffer = Buffer.from(leaf);
  for (const p of proof) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      r = nodeHash(p, r);
      if (fn % 2 === 0) {
        while (fn % 2 === 0 && fn !== 0) {
          fn = Math.floor(fn / 2);
          sn = Math.floor(sn / 2);
        }
      }
    } else {
      r = nodeHash(r, p);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 && r.equals(root);
}

/** PROOF(m, D[n]) of RFC 6962 §2.1.2: proves the tree of the first `oldSize` leaves is a prefix. */
export function consistencyProof(leaves: readonly Uint8Array[] | MerkleTreeIndex, oldSize: number): Buffer[] {
  const tree = leaves instanceof MerkleTreeIndex ? leaves : new MerkleTreeIndex(leaves);
  const n = tree.size;
  if (!Number.isInteger(oldSize) || oldSize < 1 || oldSize > n) {
    throw new RangeError(`old size ${oldSize} outside 1..${n}`);
  }
  const subproof = (m: number, start: number, end: number, whole: boolean): Buffer[] => {
    const size = end - start;
    if (m === size) return whole ? [] : [tree.root(start, end)];
    const k = splitPoint(size);
    return m <= k
      ? [...subproof(m, start, start + k, whole), tree.root(start + k, end)]
      : [...subproof(m - k, start + k, end, false), tree.root(start, start + k)];
  };
  return subproof(oldSize, 0, n, true);
}

/** RFC 9162 §2.1.4.2. Sizes must satisfy 1 <= oldSize <= newSize. */
export function verifyConsistency(
  oldSize: number,
  newSize: number,
  oldRoot: Uint8Array,
  newRoot: Uint8Array,
  proof: readonly Uint8Array[],
): boolean {
  if (!Number.isInteger(oldSize) || !Number.isInteger(newSize) || oldSize < 1 || oldSize > newSize) {
    return false;
  }
  if (oldSize === newSize) return proof.length === 0 && Buffer.from(oldRoot).equals(newRoot);
  const path = [...proof];
  if (popCount(oldSize) === 1) path.unshift(oldRoot);
  if (path.length === 0) return false;
  let fn = oldSize - 1;
  let sn = newSize - 1;
  while (fn % 2 === 1) {
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  let fr: Buffer = Buffer.from(path[0]);
  let sr: Buffer = Buffer.from(path[0]);
  for (const c of path.slice(1)) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      fr = nodeHash(c, fr);
      sr = nodeHash(c, sr);
      if (fn % 2 === 0) {
        while (fn % 2 === 0 && fn !== 0) {
          fn = Math.floor(fn / 2);
          sn = Math.floor(sn / 2);
        }
      }
    } else {
      sr = nodeHash(sr, c);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 && fr.equals(oldRoot) && sr.equals(newRoot);
}
