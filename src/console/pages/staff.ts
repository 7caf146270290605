// Staff management for admins: add accounts, change name, role and missions, set a new password,
// disable or enable, lift a sign-in lock, end someone's sessions. Every change is audited; the
// last active admin cannot be removed.
import { STAFF_ROLES, type StaffRole } from '../../handoff/model.ts';
import { AccountError, type StaffAccount } from '../accounts.ts';
import { ago, staffTimeZone, when } from '../format.ts';
import { html, raw, type Html } from '../html.ts';
import { BASE, field, fields, type ConsolePage, type StaffCtx } from '../router.ts';

function missionOptions(c: StaffCtx, selected: readonly string[]): Html {
  return html`${c.deps.missions.all().map(
    (m) => html`<label style="font-weight:normal;margin:.15rem 0"><input type="checkbox" name="missions" value="${m.id}"${selected.includes(m.id) ? raw(' checked') : ''} style="min-height:auto"> ${m.name[c.locale]}</label>`,
  )}`;
}

function roleOptions(c: StaffCtx, selected: StaffRole): Html {
  return html`${STAFF_ROLES.map((r) => html`<option value="${r}"${r === selected ? raw(' selected') : ''}>${c.t(`roles.${r}`)}</option>`)}`;
}

async function list(c: StaffCtx, error?: string, draft?: { id: string; name: string; role: StaffRole; missions: string[] }) {
  const accounts = await c.svc.accounts.list();
  const tz = staffTimeZone(c.staff, c.deps.missions);
  const now = c.deps.clock.now();
  const locks = await Promise.all(accounts.map((a) => c.svc.throttle.lockedUntil(a.id)));
  const token = c.csrf();
  return c.page({
    title: c.t('staff.title'),
    ...(error ? { status: 400, flash: { kind: 'error' as const, text: error } } : {}),
    body: html`<h1>${c.t('staff.title')}</h1>
<table class="queue"><thead><tr><th>${c.t('staff.id')}</th><th>${c.t('staff.name')}</th><th>${c.t('staff.role')}</th><th>${c.t('staff.missions')}</th><th>${c.t('staff.state')}</th><th>${c.t('staff.lastSignIn')}</th><th></th></tr></thead><tbody>
${accounts.map((a, i) => {
  const lock = locks[i];
  return html`<tr><td data-label="${c.t('staff.id')}">${a.id}</td><td data-label="${c.t('staff.name')}">${a.name}</td><td data-label="${c.t('staff.role')}">${c.t(`roles.${a.role}`)}</td>
<td data-label="${c.t('staff.missions')}">${a.missions.map((m) => c.deps.missions.get(m)?.name[c.locale] ?? m).join(', ') || c.t('staff.allMissions')}</td>
<td data-label="${c.t('staff.state')}">${a.disabled ? html`<span class="badge">${c.t('staff.disabled')}</span>` : html`<span class="badge assigned">${c.t('staff.active')}</span>`}${lock ? html` <span class="badge emergency">${c.t('staff.lockedUntil', { until: when(c, lock, tz) })}</span>` : ''}</td>
<td data-label="${c.t('staff.lastSignIn')}">${a.lastSignInAt ? ago(c, now - a.lastSignInAt) : c.t('staff.never')}</td>
<td><a class="button secondary" href="${BASE}/staff/${a.id}">${c.t('staff.edit')}</a></td></tr>`;
})}
</tbody></table>
<h2>${c.t('staff.add')}</h2>
<div class="card"><form method="post" action="${BASE}/staff">
<input type="hidden" name="_csrf" value="${token}">
<label for="id">${c.t('staff.id')}</label><input id="id" name="id" required maxlength="32" pattern="[a-z0-9][a-z0-9._\\-]{1,31}" autocapitalize="none" value="${draft?.id ?? ''}">
<label for="name">${c.t('staff.name')}</label><input id="name" name="name" required maxlength="80" value="${draft?.name ?? ''}">
<label for="role">${c.t('staff.role')}</label><select id="role" name="role">${roleOptions(c, draft?.role ?? 'agent')}</select>
<fieldset style="border:0;padding:0;margin:.6rem 0"><legend style="font-weight:600">${c.t('staff.missions')}</legend>${missionOptions(c, draft?.missions ?? [])}</fieldset>
<label for="password">${c.t('staff.initialPassword')}</label><input id="password" name="password" type="password" autocomplete="new-password" required minlength="12" maxlength="256">
<p class="muted small">${c.t('password.rules')}</p>
<p><button type="submit">${c.t('staff.add')}</button></p>
</form></div>`,
  });
}

