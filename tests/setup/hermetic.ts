// No test reads or writes the checkout's .data/: a server built in-process has no staff file
// unless its test names one, and a process a test starts (the terminal chat, `npm run staff`, a
// server for the fault tests) inherits a staff file of this worker's own instead of `.data/`.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

process.env.CONSOLE_STAFF_FILE = join(mkdtempSync(join(tmpdir(), 'test-data-')), 'staff.json');
