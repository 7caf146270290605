// Staff accounts from the terminal: `npm run staff -- add --id lan --name "Nguyễn Thị Lan" --role agent --missions jp-tokyo`.
// With REDIS_URL the accounts go to the store every server instance reads; without it (the
// in-memory default cannot be reached from another process) they go to CONSOLE_STAFF_FILE, which
// a running server watches and takes in at once (src/console/staff-sync.ts).
import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { EMBEDDED_STAFF_FILE, loadConfig, redisTarget, withEmbeddedDefaults } from '../config.ts';
import { loadStaffFile, saveStaffFile, type StaffAccount } from '../console/index.ts';
import { STAFF_TABLE } from '../console/accounts.ts';
import { runStaffCommand, STAFF_USAGE } from '../console/staff-command.ts';
import { loadContent } from '../core/content/index.ts';
import { systemClock, type Store } from '../core/ports.ts';
import { MemoryStore } from '../store/memory.ts';
import { RedisStore } from '../store/redis.ts';

/** Reads a line without echoing it (a terminal), or the next line of piped input. */
function readSecret(prompt: string, lines: AsyncIterator<string> | undefined): Promise<string> {
  if (!process.stdin.isTTY) {
    if (!lines) return Promise.resolve('');
    return lines.next().then((r) => (r.done ? '' : r.value));
  }
  let muted = false;
  const output = new Writable({
    write(chunk, _enc, done) {
      if (!muted) process.stderr.write(chunk);
      done();
    },
  });
  const rl = createInterface({ input: process.stdin, output, terminal: true });
  return new Promise((resolve) => {
    rl.question(prompt, (answer) => {
      rl.close();
      process.stderr.write('\n');
      resolve(answer);
    });
    muted = true;
  });
}

const args = process.argv.slice(2);
if (args.length === 0 || args[0] === 'help' || args[0] === '--help') {
  process.stdout.write(`${STAFF_USAGE}\n`);
  process.exit(0);
}

const config = loadConfig(withEmbeddedDefaults(process.env));
const staffFile = config.CONSOLE_STAFF_FILE ?? EMBEDDED_STAFF_FILE;
const content = loadContent(config.CONTENT_DIR);
const piped = process.stdin.isTTY ? undefined : createInterface({ input: process.stdin })[Symbol.asyncIterator]();

let store: Store;
let save: (() => Promise<void>) | undefined;
const redis = redisTarget(config);
if (redis) {
  store = await RedisStore.connect({ ...redis, prefix: config.REDIS_PREFIX });
} else {
  const memory = new MemoryStore();
  for (const a of loadStaffFile(staffFile)) await memory.tablePut(STAFF_TABLE, a.id, a);
  store = memory;
  save = async () => saveStaffFile(staffFile, await memory.tableAll<StaffAccount>(STAFF_TABLE));
}

const code = await runStaffCommand(args, {
  store,
  clock: systemClock,
  missionIds: content.missions.map((m) => m.id),
  async password(whose) {
    const fromEnv = process.env.STAFF_PASSWORD;
    if (fromEnv) return fromEnv;
    const first = await readSecret(`Password for ${whose}: `, piped);
    if (!process.stdin.isTTY) return first;
    const again = await readSecret('Again: ', piped);
    if (first !== again) {
      process.stderr.write('The two passwords differ.\n');
      process.exit(1);
    }
    return first;
  },
  print: (line) => process.stdout.write(`${line}\n`),
});
if (code === 0 && save) {
  await save();
  process.stdout.write(`(no REDIS_URL: accounts kept in ${staffFile}; a running server takes the change in within seconds)\n`);
}
await store.close();
process.exit(code);