async function detail(c: StaffCtx, a: StaffAccount, error?: string) {
  const token = c.csrf();
  const tz = staffTimeZone(c.staff, c.deps.missions);
  const lock = await c.svc.throttle.lockedUntil(a.id);
  const sessions = await c.svc.sessions.listFor(a.id);
  const post = (action: string, label: string, cls = 'secondary') =>
    html`<form class="inline" method="post" action="${BASE}/staff/${a.id}/${action}"><input type="hidden" name="_csrf" value="${token}"><button type="submit" class="${cls}">${label}</button></form>`;
  return c.page({
    title: `${c.t('staff.title')} · ${a.name}`,
    ...(error ? { status: 400, flash: { kind: 'error' as const, text: error } } : {}),
    body: html`<p><a href="${BASE}/staff">← ${c.t('staff.title')}</a></p>
<h1>${a.name} (${a.id})</h1>
<div class="card"><form method="post" action="${BASE}/staff/${a.id}">
<input type="hidden" name="_csrf" value="${token}">
<label for="name">${c.t('staff.name')}</label><input id="name" name="name" required maxlength="80" value="${a.name}">
<label for="role">${c.t('staff.role')}</label><select id="role" name="role">${roleOptions(c, a.role)}</select>
<fieldset style="border:0;padding:0;margin:.6rem 0"><legend style="font-weight:600">${c.t('staff.missions')}</legend>${missionOptions(c, a.missions)}</fieldset>
<p><button type="submit">${c.t('staff.save')}</button></p>
</form></div>
<div class="card"><form method="post" action="${BASE}/staff/${a.id}/password">
<input type="hidden" name="_csrf" value="${token}">
<label for="password">${c.t('staff.newPassword')}</label><input id="password" name="password" type="password" autocomplete="new-password" required minlength="12" maxlength="256">
<p class="muted small">${c.t('staff.newPasswordHelp')}</p>
<p><button type="submit" class="secondary">${c.t('staff.setPassword')}</button></p>
</form></div>
<div class="card row">
${a.disabled ? post('enable', c.t('staff.enable')) : post('disable', c.t('staff.disable'), 'danger')}
${lock ? post('unlock', c.t('staff.unlock')) : ''}
${post('sign-out', c.t('staff.signOutAll', { n: sessions.length }))}
</div>
<p class="muted small">${lock ? c.t('staff.lockedUntil', { until: when(c, lock, tz) }) : ''}</p>`,
  });
}

/** Runs an account change; an AccountError becomes the form's message. */
async function attempt(c: StaffCtx, fn: () => Promise<unknown>, onError: (msg: string) => unknown): Promise<boolean> {
  try {
    await fn();
    return true;
  } catch (err) {
    if (!(err instanceof AccountError)) throw err;
    await onError(c.t(err.key));
    return false;
  }
}

function roleOf(v: string): StaffRole {
  return (STAFF_ROLES as readonly string[]).includes(v) ? (v as StaffRole) : 'agent';
}

