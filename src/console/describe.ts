// A hand-off's facts in the staff member's words: country and city names from content, topics,
// reasons, channels and statuses from the console's strings (an unknown value shows as it is).
import type { Handoff } from '../handoff/model.ts';
import { html, type Html } from './html.ts';
import type { Ctx } from './router.ts';

type C = Pick<Ctx, 't' | 'has' | 'locale' | 'deps'>;

function known(c: C, key: string, fallback: string): string {
  return c.has(key) ? c.t(key) : fallback;
}

export function countryName(c: C, code: string | undefined): string {
  if (!code) return c.t('chat.unknown');
  return c.deps.countries.find((x) => x.code === code)?.name[c.locale] ?? code;
}

export function cityName(c: C, country: string | undefined, city: string | undefined): string {
  if (!city) return '';
  return c.deps.countries.find((x) => x.code === country)?.cities.find((x) => x.id === city)?.name[c.locale] ?? city;
}

export function missionName(c: C, id: string | undefined): string {
  if (!id) return c.t('queue.unrouted');
  return c.deps.missions.get(id)?.name[c.locale] ?? id;
}

export const topicLabel = (c: C, topic: string | undefined) => (topic ? known(c, `topics.${topic}`, topic) : c.t('chat.unknown'));
export const reasonLabel = (c: C, reason: string) => known(c, `reasons.${reason}`, reason);
export const channelLabel = (c: C, channel: string) => known(c, `channels.${channel}`, channel);
export const languageLabel = (c: C, locale: string) => known(c, `languages.${locale}`, locale);
export const dangerLabel = (c: C, kind: string) => known(c, `danger.${kind}`, kind);

export function statusBadge(c: C, h: Handoff): Html {
  const who = h.status === 'assigned' && h.assignee ? ` · ${h.assignee.name}` : '';
  return html`<span class="badge ${h.status}">${c.t(`status.${h.status}`)}${who}</span>`;
}

export function priorityBadge(c: C, h: Pick<Handoff, 'priority'>): Html {
  return h.priority === 'emergency' ? html`<span class="badge emergency">${c.t('queue.emergency')}</span>` : html``;
}
