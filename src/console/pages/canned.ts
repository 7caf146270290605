// Canned replies, edited per mission by its supervisors (admins: any mission). The list starts as
// the content's (canned.yaml); saving stores the mission's own list and is audited (who, which
// mission, how many replies — not the words). Placeholders are filled when an officer picks a reply.
import type { Localized } from '../../core/effects.ts';
import { asStaff } from '../accounts.ts';
import { MAX_CANNED, MAX_CANNED_TEXT, MAX_CANNED_TITLE, PLACEHOLDERS, type Canned } from '../canned.ts';
import { staffTimeZone, when } from '../format.ts';
import { html, raw, type Html } from '../html.ts';
import { BASE, field, withQuery, type ConsolePage, type StaffCtx } from '../router.ts';
import { visibleMissions } from '../scope.ts';

const LANGS = ['vi', 'en'] as const;

function missionsOf(c: StaffCtx) {
  const visible = visibleMissions(asStaff(c.staff), c.deps.missions);
  return c.deps.missions.all().filter((m) => visible === undefined || visible.includes(m.id));
}

function replyFields(c: StaffCtx, i: number, r?: Canned): Html {
  return html`<fieldset class="card"><legend>${r ? c.t('canned.reply', { n: i + 1 }) : c.t('canned.new')}</legend>
<input type="hidden" name="id_${i}" value="${r?.id ?? ''}">
<div class="grid">${LANGS.map(
    (l) => html`<div><label for="title_${l}_${i}">${c.t('canned.title')} (${c.t(`languages.${l}`)})</label><input id="title_${l}_${i}" name="title_${l}_${i}" maxlength="${MAX_CANNED_TITLE}" value="${r?.title[l] ?? ''}" style="width:100%">
<label for="text_${l}_${i}">${c.t('canned.text')} (${c.t(`languages.${l}`)})</label><textarea id="text_${l}_${i}" name="text_${l}_${i}" maxlength="${MAX_CANNED_TEXT}">${r?.text[l] ?? ''}</textarea></div>`,
  )}</div>
${r ? html`<label class="opt" style="font-weight:400"><input type="checkbox" name="delete_${i}" value="yes"> ${c.t('canned.delete')}</label>` : ''}
</fieldset>`;
}

/** The replies a submitted form describes, or the first problem found. */
function parse(body: unknown): { replies: Canned[] } | { error: string } {
  const replies: Canned[] = [];
  for (let i = 0; i <= MAX_CANNED; i++) {
    const title: Localized = { vi: field(body, `title_vi_${i}`), en: field(body, `title_en_${i}`) };
    const text: Localized = { vi: field(body, `text_vi_${i}`), en: field(body, `text_en_${i}`) };
    const empty = !title.vi && !title.en && !text.vi && !text.en;
    if (empty || field(body, `delete_${i}`) === 'yes') continue;
    if ((!title.vi && !title.en) || (!text.vi && !text.en)) return { error: 'canned.incomplete' };
    if ([title.vi, title.en].some((t) => t.length > MAX_CANNED_TITLE) || [text.vi, text.en].some((t) => t.length > MAX_CANNED_TEXT)) return { error: 'canned.tooLong' };
    const id = field(body, `id_${i}`).replace(/[^a-z0-9-]/gi, '').slice(0, 48) || `reply-${i + 1}`;
    replies.push({ id: replies.some((r) => r.id === id) ? `${id}-${i + 1}` : id, title, text });
  }
  return replies.length > MAX_CANNED ? { error: 'canned.tooMany' } : { replies };
}

async function editor(c: StaffCtx, mission: string, opts: { status?: number; error?: string } = {}) {
  const all = missionsOf(c);
  const { replies, edited } = await c.svc.canned.forMission(mission);
  const token = c.csrf();
  return c.page({
    title: c.t('canned.pageTitle'),
    ...(opts.status ? { status: opts.status } : {}),
    ...(opts.error ? { flash: { kind: 'error' as const, text: c.t(opts.error, { max: MAX_CANNED }) } } : {}),
    body: html`<h1>${c.t('canned.pageTitle')}</h1>
<form class="inline" method="get" action="${BASE}/canned"><label for="mission" style="margin:0">${c.t('queue.mission')}</label>
<select id="mission" name="mission">${all.map((m) => html`<option value="${m.id}"${m.id === mission ? raw(' selected') : ''}>${m.name[c.locale]}</option>`)}</select>
<button type="submit" class="secondary">${c.t('canned.show')}</button></form>
<p class="muted">${c.t('canned.help', { placeholders: PLACEHOLDERS.map((p) => `{{${p}}}`).join(', ') })}</p>
<p class="small muted">${edited ? c.t('canned.edited', { by: edited.by, at: when(c, edited.at, staffTimeZone(c.staff, c.deps.missions)) }) : c.t('canned.fromContent')}</p>
<form method="post" action="${BASE}/canned?mission=${encodeURIComponent(mission)}"><input type="hidden" name="_csrf" value="${token}">
${replies.map((r, i) => replyFields(c, i, r))}
${replies.length < MAX_CANNED ? replyFields(c, replies.length) : ''}
<button type="submit">${c.t('canned.save')}</button></form>`,
  });
}

function pickMission(c: StaffCtx): string | undefined {
  const q = (c.req.query as Record<string, unknown>).mission;
  const all = missionsOf(c);
  if (typeof q === 'string' && q !== '') return all.some((m) => m.id === q) ? q : undefined;
  return all[0]?.id;
}

export const cannedPage: ConsolePage = {
  routes(r) {
    r.staff('GET', '/canned', 'supervisor', async (c) => {
      const mission = pickMission(c);
      if (!mission) return c.fail(403, 'errors.forbidden');
      return editor(c, mission);
    });

    r.staff('POST', '/canned', 'supervisor', async (c) => {
      const mission = pickMission(c);
      if (!mission) return c.fail(403, 'errors.forbidden');
      const parsed = parse(c.req.body);
      if ('error' in parsed) return editor(c, mission, { status: 400, error: parsed.error });
      await c.svc.canned.save(mission, parsed.replies, c.staff.name, c.deps.clock.now());
      await c.audit('canned.save', mission, { replies: parsed.replies.length });
      return c.redirect(withQuery(`${BASE}/canned`, { mission }), { ok: 'cannedSaved' });
    });
  },
};