export const staffPage: ConsolePage = {
  nav: { href: `${BASE}/staff`, labelKey: 'nav.staff', least: 'admin' },
  routes(r) {
    r.staff('GET', '/staff', 'admin', (c) => list(c));

    r.staff('POST', '/staff', 'admin', async (c) => {
      const body = c.req.body as Record<string, unknown>;
      const draft = { id: field(body, 'id'), name: field(body, 'name'), role: roleOf(field(body, 'role')), missions: fields(body, 'missions') };
      const password = typeof body.password === 'string' ? body.password : '';
      let failed: unknown;
      const ok = await attempt(c, () => c.svc.accounts.create({ ...draft, password }), (msg) => (failed = list(c, msg, draft)));
      if (!ok) return failed;
      await c.audit('staff.create', draft.id.toLowerCase(), { role: draft.role, missions: draft.missions.join(' ') });
      return c.redirect(`${BASE}/staff`, { ok: 'staffCreated' });
    });

    r.staff('GET', '/staff/:sid', 'admin', async (c) => {
      const a = await c.svc.accounts.get((c.req.params as { sid: string }).sid);
      if (!a) return c.fail(404, 'staff.errors.notFound');
      return detail(c, a);
    });

    r.staff('POST', '/staff/:sid', 'admin', async (c) => {
      const a = await c.svc.accounts.get((c.req.params as { sid: string }).sid);
      if (!a) return c.fail(404, 'staff.errors.notFound');
      const patch = { name: field(c.req.body, 'name'), role: roleOf(field(c.req.body, 'role')), missions: fields(c.req.body, 'missions') };
      let failed: unknown;
      const ok = await attempt(c, () => c.svc.accounts.update(a.id, patch), (msg) => (failed = detail(c, a, msg)));
      if (!ok) return failed;
      await c.audit('staff.update', a.id, { role: patch.role, missions: patch.missions.join(' '), roleBefore: a.role });
      return c.redirect(`${BASE}/staff/${a.id}`, { ok: 'staffSaved' });
    });

    r.staff('POST', '/staff/:sid/password', 'admin', async (c) => {
      const a = await c.svc.accounts.get((c.req.params as { sid: string }).sid);
      if (!a) return c.fail(404, 'staff.errors.notFound');
      const password = (c.req.body as Record<string, unknown>).password;
      let failed: unknown;
      const ok = await attempt(c, () => c.svc.accounts.setPassword(a.id, typeof password === 'string' ? password : ''), (msg) => (failed = detail(c, a, msg)));
      if (!ok) return failed;
      // A password set by an admin ends the person's sessions: whoever had the old one is out.
      const ended = await c.svc.sessions.destroyAll(a.id, a.id === c.staff.id ? c.session.id : undefined);
      await c.audit('staff.password', a.id, { sessionsEnded: ended });
      return c.redirect(`${BASE}/staff/${a.id}`, { ok: 'passwordSet' });
    });

    for (const [action, disabled] of [['disable', true], ['enable', false]] as const) {
      r.staff('POST', `/staff/:sid/${action}`, 'admin', async (c) => {
        const a = await c.svc.accounts.get((c.req.params as { sid: string }).sid);
        if (!a) return c.fail(404, 'staff.errors.notFound');
        let failed: unknown;
        const ok = await attempt(c, () => c.svc.accounts.setDisabled(a.id, disabled), (msg) => (failed = detail(c, a, msg)));
        if (!ok) return failed;
        if (disabled) await c.svc.sessions.destroyAll(a.id);
        await c.audit(disabled ? 'staff.disable' : 'staff.enable', a.id);
        return c.redirect(`${BASE}/staff/${a.id}`, { ok: disabled ? 'staffDisabled' : 'staffEnabled' });
      });
    }

    r.staff('POST', '/staff/:sid/unlock', 'admin', async (c) => {
      const a = await c.svc.accounts.get((c.req.params as { sid: string }).sid);
      if (!a) return c.fail(404, 'staff.errors.notFound');
      await c.svc.throttle.unlock(a.id);
      await c.audit('staff.unlock', a.id);
      return c.redirect(`${BASE}/staff/${a.id}`, { ok: 'staffUnlocked' });
    });

    r.staff('POST', '/staff/:sid/sign-out', 'admin', async (c) => {
      const a = await c.svc.accounts.get((c.req.params as { sid: string }).sid);
      if (!a) return c.fail(404, 'staff.errors.notFound');
      const n = await c.svc.sessions.destroyAll(a.id, a.id === c.staff.id ? c.session.id : undefined);
      await c.audit('staff.sign-out', a.id, { sessions: n });
      return c.redirect(`${BASE}/staff/${a.id}`, { ok: 'staffSignedOut' });
    });
  },
};
