// After `tsc`, copies what the compiled server reads next to its modules (pages, scripts, styles
// under src/) into dist/src/, so `node dist/src/main.js` finds them where `tsx src/main.ts` does.
import { cpSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

for (const file of readdirSync('src', { recursive: true, encoding: 'utf8' })) {
  if (file.endsWith('.ts') || file.endsWith('.md') || !/\.[a-z0-9]+$/i.test(file)) continue;
  cpSync(join('src', file), join('dist', 'src', file));
  console.log(`copied src/${file}`);
}
