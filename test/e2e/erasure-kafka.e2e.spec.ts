import { openNodeAdapters } from '@nrm/application';
import { describeIfServer } from '@nrm/common/testing';
import type { EncryptedPersonalData } from '@nrm/event-store/port';
import { loadMasterKey, PersonalDataCipher, SqliteKeyStore } from '@nrm/privacy';
import { rebuildProjections } from '@nrm/read-models';
import { createKafka, SharedLogTopics } from '@nrm/shared-log';
import { deleteSharedLogTopics } from '@nrm/shared-log/testing';
import type { KafkaMessage } from 'kafkajs';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AccountRole, ADMIN, NodeHarness, PASSWORD, REGISTRATION } from '../support/node-harness';

const ERASED_NAMES = ['Vrabie', 'Ileana', '1996-03-02'];
const KEPT = {
  ...REGISTRATION,
  person: { ...REGISTRATION.person, givenName: 'Oksana', familyName: 'Kovalenko' },
};
const ALL_NAMES = [...ERASED_NAMES, 'Oksana', 'Kovalenko'];
const ROLES: AccountRole[] = ['identification_officer', 'case_manager', 'auditor'];

/** Erasure by crypto-shredding reaches the API, a rebuilt read model, the raw files and the Kafka copies. */
describeIfServer('KAFKA_BROKERS', 'erasure reaches every copy of the data', (brokers) => {
  jest.setTimeout(180_000);
  const prefix = `nrmerase${randomBytes(4).toString('hex')}`;
  const topics = new SharedLogTopics({ country: 'MD', topicPrefix: prefix });
  const dataDir = mkdtempSync(join(tmpdir(), 'nrm-erasure-'));
  const env = { KAFKA_BROKERS: brokers, NRM_KAFKA_TOPIC_PREFIX: prefix, NRM_KAFKA_PARTITIONS: '2' };
  let node: NodeHarness | undefined;

  afterAll(async () => {
    await node?.stop();
    await deleteSharedLogTopics(brokers, topics);
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** Every file of the data directory, WAL and key files included. */
  function namesInDataDir(): string[] {
    const found: string[] = [];
    for (const file of readdirSync(dataDir)) {
      const bytes = readFileSync(join(dataDir, file));
      for (const name of ALL_NAMES) if (bytes.includes(name)) found.push(`${name} in ${file}`);
    }
    return found;
  }

  /** All messages of the node's topics, read from the beginning until `done` holds (bounded wait). */
  async function readTopics(done: (seen: KafkaMessage[]) => boolean, what: string): Promise<KafkaMessage[]> {
    const consumer = createKafka({ brokers }).consumer({
      groupId: `${prefix}-${randomBytes(3).toString('hex')}`,
    });
    const seen: KafkaMessage[] = [];
    await consumer.connect();
    try {
      await consumer.subscribe({ topics: topics.topicsOf(), fromBeginning: true });
      await consumer.run({ eachMessage: async ({ message }) => void seen.push(message) });
      const deadline = Date.now() + 60_000;
      while (!done(seen)) {
        if (Date.now() > deadline)
          throw new Error(`Kafka: ${what} not seen within 60 s (${seen.length} messages)`);
        await new Promise((r) => setTimeout(r, 200));
      }
    } finally {
      await consumer.disconnect();
    }
    return seen;
  }
  const typeOf = (m: KafkaMessage) => m.headers?.ce_type?.toString();
  const subjectOf = (m: KafkaMessage) => m.headers?.ce_subject?.toString();
  const personalOf = (m: KafkaMessage) =>
    (JSON.parse(m.value?.toString() ?? '{}') as { personal?: EncryptedPersonalData }).personal;
  const rawBytes = (m: KafkaMessage) =>
    Buffer.concat([
      m.value ?? Buffer.alloc(0),
      m.key ?? Buffer.alloc(0),
      ...Object.values(m.headers ?? {}).map((v) => Buffer.from(String(v))),
    ]);

  async function loginAll(harness: NodeHarness): Promise<void> {
    harness.tokens.set('admin', await harness.login(ADMIN.username, ADMIN.password));
    for (const role of ROLES)
      harness.tokens.set(role, await harness.login(`${role.replace(/_/g, '-')}-user`, PASSWORD));
  }
  const personOf = async (caseId: string) =>
    (await node!.request('GET', `/api/cases/${caseId}?purpose=assistance_planning`, { as: 'case_manager' }))
      .body.person;
  const verify = async () => (await node!.request('GET', '/api/audit/verify', { as: 'auditor' })).body;

  it('shreds the key: API, rebuilt read models, raw files and Kafka copies show the person as erased', async () => {
    node = await NodeHarness.start(env, dataDir);
    await node.withUsers(ROLES);
    // Each person consents to assistance: the case manager reads them under it.
    const register = async (body: unknown) => {
      const caseId = (await node!.request('POST', '/api/cases', { as: 'identification_officer', body })).body
        .caseId as string;
      const consent = { purpose: 'assistance', granted: true };
      const given = await node!.request('POST', `/api/cases/${caseId}/consents`, {
        as: 'identification_officer',
        body: consent,
      });
      expect(given.status).toBe(201);
      return caseId;
    };
    const erasedCase = await register(REGISTRATION);
    const keptCase = await register(KEPT);
    expect(await personOf(erasedCase)).toMatchObject({ familyName: 'Vrabie' });

    // Before: nothing in clear on disk, and the Kafka copies hold ciphertext the node can still open.
    expect(namesInDataDir()).toEqual([]);
    const registered = (seen: KafkaMessage[]) =>
      seen.filter((m) => typeOf(m) === 'PresumedVictimRegistered').length >= 2;
    const before = await readTopics(registered, 'both registrations');
    const cipher = node.app.get(PersonalDataCipher);
    const erasedCopy = before.find((m) => subjectOf(m) === `case-${erasedCase}` && personalOf(m));
    expect(erasedCopy).toBeDefined();
    expect(await cipher.decrypt(personalOf(erasedCopy!)!)).toMatchObject({
      status: 'ok',
      value: expect.objectContaining({ familyName: 'Vrabie' }),
    });

    const erasure = await node.request('POST', `/api/cases/${erasedCase}/erasure`, {
      as: 'admin',
      body: { legalBasis: 'GDPR art. 17(1)(a)' },
    });
    expect(erasure.status).toBe(201);

    // The API, at once.
    expect(await personOf(erasedCase)).toEqual({ erased: true });
    expect(await personOf(keptCase)).toMatchObject({ familyName: 'Kovalenko' });
    expect(await verify()).toMatchObject({ valid: true });
    // The case goes on.
    const next = await node.request('POST', `/api/cases/${erasedCase}/consents`, {
      as: 'identification_officer',
      body: { purpose: 'assistance', granted: true },
    });
    expect(next.status).toBe(201);
    expect(next.body.revision).toBe(erasure.body.revision + 1);

    // The Kafka copies: the erasure and the later event arrive; no name in clear anywhere, and the
    // erased person's ciphertext no longer opens, while the other person's still does.
    const after = await readTopics(
      (seen) =>
        registered(seen) &&
        seen.some((m) => typeOf(m) === 'ConsentGiven' && subjectOf(m) === `case-${erasedCase}`),
      'the erasure and the consent after it',
    );
    expect(after.some((m) => typeOf(m) === 'PersonalDataErased')).toBe(true);
    for (const message of after) {
      const bytes = rawBytes(message);
      expect({ type: typeOf(message), clear: ALL_NAMES.filter((n) => bytes.includes(n)) }).toEqual({
        type: typeOf(message),
        clear: [],
      });
    }
    const copies = after.filter((m) => personalOf(m));
    const ofErased = copies.filter((m) => subjectOf(m) === `case-${erasedCase}`);
    const ofKept = copies.filter((m) => subjectOf(m) === `case-${keptCase}`);
    expect(ofErased.length).toBeGreaterThan(0);
    expect(ofKept.length).toBeGreaterThan(0);
    for (const m of ofErased) expect(await cipher.decrypt(personalOf(m)!)).toEqual({ status: 'erased' });
    for (const m of ofKept) expect((await cipher.decrypt(personalOf(m)!)).status).toBe('ok');
    // Nor can a process that never cached the key (another process on the same key store).
    const keyStore = SqliteKeyStore.inDataDir(dataDir, loadMasterKey({ dataDir, allowKeyFile: true }));
    try {
      const fresh = new PersonalDataCipher(keyStore, { cacheSize: 0 });
      expect(await fresh.decrypt(personalOf(erasedCopy!)!)).toEqual({ status: 'erased' });
    } finally {
      await keyStore.close();
    }

    // A rebuild of the read models from the log, node stopped as an operator would.
    const config = node.config;
    await node.stop();
    node = undefined;
    const adapters = await openNodeAdapters({ ...config, kafkaBrokers: undefined });
    try {
      expect((await rebuildProjections(adapters.eventStore, adapters.readModels)).events).toBeGreaterThan(0);
    } finally {
      await adapters.close();
    }
    node = await NodeHarness.start(env, dataDir);
    await loginAll(node);
    expect(await personOf(erasedCase)).toEqual({ erased: true });
    expect(await personOf(keptCase)).toMatchObject({ familyName: 'Kovalenko' });
    expect(await verify()).toMatchObject({ valid: true });
    expect(namesInDataDir()).toEqual([]);
  });
});
