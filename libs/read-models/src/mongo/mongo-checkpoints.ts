import type { Model } from 'mongoose';
import { isDuplicateKeyOnly } from './idempotent-writes';
import type { CheckpointDocument } from './mongo-read-model-schemas';

/** A checkpoint only moves forward; it is written after the batch's writes were acknowledged. */
export class MongoCheckpoints {
  constructor(private readonly model: Model<CheckpointDocument>) {}

  async read(projection: string): Promise<number> {
    const doc = await this.model.findById(projection, { position: 1 }).lean();
    return doc?.position ?? 0;
  }

  async advance(projection: string, position: number): Promise<void> {
    try {
      await this.model.updateOne(
        { _id: projection, position: { $lt: position } },
        { $set: { position } },
        { upsert: true },
      );
    } catch (error) {
      // The document exists at this position or beyond: nothing to move.
      if (!isDuplicateKeyOnly(error)) throw error;
    }
  }
}
