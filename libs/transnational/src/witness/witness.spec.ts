import { Ed25519Signer, signCheckpoint } from '@nrm/event-store/integrity';
import { TestPartnerLog } from '../testing/test-partner-log';
import { witnessCheckpoint } from './witness';

describe('witnessCheckpoint', () => {
  const origin = 'nrm-md';
  const signer = Ed25519Signer.generate();
  const key = signer.publicKeyPem;
  let log: TestPartnerLog;
  beforeEach(() => (log = new TestPartnerLog(origin, signer).append(7)));

  it('accepts an honest extension with its consistency proof', () => {
    const kept = log.checkpoint();
    log.append(6);
    const next = log.checkpoint();
    expect(
      witnessCheckpoint(kept, next, { fromSize: 7, proof: log.consistencyFrom(7) }, key, origin),
    ).toEqual({
      status: 'extends',
    });
  });

  it.each([
    [1, 2],
    [1, 8],
    [4, 5],
    [6, 9],
    [8, 16],
    [13, 64],
  ])('accepts honest extensions from %i to %i leaves', (from, to) => {
    const grown = new TestPartnerLog(origin, signer).append(to);
    const result = witnessCheckpoint(
      grown.checkpoint(from),
      grown.checkpoint(to),
      { fromSize: from, proof: grown.consistencyFrom(from, to) },
      key,
      origin,
    );
    expect(result).toEqual({ status: 'extends' });
  });

  it('accepts the first checkpoint from a partner when the proof starts from the empty log', () => {
    expect(witnessCheckpoint(undefined, log.checkpoint(), { fromSize: 0, proof: [] }, key, origin)).toEqual({
      status: 'extends',
    });
    const empty = new TestPartnerLog(origin, signer);
    expect(witnessCheckpoint(undefined, empty.checkpoint(), { fromSize: 0, proof: [] }, key, origin)).toEqual(
      {
        status: 'extends',
      },
    );
  });

  it('reports a gap when the first checkpoint claims to continue one this node never kept', () => {
    const result = witnessCheckpoint(
      undefined,
      log.checkpoint(),
      { fromSize: 3, proof: log.consistencyFrom(3) },
      key,
      origin,
    );
    expect(result).toMatchObject({ status: 'gap' });
  });

  it('reports the same checkpoint again as same', () => {
    const kept = log.checkpoint();
    expect(witnessCheckpoint(kept, log.checkpoint(), { fromSize: 7, proof: [] }, key, origin)).toEqual({
      status: 'same',
    });
  });

  it('reports a log in which an old leaf changed as rewritten, although the new checkpoint is validly signed', () => {
    const kept = log.checkpoint();
    const rewritten = log.fork().rewrite(2).append(5);
    const result = witnessCheckpoint(
      kept,
      rewritten.checkpoint(),
      { fromSize: 7, proof: rewritten.consistencyFrom(7) },
      key,
      origin,
    );
    expect(result).toMatchObject({ status: 'rewritten' });
  });

  it('reports a rewritten log even when the proof was taken from the honest log', () => {
    const kept = log.checkpoint();
    const honest = log.fork().append(5);
    const rewritten = log.fork().rewrite(6).append(5);
    const result = witnessCheckpoint(
      kept,
      rewritten.checkpoint(),
      { fromSize: 7, proof: honest.consistencyFrom(7) },
      key,
      origin,
    );
    expect(result).toMatchObject({ status: 'rewritten' });
  });

  it('reports a same-size fork (two roots signed for one size) as rewritten', () => {
    const kept = log.checkpoint();
    const fork = log.fork(6).append(1);
    expect(fork.size).toBe(7);
    const result = witnessCheckpoint(kept, fork.checkpoint(), { fromSize: 7, proof: [] }, key, origin);
    expect(result).toMatchObject({ status: 'rewritten', detail: expect.stringMatching(/size 7/) });
  });

  it('reports a smaller log as rolled back, whatever proof comes with it', () => {
    const kept = log.checkpoint();
    const shorter = log.fork(4);
    expect(
      witnessCheckpoint(kept, shorter.checkpoint(), { fromSize: 7, proof: [] }, key, origin),
    ).toMatchObject({
      status: 'rolled-back',
    });
    expect(
      witnessCheckpoint(kept, shorter.checkpoint(), { fromSize: 0, proof: [] }, key, origin),
    ).toMatchObject({
      status: 'rolled-back',
    });
  });

  it('reports a checkpoint signed by another key as bad-signature', () => {
    const kept = log.checkpoint();
    log.append(2);
    const forged = log.checkpoint(log.size, Ed25519Signer.generate());
    const result = witnessCheckpoint(
      kept,
      forged,
      { fromSize: 7, proof: log.consistencyFrom(7) },
      key,
      origin,
    );
    expect(result).toMatchObject({ status: 'bad-signature' });
  });

  it('reports a checkpoint whose size or root was changed after signing as bad-signature', () => {
    const kept = log.checkpoint();
    log.append(2);
    const next = log.checkpoint();
    const proof = { fromSize: 7, proof: log.consistencyFrom(7) };
    expect(witnessCheckpoint(kept, { ...next, size: 10 }, proof, key, origin).status).toBe('bad-signature');
    expect(witnessCheckpoint(kept, { ...next, root: 'ab'.repeat(32) }, proof, key, origin).status).toBe(
      'bad-signature',
    );
  });

  it("reports another node's log, signed with the partner key, as wrong-origin", () => {
    const other = log.checkpoint(log.size, signer, 'nrm-ro');
    const result = witnessCheckpoint(undefined, other, { fromSize: 0, proof: [] }, key, origin);
    expect(result).toMatchObject({ status: 'wrong-origin' });
  });

  it('reports a proof that does not start at the kept size as a gap', () => {
    const kept = log.checkpoint();
    log.append(4);
    const result = witnessCheckpoint(
      kept,
      log.checkpoint(),
      { fromSize: 5, proof: log.consistencyFrom(5) },
      key,
      origin,
    );
    expect(result).toMatchObject({ status: 'gap', detail: expect.stringMatching(/5.*7/) });
  });

  it('reports a missing, truncated or malformed proof as rewritten', () => {
    const kept = log.checkpoint();
    log.append(4);
    const next = log.checkpoint();
    const proof = log.consistencyFrom(7);
    expect(proof.length).toBeGreaterThan(1);
    for (const bad of [
      [],
      proof.slice(1),
      [...proof, proof[0]],
      ['zz'.repeat(32), ...proof.slice(1)],
      proof.map((p) => p.toUpperCase()),
    ]) {
      expect(witnessCheckpoint(kept, next, { fromSize: 7, proof: bad }, key, origin)).toMatchObject({
        status: 'rewritten',
      });
    }
  });

  it('refuses a proof where none is needed: every log extends the empty one', () => {
    const kept = signCheckpoint({ origin, size: 0, root: log.fork(0).checkpoint().root }, signer);
    const result = witnessCheckpoint(
      kept,
      log.checkpoint(),
      { fromSize: 0, proof: ['ab'.repeat(32)] },
      key,
      origin,
    );
    expect(result).toMatchObject({ status: 'rewritten' });
    expect(witnessCheckpoint(kept, log.checkpoint(), { fromSize: 0, proof: [] }, key, origin)).toEqual({
      status: 'extends',
    });
  });
});
