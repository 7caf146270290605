// The staff console at /console: sign-in, the live queue, the chat view, dead letters, staff and
// the audit log. Mounted by server.ts in a Fastify context of its own, so its cookies, form
// parsing, CSRF checks and error pages apply to its routes only.
import cookie from '@fastify/cookie';
import csrf from '@fastify/csrf-protection';
import formbody from '@fastify/formbody';
import multipart from '@fastify/multipart';
import type { FastifyError, FastifyInstance } from 'fastify';
import { StaffAccounts } from './accounts.ts';
import type { Upload } from './attachments.ts';
import { AuditLog } from './audit.ts';
import { CannedReplies } from './canned.ts';
import type { ConsoleDeps, ConsoleServices } from './deps.ts';
import { html } from './html.ts';
import { LiveFeed } from './live.ts';
import { PAGES } from './pages/index.ts';
import { BASE, createRouter, csrfUserInfo, type RouteInfo } from './router.ts';
import { Sessions } from './sessions.ts';
import { StaffFileSync } from './staff-sync.ts';
import { SignInThrottle } from './throttle.ts';

export type { ConsoleDeps, ConsoleOptions } from './deps.ts';
export { DEFAULT_CONSOLE_TIMINGS, STAFF_FILE_POLL_MS } from './deps.ts';
export { loadStaffFile, saveStaffFile } from './staff-file.ts';
export { StaffAccounts, AccountError, type StaffAccount } from './accounts.ts';

export interface Console {
  services: ConsoleServices;
  register(app: FastifyInstance): Promise<void>;
  /** Every route with the access it requires (the scope tests walk this list). */
  routes(): readonly RouteInfo[];
  /** Reads the staff file into the store (when there is one); returns how many accounts it changed. */
  loadStaff(): Promise<number>;
  /** The staff file's reads and writes (tests wait on its idle()). */
  staffFile?: StaffFileSync;
  start(): void;
  stop(): Promise<void>;
}

export function createConsole(deps: ConsoleDeps): Console {
  const { store, clock, options } = deps;
  const staffFile = deps.staffFile ? new StaffFileSync(deps.staffFile, () => services.accounts, () => services.sessions, deps.log) : undefined;
  const services: ConsoleServices = {
    accounts: new StaffAccounts(store, clock, { missionIds: deps.missions.all().map((m) => m.id), ...(staffFile ? { onChange: () => staffFile.changed() } : {}) }),
    sessions: new Sessions(store, clock, options.session),
    throttle: new SignInThrottle(store, clock, options.throttle),
    audit: new AuditLog(store, clock),
    live: new LiveFeed(deps.queue, deps.log, options.pollMs),
    canned: new CannedReplies(store, deps.canned),
  };
  let routes: RouteInfo[] = [];
  const streams = new Set<() => void>();
  let sweeper: NodeJS.Timeout | undefined;

  async function plugin(app: FastifyInstance): Promise<void> {
    await app.register(cookie, { secret: options.secret });
    await app.register(formbody);
    // The reply form carries a file. Fields land in the body as the other forms' do (the CSRF check
    // reads its token there); one file at most, never larger than what the media vault keeps.
    await app.register(multipart, {
      attachFieldsToBody: true,
      limits: { files: 1, fields: 20, fieldSize: 64 * 1024, fileSize: deps.media?.vault.maxBytes ?? 10 * 1024 * 1024, parts: 24 },
    });
    app.addHook('preValidation', async (req) => {
      if (req.isMultipart()) req.body = flattenMultipart(req.body);
    });
    await app.register(csrf, {
      sessionPlugin: '@fastify/cookie',
      cookieKey: 'console_csrf',
      cookieOpts: { path: BASE, sameSite: 'strict', httpOnly: true, secure: options.secureCookies, signed: true },
      getUserInfo: csrfUserInfo,
      csrfOpts: { hmacKey: options.secret },
    });

    app.setErrorHandler(async (err: FastifyError, req, reply) => {
      const status = err.statusCode ?? 500;
      const locale = req.cookies?.console_lang === 'en' ? 'en' : 'vi';
      const t = (k: string) => deps.translate(locale, k);
      const key = err.code?.startsWith('FST_CSRF') ? 'errors.csrf' : status === 413 ? 'errors.tooLarge' : status < 500 ? 'errors.badRequest' : 'errors.unavailable';
      let code = status >= 400 && status < 500 ? status : 500;
      if (code === 500) {
        const up = await store.ping();
        if (!up) code = 503;
        else deps.log.error({ err }, 'console request failed');
      }
      const body = html`<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${t('errors.title')}</title></head>
<body style="font:17px/1.5 system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem"><h1>${t('errors.title')}</h1><p>${t(key)}</p><p><a href="${BASE}/queue">${t('nav.queue')}</a></p></body></html>`;
      if (code === 503) reply.header('retry-after', '5');
      return reply.code(code).type('text/html; charset=utf-8').send(body.value);
    });

    const { router, routes: registered } = createRouter(app, deps, services, () => PAGES.flatMap((p) => (p.nav ? [p.nav] : [])));
    for (const page of PAGES) page.routes(router, { streams });
    routes = registered;
  }

  return {
    services,
    async register(app) {
      await app.register(plugin, { prefix: BASE });
      // /console without the slash is where people type; the queue is the home page.
      app.get(BASE, async (_req, reply) => reply.redirect(`${BASE}/queue`, 303));
      app.addHook('onClose', async () => {
        for (const end of [...streams]) end();
      });
    },
    routes: () => routes,
    loadStaff: async () => (staffFile ? staffFile.load() : 0),
    ...(staffFile ? { staffFile } : {}),
    start() {
      services.live.start();
      staffFile?.start();
      sweeper ??= setInterval(() => {
        Promise.all([services.sessions.purge(), services.throttle.purge()]).catch((err: unknown) => deps.log.warn({ err }, 'console sweep failed'));
      }, options.sweepMs);
      sweeper.unref();
    },
    async stop() {
      if (sweeper) clearInterval(sweeper);
      sweeper = undefined;
      for (const end of [...streams]) end();
      services.live.stop();
      await staffFile?.stop();
    },
  };
}


interface MultipartValue {
  type?: 'field' | 'file';
  value?: unknown;
  filename?: string;
  mimetype?: string;
  _buf?: Buffer | null;
}

/** Multipart fields as plain strings (like a urlencoded form), files as Uploads; an empty file input is left out. */
function flattenMultipart(body: unknown): Record<string, unknown> {
  const one = (v: MultipartValue): unknown => {
    if (v?.type === 'field') return v.value;
    if (v?.type === 'file') return v._buf && v._buf.length > 0 ? ({ filename: v.filename ?? '', mimetype: v.mimetype ?? '', bytes: v._buf } satisfies Upload) : undefined;
    return undefined;
  };
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries((body ?? {}) as Record<string, MultipartValue | MultipartValue[]>)) {
    const value = Array.isArray(v) ? v.map(one).filter((x) => x !== undefined) : one(v);
    if (value !== undefined) out[k] = value;
  }
  return out;
}
