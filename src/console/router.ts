// How a console page declares its routes. Every route goes through the same steps, in order:
// language → session → CSRF (every POST, the sign-in form included) → role → the hand-off's scope
// (routes on a chat) → the handler. A new page is a module that calls these, registered in
// pages/index.ts; it cannot forget a check because it never performs one itself.
import type { FastifyInstance, FastifyReply, FastifyRequest, preHandlerHookHandler } from 'fastify';
import { LOCALES, type Locale } from '../core/messages.ts';
import type { Handoff, StaffRole } from '../handoff/model.ts';
import type { AuditAction } from './audit.ts';
import { asStaff, type StaffAccount } from './accounts.ts';
import type { ConsoleDeps, ConsoleServices } from './deps.ts';
import { html, type Html } from './html.ts';
import { renderShell } from './layout.ts';
import { canSee, hasRole } from './scope.ts';
import type { Session } from './sessions.ts';

export const BASE = '/console';
export const SESSION_COOKIE = 'console_session';
export const LANG_COOKIE = 'console_lang';
/** Each language's own name, for the switch (shown in that language). */
export const LANGUAGE_NAME = 'app.languageName';

export type Access = 'public' | StaffRole;

export interface RouteInfo {
  method: 'GET' | 'POST';
  url: string;
  access: Access;
  /** The route acts on the hand-off named by `:id`. */
  handoff: boolean;
  /** What a chat route answers someone outside its scope: 403, or 404 where even existence is not to be told. */
  outOfScope?: 403 | 404;
}

type Vars = Record<string, string | number>;

export interface Ctx {
  req: FastifyRequest;
  reply: FastifyReply;
  deps: ConsoleDeps;
  svc: ConsoleServices;
  locale: Locale;
  /** A console string in the staff member's language. */
  t(key: string, vars?: Vars): string;
  /** A console string in a given language (e.g. the user's, for canned replies). */
  tIn(locale: Locale, key: string, vars?: Vars): string;
  /** Whether the console has this string (for keys built from data). */
  has(key: string): boolean;
  staff?: StaffAccount;
  session?: Session;
  /** A CSRF token for the forms of this page. */
  csrf(): string;
  /** Appends to the audit log, as the signed-in person (or `as` for a sign-in attempt). */
  audit(action: AuditAction, target?: string, detail?: Record<string, string | number | boolean>, as?: { id: string }): Promise<void>;
  /** Renders a whole page in the shell. */
  page(p: { title: string; body: Html; status?: number; script?: Html; flash?: { kind: 'ok' | 'error'; text: string }; fill?: boolean }): FastifyReply;
  /** Redirects after a form (303), with a flash message key from `flash.*`. */
  redirect(url: string, flash?: { ok?: string; error?: string }): FastifyReply;
  /** A 4xx page. */
  fail(status: 403 | 404 | 400 | 409 | 429, key: string): FastifyReply;
}
export interface StaffCtx extends Ctx {
  staff: StaffAccount;
  session: Session;
}
export interface ChatCtx extends StaffCtx {
  handoff: Handoff;
}

export interface ConsoleRouter {
  public(method: 'GET' | 'POST', url: string, handler: (c: Ctx) => Promise<unknown> | unknown): void;
  staff(method: 'GET' | 'POST', url: string, least: StaffRole, handler: (c: StaffCtx) => Promise<unknown> | unknown): void;
  /** A route on one chat (`:id` in the url): agents and up, and only for chats in the person's scope. */
  chat(method: 'GET' | 'POST', url: string, handler: (c: ChatCtx) => Promise<unknown> | unknown, opts?: { outOfScope?: 404 }): void;
}

export interface NavItem {
  href: string;
  /** Its console string (named so, not `key`, to keep it apart from the bot's strings). */
  labelKey: string;
  least: StaffRole;
}

interface Prepared {
  locale: Locale;
  session?: Session;
  staff?: StaffAccount;
}

const prepared = new WeakMap<FastifyRequest, Prepared>();

/** The session id a CSRF token is bound to ('anonymous' before sign-in). */
export function csrfUserInfo(req: FastifyRequest): string {
  return prepared.get(req)?.session?.id ?? 'anonymous';
}

