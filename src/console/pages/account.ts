// A staff member's own account: their sessions (where and when), "sign out everywhere", and a
// password change, which also ends every other session.
import { verifyPassword } from '../passwords.ts';
import { AccountError } from '../accounts.ts';
import { ago, staffTimeZone, when } from '../format.ts';
import { html } from '../html.ts';
import { BASE, SESSION_COOKIE, type ConsolePage, type StaffCtx } from '../router.ts';

async function view(c: StaffCtx, error?: string) {
  const tz = staffTimeZone(c.staff, c.deps.missions);
  const sessions = await c.svc.sessions.listFor(c.staff.id);
  const now = c.deps.clock.now();
  const missions = c.staff.missions.map((id) => c.deps.missions.get(id)?.name[c.locale] ?? id);
  return c.page({
    title: c.t('account.title'),
    ...(error ? { status: 400, flash: { kind: 'error' as const, text: error } } : {}),
    body: html`<h1>${c.t('account.title')}</h1>
<div class="card"><dl class="facts">
  <dt>${c.t('staff.id')}</dt><dd>${c.staff.id}</dd>
  <dt>${c.t('staff.name')}</dt><dd>${c.staff.name}</dd>
  <dt>${c.t('staff.role')}</dt><dd>${c.t(`roles.${c.staff.role}`)}</dd>
  <dt>${c.t('staff.missions')}</dt><dd>${missions.length > 0 ? missions.join(', ') : c.t('staff.allMissions')}</dd>
</dl></div>
<h2>${c.t('account.sessions')}</h2>
<div class="card">
<table><thead><tr><th>${c.t('account.signedIn')}</th><th>${c.t('account.lastSeen')}</th><th>${c.t('account.address')}</th><th>${c.t('account.browser')}</th></tr></thead>
<tbody>${sessions.map(
      (s) => html`<tr><td>${when(c, s.createdAt, tz)}${s.id === c.session.id ? html` <span class="badge">${c.t('account.thisOne')}</span>` : ''}</td><td>${ago(c, now - s.lastSeenAt)}</td><td>${s.address}</td><td class="small">${s.userAgent}</td></tr>`,
    )}</tbody></table>
<form method="post" action="${BASE}/sign-out-everywhere" style="margin-top:.8rem">
  <input type="hidden" name="_csrf" value="${c.csrf()}">
  <button class="danger" type="submit">${c.t('account.signOutEverywhere')}</button>
  <span class="muted small">${c.t('account.signOutEverywhereHelp')}</span>
</form>
</div>
<h2>${c.t('account.changePassword')}</h2>
<div class="card">
<form method="post" action="${BASE}/account/password">
  <input type="hidden" name="_csrf" value="${c.csrf()}">
  <label for="current">${c.t('account.currentPassword')}</label>
  <input id="current" name="current" type="password" autocomplete="current-password" required maxlength="256">
  <label for="password">${c.t('account.newPassword')}</label>
  <input id="password" name="password" type="password" autocomplete="new-password" required minlength="12" maxlength="256">
  <label for="confirm">${c.t('account.confirmPassword')}</label>
  <input id="confirm" name="confirm" type="password" autocomplete="new-password" required minlength="12" maxlength="256">
  <p class="muted small">${c.t('password.rules')}</p>
  <p><button type="submit">${c.t('account.changePassword')}</button></p>
</form>
</div>`,
  });
}

export const accountPage: ConsolePage = {
  nav: { href: `${BASE}/account`, labelKey: 'nav.account', least: 'agent' },
  routes(r) {
    r.staff('GET', '/account', 'agent', (c) => view(c));

    r.staff('POST', '/sign-out-everywhere', 'agent', async (c) => {
      const n = await c.svc.sessions.destroyAll(c.staff.id);
      await c.audit('sign-out.everywhere', c.staff.id, { sessions: n });
      c.reply.clearCookie(SESSION_COOKIE, { path: BASE });
      return c.redirect(`${BASE}/sign-in`, { ok: 'signedOutEverywhere' });
    });

    r.staff('POST', '/account/password', 'agent', async (c) => {
      const body = c.req.body as Record<string, unknown>;
      const current = typeof body.current === 'string' ? body.current : '';
      const password = typeof body.password === 'string' ? body.password : '';
      const confirm = typeof body.confirm === 'string' ? body.confirm : '';
      if (!(await verifyPassword(current, c.staff.passwordHash))) return view(c, c.t('account.wrongCurrent'));
      if (password !== confirm) return view(c, c.t('account.mismatch'));
      try {
        await c.svc.accounts.setPassword(c.staff.id, password);
      } catch (err) {
        if (err instanceof AccountError) return view(c, c.t(err.key));
        throw err;
      }
      // Whoever knew the old password is signed out everywhere else.
      const ended = await c.svc.sessions.destroyAll(c.staff.id, c.session.id);
      await c.audit('password.change', c.staff.id, { otherSessionsEnded: ended });
      return c.redirect(`${BASE}/account`, { ok: 'passwordChanged' });
    });
  },
};
