// Starts the server: `npm start`. Everything is wired in server.ts; this file only listens,
// says where to go, and shuts down cleanly.
import { redisTarget, withEmbeddedDefaults } from './config.ts';
import { buildServer, type Server } from './server.ts';

let server: Server;
try {
  server = await buildServer({ env: withEmbeddedDefaults(process.env) });
} catch (err) {
  // A configuration or content problem is the operator's to fix: say what it is, without a stack.
  if (err instanceof Error && /ConfigError|ContentError/.test(err.name)) {
    process.stderr.write(`${err.message}\n`);
    process.exit(1);
  }
  throw err;
}
const { app, config, log } = server;
await app.listen({ port: config.PORT, host: config.HOST });
// With PORT=0 the system picks the port: say the real one.
const address = app.server.address();
const port = typeof address === 'object' && address ? address.port : config.PORT;
const base = config.PUBLIC_URL ?? `http://localhost:${port}`;
const store = redisTarget(config)?.clusterNodes ? 'Redis Cluster' : redisTarget(config) ? 'Redis' : 'in-memory: a restart loses chats, the hand-off queue and registrations (set REDIS_URL to keep them)';
process.stdout.write(
  [
    '',
    `  Web chat:  ${base}/chat`,
    `  Console:   ${base}/console`,
    `  Health:    ${base}/healthz`,
    `  Store:     ${store}`,
    '',
  ].join('\n') + '\n',
);

let closing = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (closing) return;
    closing = true;
    log.info({ signal }, 'shutting down');
    server.close().then(
      () => process.exit(0),
      (err: unknown) => {
        log.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  });
}
