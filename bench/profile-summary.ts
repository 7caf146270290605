// `npx tsx bench/profile-summary.ts FILE.cpuprofile [messages]`: where a bot's CPU went, from a V8
// CPU profile written by `BENCH_PROFILE=dir npm run bench`. Self time is grouped by what it belongs
// to (our modules by folder, each dependency by package, Node's internals, GC), as µs per message
// when the number of messages handled is given. The profile's first seconds (module loading,
// warm-up) are skipped: samples count from the first one in a turn of ours.
import { readFileSync } from 'node:fs';

interface Node {
  id: number;
  callFrame: { functionName: string; url: string };
  children?: number[];
}
interface Profile {
  nodes: Node[];
  samples: number[];
  timeDeltas: number[];
}

const [file, messagesArg] = process.argv.slice(2);
if (!file) throw new Error('usage: profile-summary FILE.cpuprofile [messages]');
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
const byId = new Map(profile.nodes.map((n) => [n.id, n]));

/** What a frame belongs to. */
function groupOf(n: Node): string {
  const { url, functionName } = n.callFrame;
  if (functionName === '(garbage collector)') return 'gc';
  if (functionName === '(idle)' || functionName === '(program)') return functionName;
  if (!url) return `native ${functionName || '(anonymous)'}`;
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return `dep ${pkg[1]}`;
  if (url.startsWith('node:')) return `node ${url.slice(5).split('/')[0]}`;
  const ours = /\/(src|flows|bench)\/(.*)$/.exec(url);
  if (ours) return `ours ${ours[1]}/${ours[2]}`;
  return url;
}

const self = new Map<string, number>();
let total = 0;
let started = false;
for (let i = 0; i < profile.samples.length; i++) {
  const n = byId.get(profile.samples[i]!);
  if (!n) continue;
  const g = groupOf(n);
  if (!started && g.startsWith('ours src/core/conversation')) started = true;
  if (!started || g === '(idle)') continue;
  const dt = profile.timeDeltas[i] ?? 0;
  self.set(g, (self.get(g) ?? 0) + dt);
  total += dt;
}
const messages = Number(messagesArg ?? 0);
const rows = [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 40);
process.stdout.write(`busy ${(total / 1000).toFixed(0)} ms${messages ? `, ${(total / messages).toFixed(1)} µs per message over ${messages}` : ''}\n`);
for (const [g, us] of rows) {
  process.stdout.write(`${(us / total * 100).toFixed(1).padStart(5)} %  ${messages ? `${(us / messages).toFixed(1).padStart(7)} µs  ` : ''}${g}\n`);
}
