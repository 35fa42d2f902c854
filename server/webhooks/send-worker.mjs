// The webhook sender's worker thread starts here: it registers tsx (workers do not inherit the loader) and runs
// sender.ts.
import { register } from 'tsx/esm/api';

register();
await import('./sender.ts');
