// Sign-in and sign-out. A wrong id and a wrong password get the same answer in the same time;
// repeated failures lock the account (and a guessing address) for a while; a new session gets a
// new token, and any session the browser had before is ended.
import { staffIdSchema } from '../accounts.ts';
import { duration } from '../format.ts';
import { html } from '../html.ts';
import { BASE, SESSION_COOKIE, field, type ConsolePage, type Ctx } from '../router.ts';

/** Only a console page: a crafted link cannot send a signed-in person elsewhere. */
function safeNext(next: string): string {
  return /^\/console\/[A-Za-z0-9/_?=&%.-]*$/.test(next) && !next.startsWith(`${BASE}/sign-in`) ? next : `${BASE}/queue`;
}

function form(c: Ctx, opts: { id?: string; next: string; error?: string; status?: number }) {
  return c.page({
    title: c.t('signIn.title'),
    ...(opts.status ? { status: opts.status } : {}),
    body: html`<div class="card signin">
  <h1>${c.t('signIn.title')}</h1>
  ${opts.error ? html`<div class="flash error" role="alert">${opts.error}</div>` : ''}
  <form method="post" action="${BASE}/sign-in">
    <input type="hidden" name="_csrf" value="${c.csrf()}">
    <input type="hidden" name="next" value="${opts.next}">
    <label for="id">${c.t('signIn.id')}</label>
    <input id="id" name="id" autocomplete="username" autocapitalize="none" spellcheck="false" required maxlength="32" value="${opts.id ?? ''}">
    <label for="password">${c.t('signIn.password')}</label>
    <input id="password" name="password" type="password" autocomplete="current-password" required maxlength="256">
    <p><button type="submit">${c.t('signIn.submit')}</button></p>
  </form>
  <p class="muted small">${c.t('signIn.help')}</p>
</div>`,
  });
}

export const signInPage: ConsolePage = {
  routes(r) {
    r.public('GET', '/sign-in', (c) => {
      if (c.staff) return c.reply.redirect(`${BASE}/queue`, 303);
      const next = (c.req.query as Record<string, unknown>).next;
      return form(c, { next: safeNext(typeof next === 'string' ? next : '') });
    });

    r.public('POST', '/sign-in', async (c) => {
      const { svc, deps } = c;
      const rawId = field(c.req.body, 'id').slice(0, 64);
      const password = (c.req.body as Record<string, unknown>)?.password;
      const next = safeNext(field(c.req.body, 'next'));
      const id = staffIdSchema.safeParse(rawId).data ?? rawId.toLowerCase();
      if (typeof password !== 'string' || password === '' || rawId === '') return form(c, { id: rawId, next, error: c.t('signIn.missing'), status: 400 });

      // Before sign-in nobody's time zone is known: say how long, not until when.
      const wait = (until: number) => duration(c, Math.max(60_000, until - deps.clock.now()));
      const locked = await svc.throttle.check(id, c.req.ip);
      if (locked) {
        await c.audit('sign-in.locked', id, { scope: locked.scope }, { id });
        return form(c, { id: rawId, next, status: 429, error: c.t('signIn.locked', { wait: wait(locked.until) }) });
      }
      const account = await svc.accounts.authenticate(id, password);
      if (!account) {
        const lock = await svc.throttle.fail(id, c.req.ip);
        await c.audit('sign-in.failed', id, lock ? { locked: lock.scope } : undefined, { id });
        if (lock) return form(c, { id: rawId, next, status: 429, error: c.t('signIn.locked', { wait: wait(lock.until) }) });
        return form(c, { id: rawId, next, status: 401, error: c.t('signIn.wrong') });
      }
      await svc.throttle.succeed(account.id);
      // A session the browser brought along (someone else's, or an old one) ends here.
      if (c.session) await svc.sessions.destroy(c.session.id);
      const { token, session } = await svc.sessions.create(account.id, { address: c.req.ip, userAgent: String(c.req.headers['user-agent'] ?? '') });
      c.reply.setCookie(SESSION_COOKIE, token, {
        path: BASE,
        httpOnly: true,
        sameSite: 'strict',
        secure: deps.options.secureCookies,
        // A browser session cookie: it goes when the browser closes, and the store ends it earlier.
      });
      await svc.audit.record({ by: { id: account.id, name: account.name, role: account.role }, action: 'sign-in', address: c.req.ip, detail: { session: session.id.slice(0, 12) } });
      return c.reply.redirect(next, 303);
    });

    r.staff('POST', '/sign-out', 'agent', async (c) => {
      await c.svc.sessions.destroy(c.session.id);
      await c.audit('sign-out');
      c.reply.clearCookie(SESSION_COOKIE, { path: BASE });
      return c.redirect(`${BASE}/sign-in`, { ok: 'signedOut' });
    });
  },
};
