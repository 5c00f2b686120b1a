import { config } from 'zod';

// Imported first by every page's entry: zod's JIT probes `new Function` while building object
// schemas, and the pages' CSP reports that probe as a violation even though zod catches it.
config({ jitless: true });