export function createRouter(app: FastifyInstance, deps: ConsoleDeps, svc: ConsoleServices, nav: () => NavItem[]) {
  const routes: RouteInfo[] = [];

  const resolve: preHandlerHookHandler = async (req, reply) => {
    const locale = localeOf(req, reply, deps.options.secureCookies);
    const session = await svc.sessions.resolve(req.cookies[SESSION_COOKIE]);
    const account = session ? await svc.accounts.get(session.staffId) : undefined;
    // A disabled account's sessions end at once, whatever their cookie says.
    if (session && (!account || account.disabled)) await svc.sessions.destroy(session.id);
    const live = session && account && !account.disabled ? { session, staff: account } : {};
    prepared.set(req, { locale, ...live });
  };

  function context(req: FastifyRequest, reply: FastifyReply): Ctx {
    const p = prepared.get(req) ?? { locale: 'vi' as Locale };
    const t = (key: string, vars?: Vars) => deps.translate(p.locale, key, vars);
    const c: Ctx = {
      req,
      reply,
      deps,
      svc,
      locale: p.locale,
      t,
      tIn: (locale, key, vars) => deps.translate(locale, key, vars),
      has: (key) => {
        try {
          deps.translate(p.locale, key);
          return true;
        } catch {
          return false;
        }
      },
      ...(p.staff ? { staff: p.staff } : {}),
      ...(p.session ? { session: p.session } : {}),
      csrf: () => reply.generateCsrf({ userInfo: csrfUserInfo(req) }),
      audit: async (action, target, detail, as) => {
        const by = p.staff ? { id: p.staff.id, name: p.staff.name, role: p.staff.role } : { id: as?.id ?? 'anonymous' };
        await svc.audit.record({ by, action, ...(target ? { target } : {}), ...(detail ? { detail } : {}), address: req.ip });
      },
      page: ({ title, body, status, script, flash, fill }) => {
        const path = req.url.split('?')[0] ?? BASE;
        const items = p.staff ? nav().filter((n) => hasRole(p.staff!, n.least)) : [];
        const shown = flash ?? flashFrom(req, c);
        const doc = renderShell({
          lang: p.locale,
          title,
          appName: t('app.name'),
          nav: items.map((n) => ({ href: n.href, label: t(n.labelKey), current: path === n.href || path.startsWith(`${n.href}/`) })),
          ...(p.staff ? { who: { name: p.staff.name, role: t(`roles.${p.staff.role}`), signOut: t('nav.signOut'), csrf: c.csrf() } } : {}),
          langSwitch: LOCALES.map((l) => ({ href: withQuery(req.url, { lang: l }), code: l, label: deps.translate(l, LANGUAGE_NAME), current: l === p.locale })),
          ...(shown ? { flash: shown } : {}),
          body,
          ...(script ? { script } : {}),
          ...(fill ? { fill } : {}),
        });
        return reply.code(status ?? 200).type('text/html; charset=utf-8').header('cache-control', 'no-store').send(doc);
      },
      redirect: (url, flash) => {
        const q: Record<string, string> = {};
        if (flash?.ok) q.ok = flash.ok;
        if (flash?.error) q.error = flash.error;
        return reply.code(303).redirect(Object.keys(q).length > 0 ? withQuery(url, q) : url, 303);
      },
      fail: (status, key) => c.page({ status, title: t('errors.title'), body: html`<div class="card"><h1>${t('errors.title')}</h1><p>${t(key)}</p><p><a href="${BASE}/queue">${t('nav.queue')}</a></p></div>` }),
    };
    return c;
  }

  function add(method: 'GET' | 'POST', url: string, access: Access, onChat: boolean, handler: (c: ChatCtx) => Promise<unknown> | unknown, outOfScope: 403 | 404 = 403): void {
    routes.push({ method, url: `${BASE}${url}`, access, handoff: onChat, ...(onChat ? { outOfScope } : {}) });
    const preHandler: preHandlerHookHandler[] = [resolve];
    // Every form post carries a token bound to the session (or to "anonymous" before sign-in).
    if (method === 'POST') preHandler.push(app.csrfProtection);
    app.route({
      method,
      url,
      preHandler,
      handler: async (req, reply) => {
        const c = context(req, reply);
        if (access !== 'public') {
          if (!c.staff || !c.session) {
            if (method === 'GET' && req.headers.accept?.includes('text/html')) {
              return reply.redirect(withQuery(`${BASE}/sign-in`, { next: req.url }), 303);
            }
            return reply.code(401).type('text/plain; charset=utf-8').send(c.t('errors.signInFirst'));
          }
          if (!hasRole(c.staff, access)) return c.fail(403, 'errors.forbidden');
        }
        if (onChat) {
          const id = (req.params as { id?: string }).id ?? '';
          const h = /^[A-Za-z0-9-]{1,64}$/.test(id) ? await deps.queue.get(id) : undefined;
          if (!h) return c.fail(404, 'errors.chatNotFound');
          if (!canSee(asStaff(c.staff!), h, deps.missions)) return outOfScope === 404 ? c.fail(404, 'errors.chatNotFound') : c.fail(403, 'errors.forbidden');
          return handler({ ...(c as StaffCtx), handoff: h });
        }
        return handler(c as ChatCtx);
      },
    });
  }

  const router: ConsoleRouter = {
    public: (method, url, handler) => add(method, url, 'public', false, handler as (c: ChatCtx) => unknown),
    staff: (method, url, least, handler) => add(method, url, least, false, handler as (c: ChatCtx) => unknown),
    chat: (method, url, handler, opts) => add(method, url, 'agent', true, handler, opts?.outOfScope ?? 403),
  };
  return { router, routes };
}

