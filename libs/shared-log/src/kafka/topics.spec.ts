import { SharedLogTopics } from './topics';

describe('shared log topics', () => {
  const topics = new SharedLogTopics({ country: 'MD' });

  it('names one topic per context and one for the node, under the lower-case country', () => {
    expect(topics.topicsOf()).toEqual([
      'nrm.md.identification',
      'nrm.md.assistance',
      'nrm.md.return-reintegration',
      'nrm.md.prosecution-liaison',
      'nrm.md.node',
    ]);
  });

  it('routes an event by the context that owns its type, anything else to the node topic', () => {
    expect(topics.topicForEvent({ type: 'ConsentGiven' })).toBe('nrm.md.identification');
    expect(topics.topicForEvent({ type: 'HandoverAccepted' })).toBe('nrm.md.return-reintegration');
    expect(topics.topicForEvent({ type: 'PersonalDataAccessed' })).toBe('nrm.md.node');
    expect(topics.topicForEvent({ type: 'PersonalDataErased' })).toBe('nrm.md.node');
  });

  it('configures a log kept forever, 6 partitions by default, replication from the broker unless given', () => {
    const [config] = topics.topicConfigs();
    expect(config.numPartitions).toBe(6);
    expect(config.replicationFactor).toBe(-1);
    expect(config.configEntries).toEqual(
      expect.arrayContaining([
        { name: 'retention.ms', value: '-1' },
        { name: 'cleanup.policy', value: 'delete' },
      ]),
    );
    const strict = new SharedLogTopics({
      country: 'md',
      replicationFactor: 3,
      minInsyncReplicas: 2,
      partitions: 12,
    });
    expect(strict.topicConfigs()[0]).toMatchObject({ numPartitions: 12, replicationFactor: 3 });
    expect(strict.topicConfigs()[0].configEntries).toContainEqual({
      name: 'min.insync.replicas',
      value: '2',
    });
  });

  it('refuses names Kafka or our separators would not take', () => {
    expect(() => new SharedLogTopics({ country: 'm.d' })).toThrow(/country/);
    expect(() => new SharedLogTopics({ country: 'md', topicPrefix: 'a_b' })).toThrow(/topicPrefix/);
  });
});
