import { describeKeyStoreContract } from './key-store.contract';
import { InMemoryKeyStore } from './in-memory-key-store';

describeKeyStoreContract('InMemoryKeyStore', () => new InMemoryKeyStore());
