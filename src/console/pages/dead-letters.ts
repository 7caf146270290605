// Messages the outbox gave up on (the platform kept refusing them): nothing is silently gone, it
// is listed here. A supervisor sees those of conversations handed to their missions; an admin all.
import type { OutboxItem } from '../../core/ports.ts';
import { keyToString } from '../../core/messages.ts';
import { asStaff } from '../accounts.ts';
import { channelLabel } from '../describe.ts';
import { staffTimeZone, when } from '../format.ts';
import { html } from '../html.ts';
import { BASE, type ConsolePage } from '../router.ts';
import { visibleMissions } from '../scope.ts';

const LIMIT = 200;

export const deadLettersPage: ConsolePage = {
  nav: { href: `${BASE}/dead-letters`, labelKey: 'nav.deadLetters', least: 'supervisor' },
  routes(r) {
    r.staff('GET', '/dead-letters', 'supervisor', async (c) => {
      const visible = visibleMissions(asStaff(c.staff), c.deps.missions);
      let items: OutboxItem[] = (await c.deps.store.deadLetters(LIMIT)).reverse();
      // Which chat (and so which mission) each conversation belongs to: open or recently closed.
      const handoffs = [...(await c.deps.queue.list()), ...(await c.deps.queue.listDone(undefined, 1000))];
      const chatOf = new Map(handoffs.map((h) => [keyToString(h.key), h]));
      if (visible !== undefined) {
        items = items.filter((i) => {
          const mission = chatOf.get(keyToString(i.key))?.mission;
          return mission !== undefined && visible.includes(mission);
        });
      }
      const tz = staffTimeZone(c.staff, c.deps.missions);
      return c.page({
        title: c.t('deadLetters.title'),
        body: html`<h1>${c.t('deadLetters.title')}</h1>
<p class="muted">${c.t('deadLetters.help')}</p>
${items.length === 0
  ? html`<div class="card muted">${c.t('deadLetters.none')}</div>`
  : html`<table><thead><tr><th>${c.t('deadLetters.queued')}</th><th>${c.t('deadLetters.channel')}</th><th>${c.t('deadLetters.from')}</th><th>${c.t('deadLetters.attempts')}</th><th>${c.t('deadLetters.error')}</th><th>${c.t('deadLetters.text')}</th><th></th></tr></thead><tbody>
${items.map((i) => {
  const chat = chatOf.get(keyToString(i.key));
  return html`<tr><td>${when(c, i.enqueuedAt, tz)}</td><td>${channelLabel(c, i.key.channel)}</td><td>${c.t(`chat.from.${i.message.from === 'agent' ? 'agent' : 'bot'}`)}</td><td>${i.attempts}</td><td class="small">${i.lastError ?? ''}</td><td class="small">${i.message.text.slice(0, 300)}</td><td>${chat ? html`<a href="${BASE}/chats/${chat.id}">${c.t('queue.open')}</a>` : ''}</td></tr>`;
})}</tbody></table>`}`,
      });
    });
  },
};