function localeOf(req: FastifyRequest, reply: FastifyReply, secure: boolean): Locale {
  const asked = (req.query as Record<string, unknown> | undefined)?.lang;
  if (typeof asked === 'string' && (LOCALES as readonly string[]).includes(asked)) {
    reply.setCookie(LANG_COOKIE, asked, { path: BASE, sameSite: 'strict', httpOnly: true, secure, maxAge: 365 * 24 * 3600 });
    return asked as Locale;
  }
  const saved = req.cookies[LANG_COOKIE];
  return saved && (LOCALES as readonly string[]).includes(saved) ? (saved as Locale) : 'vi';
}

function flashFrom(req: FastifyRequest, c: Ctx): { kind: 'ok' | 'error'; text: string } | undefined {
  const q = req.query as Record<string, unknown> | undefined;
  for (const kind of ['error', 'ok'] as const) {
    const key = q?.[kind];
    // Only known messages: a link cannot put words of its own in a staff member's page.
    if (typeof key === 'string' && /^[a-zA-Z_]{1,40}$/.test(key) && c.has(`flash.${key}`)) return { kind, text: c.t(`flash.${key}`) };
  }
  return undefined;
}

/** The url with these query values set (others kept). */
export function withQuery(url: string, values: Record<string, string>): string {
  const u = new URL(url, 'http://console.invalid');
  for (const [k, v] of Object.entries(values)) u.searchParams.set(k, v);
  // The anchor stays: after a form the officer lands where they were on the page.
  return `${u.pathname}${u.search}${u.hash}`;
}

/** What pages share beyond the router: the open live streams (ended when the server stops). */
export interface PageShared {
  streams: Set<() => void>;
}

/** A console page: its routes, and its entry in the navigation when it has one. */
export interface ConsolePage {
  nav?: NavItem;
  routes(r: ConsoleRouter, shared: PageShared): void;
}

/** A form field as a trimmed string ('' when missing). */
export function field(body: unknown, name: string): string {
  const v = (body as Record<string, unknown> | undefined)?.[name];
  return typeof v === 'string' ? v.trim() : '';
}

/** A form field that may repeat (checkboxes, multiple selects). */
export function fields(body: unknown, name: string): string[] {
  const v = (body as Record<string, unknown> | undefined)?.[name];
  if (Array.isArray(v)) return v.filter((x): x is string => typeof x === 'string').map((x) => x.trim()).filter(Boolean);
  return typeof v === 'string' && v.trim() !== '' ? [v.trim()] : [];
}
