// The audit log for admins: who did what, to which chat or account, when and from where — newest
// first, filterable by person and action. Read-only: there is no route that changes it.
import { AUDIT_ACTIONS, type AuditEntry } from '../audit.ts';
import { staffTimeZone, when } from '../format.ts';
import { html, raw, type Html } from '../html.ts';
import { BASE, type ConsolePage } from '../router.ts';

const LIMIT = 1000;

/** An action's string key: dots in action names would read as nesting in the strings file. */
export const actionKey = (a: string) => `auditActions.${a.replace(/\./g, '_')}`;

/** What an entry acted on, linked: a registration by its reference, a chat by the start of its id. */
function target(e: AuditEntry): Html | string {
  const registration = e.detail?.registration;
  if (e.target && typeof registration === 'string') return html`<a href="${BASE}/registrations/${registration}">${registration}</a>`;
  if (e.target && /^[0-9a-f-]{36}$/.test(e.target)) return html`<a href="${BASE}/chats/${e.target}">${e.target.slice(0, 8)}</a>`;
  return e.target ?? '';
}

export const auditPage: ConsolePage = {
  nav: { href: `${BASE}/audit`, labelKey: 'nav.audit', least: 'admin' },
  routes(r) {
    r.staff('GET', '/audit', 'admin', async (c) => {
      const q = c.req.query as Record<string, unknown>;
      const who = typeof q.who === 'string' ? q.who.trim().toLowerCase().slice(0, 64) : '';
      const action = typeof q.action === 'string' && (AUDIT_ACTIONS as readonly string[]).includes(q.action) ? q.action : '';
      const entries = (await c.svc.audit.latest(LIMIT)).filter((e) => (!who || e.by.id === who) && (!action || e.action === action));
      const tz = staffTimeZone(c.staff, c.deps.missions);
      return c.page({
        title: c.t('audit.title'),
        body: html`<h1>${c.t('audit.title')}</h1>
<form class="inline card" method="get" action="${BASE}/audit">
  <label for="who" style="margin:0">${c.t('audit.who')}</label><input id="who" name="who" value="${who}" maxlength="64">
  <label for="action" style="margin:0">${c.t('audit.action')}</label>
  <select id="action" name="action"><option value="">${c.t('audit.any')}</option>${AUDIT_ACTIONS.map((a) => html`<option value="${a}"${a === action ? raw(' selected') : ''}>${c.t(actionKey(a))}</option>`)}</select>
  <button type="submit" class="secondary">${c.t('audit.filter')}</button>
</form>
<p class="muted small">${c.t('audit.help', { tz })}</p>
<table><thead><tr><th>${c.t('audit.when')}</th><th>${c.t('audit.who')}</th><th>${c.t('audit.action')}</th><th>${c.t('audit.target')}</th><th>${c.t('audit.detail')}</th><th>${c.t('audit.address')}</th></tr></thead><tbody>
${entries.length === 0 ? html`<tr><td colspan="6" class="muted">${c.t('audit.none')}</td></tr>` : ''}
${entries.map(
  (e) => html`<tr><td>${when(c, e.at, tz)}</td><td>${e.by.name ? `${e.by.name} (${e.by.id})` : e.by.id}</td><td>${e.action === 'open' && typeof e.detail?.registration === 'string' ? c.t('auditActions.openRegistration') : c.t(actionKey(e.action))}</td>
<td>${target(e)}</td>
<td class="small">${e.detail ? Object.entries(e.detail).map(([k, v]) => `${k}=${String(v)}`).join(', ') : ''}</td><td class="small">${e.address ?? ''}</td></tr>`,
)}
</tbody></table>`,
      });
    });
  },
};
