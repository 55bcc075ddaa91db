import { socketTimeout } from './socket-timeout';

describe('socketTimeout: how long a MongoDB operation may wait for its answer', () => {
  it('is 60 s by default, so that an unanswered operation fails instead of holding the projections for ever', () => {
    expect(socketTimeout('mongodb://db.example:27017/nrm')).toEqual({ socketTimeoutMS: 60_000 });
    expect(socketTimeout('mongodb://db.example:27017/nrm?authSource=admin')).toEqual({
      socketTimeoutMS: 60_000,
    });
  });

  it('yields to MONGO_URL when it sets one (the driver would otherwise let the default override it)', () => {
    expect(socketTimeout('mongodb://db.example:27017/nrm?socketTimeoutMS=5000')).toEqual({});
    expect(socketTimeout('mongodb://u:p@a,b/nrm?replicaSet=rs&sockettimeoutms=0')).toEqual({});
  });

  it('takes what the caller gives over both', () => {
    expect(socketTimeout('mongodb://db.example/nrm?socketTimeoutMS=5000', 250)).toEqual({
      socketTimeoutMS: 250,
    });
  });
});
