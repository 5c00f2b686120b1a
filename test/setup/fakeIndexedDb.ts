// Store services run against an in-memory IndexedDB in Node.
import 'fake-indexeddb/auto';
