import { PartnerTopics, topicSegment } from './partner-topics';

describe('Partner topics', () => {
  it('names one topic per ordered pair, with one partition', () => {
    const topics = new PartnerTopics({ topicPrefix: 'nrm' });
    expect(topics.topic('nrm-md', 'nrm-ro')).toBe('nrm.trm.nrm-md.nrm-ro');
    expect(topics.topic('nrm-ro', 'nrm-md')).toBe('nrm.trm.nrm-ro.nrm-md');
    expect(topics.config('nrm.trm.nrm-md.nrm-ro').numPartitions).toBe(1);
    expect(topics.groupId('nrm-ro')).toBe('nrm.trm.nrm-ro');
    expect(topics.senderSegmentOf('nrm.trm.nrm-md.nrm-ro', 'nrm-ro')).toBe('nrm-md');
    expect(topics.senderSegmentOf('nrm.trm.nrm-md.nrm-ua', 'nrm-ro')).toBeUndefined();
  });

  it('turns any node id into a legal segment, and different ids into different segments', () => {
    const ids = ['NRM-MD', 'nrm-md', 'nrm.md', 'nrm_md', 'nrm md', 'nrm/md', 'ñrm-md', 'x'.repeat(300)];
    const segments = ids.map(topicSegment);
    for (const segment of segments) expect(segment).toMatch(/^[a-z0-9-]{1,60}$/);
    expect(new Set(segments).size).toBe(ids.length);
    expect(() => topicSegment('')).toThrow();
  });

  it('refuses a prefix that would break the names apart', () => {
    expect(() => new PartnerTopics({ topicPrefix: 'nrm.prod' })).toThrow(/topicPrefix/);
  });
});
