import {
  describeExternalKillRun,
  describeExternalStores,
  externalStoresRun,
  wireServerName,
  withDatabase,
  type ExternalStoresSeen,
} from './external-stores';

describe('the Kafka + MongoDB node of bench:load', () => {
  it('puts the run’s own database into MONGO_URL, keeping credentials, hosts and options', () => {
    expect(withDatabase('mongodb://127.0.0.1:27017/nrm_load', 'nrm_load_x1')).toBe(
      'mongodb://127.0.0.1:27017/nrm_load_x1',
    );
    expect(withDatabase('mongodb://u:p@db.example:27017/?authSource=admin', 'nrm_load_x1')).toBe(
      'mongodb://u:p@db.example:27017/nrm_load_x1?authSource=admin',
    );
  });

  it('names a database after the one MONGO_URL gives and a topic prefix Kafka’s segments allow', () => {
    const run = externalStoresRun('127.0.0.1:9092', 'mongodb://127.0.0.1:27017/nrm_load', 'M3X_9a');
    expect(run.database).toBe('nrm_load_m3x9a');
    expect(run.topicPrefix).toBe('load-m3x9a');
    expect(run.env).toEqual({
      KAFKA_BROKERS: '127.0.0.1:9092',
      MONGO_URL: 'mongodb://127.0.0.1:27017/nrm_load_m3x9a',
      NRM_KAFKA_TOPIC_PREFIX: 'load-m3x9a',
    });
    // No database in the URL: a default name, still the run's own.
    expect(externalStoresRun('k:9092', 'mongodb://127.0.0.1:27017', 'r1').database).toBe('nrm_load_r1');
    expect(() => externalStoresRun('k:9092', 'mongodb://h/db', '--')).toThrow(/no letter or digit/);
  });

  const run = externalStoresRun('127.0.0.1:9092', 'mongodb://127.0.0.1:27017/nrm_load', 'r1');
  const complete: ExternalStoresSeen = {
    kafkaTopics: 5,
    kafkaMessages: 12000,
    logHead: 12000,
    caseDocuments: 1500,
    casesInLog: 1500,
    projectedTo: 12000,
    server: 'FerretDB v1.24.2, a MongoDB wire-protocol server',
  };

  it('tells FerretDB from MongoDB by its buildInfo', () => {
    expect(wireServerName({ version: '7.0.42', ferretdbVersion: 'v1.24.2' })).toBe(
      'FerretDB v1.24.2, a MongoDB wire-protocol server',
    );
    expect(wireServerName({ version: '7.0.14' })).toBe('MongoDB 7.0.14');
  });

  it('says the node used both stores when Kafka holds the whole log and MongoDB every case', () => {
    const text = describeExternalStores(run, complete);
    expect(text).toContain("5 Kafka topics `load-r1.*` held all 12,000 events of the node's log");
    expect(text).toContain(
      'MongoDB database `nrm_load_r1` held one case document for each of the 1,500 cases in the log',
    );
    expect(text).toContain("its projections at the log's head");
    expect(text).toContain('its read models, here in FerretDB v1.24.2, a MongoDB wire-protocol server');
  });

  it('tells a gap apart: the relay behind the log, cases or projections missing', () => {
    const text = describeExternalStores(run, {
      ...complete,
      kafkaMessages: 11000,
      caseDocuments: 1490,
      projectedTo: 11990,
    });
    expect(text).toContain('11,000 messages for the 12,000 events');
    expect(text).toContain('the relay had not caught up');
    expect(text).toContain('1,490 case documents for the 1,500 cases in the log');
    expect(text).toContain('its projections only at position 11,990 of 12,000 when the node stopped');
    expect(text).toContain('waited out the read-your-writes timeout');
  });
});

describe('the kill run of the Kafka + MongoDB node', () => {
  const recovered: ExternalStoresSeen = {
    kafkaTopics: 5,
    kafkaMessages: 900,
    logHead: 880,
    caseDocuments: 120,
    casesInLog: 120,
    projectedTo: 880,
    server: 'FerretDB',
  };

  it('says whether the read models and Kafka caught up with the whole log after the kills', () => {
    const kill = { kills: 3, acknowledged: 90, lost: 0, seconds: 40 };
    expect(describeExternalKillRun(kill, recovered, 12)).toBe(
      'Kill run on the Kafka + MongoDB node: SIGKILLed 3 times under load at 32 clients (40 s); 90 commands ' +
        "were acknowledged, none was lost. Restarted once more on the same data, its projections reached the log's " +
        'head (880) in 12 s; MongoDB held 120 case documents for the 120 cases in the log, and Kafka held 900 ' +
        'messages for its 880 events (batches resent after a kill: consumers drop the copies by event id).',
    );
    const behind = describeExternalKillRun(
      { ...kill, lost: 2 },
      { ...recovered, projectedTo: 700, kafkaMessages: 800 },
      180,
    );
    expect(behind).toContain('2 were LOST');
    expect(behind).toContain('its projections reached only position 700 of 880 in 180 s');
    expect(behind).toContain('Kafka held only 800 messages for its 880 events');
  });
});
