// Who may see and do what. An agent answers the chats of their own missions; a supervisor sees
// every mission of their missions' countries and may hand a chat to someone else; an admin sees
// every mission (chats whose country is unknown included, so none is left unrouted) and manages
// staff. Pages ask these functions; a request outside them is a 403.
import type { Handoff, MissionDirectory, Staff, StaffRole } from '../handoff/model.ts';

const RANK: Record<StaffRole, number> = { agent: 1, supervisor: 2, admin: 3 };

export function hasRole(staff: Staff, least: StaffRole): boolean {
  return RANK[staff.role] >= RANK[least];
}

/** The missions whose chats this person sees; undefined means all (admins). */
export function visibleMissions(staff: Staff, missions: MissionDirectory): string[] | undefined {
  if (staff.role === 'admin') return undefined;
  if (staff.role === 'agent') return missions.all().filter((m) => staff.missions.includes(m.id)).map((m) => m.id);
  const countries = new Set(missions.all().filter((m) => staff.missions.includes(m.id)).map((m) => m.country));
  return missions.all().filter((m) => countries.has(m.country)).map((m) => m.id);
}

export function canSee(staff: Staff, h: Pick<Handoff, 'mission'>, missions: MissionDirectory): boolean {
  const visible = visibleMissions(staff, missions);
  if (visible === undefined) return true;
  return h.mission !== undefined && visible.includes(h.mission);
}

/** Closing is for whoever holds the chat, or a supervisor of its mission. */
export function canClose(staff: Staff, h: Handoff): boolean {
  return hasRole(staff, 'supervisor') || (h.status === 'assigned' && h.assignee?.id === staff.id);
}

/** A supervisor may give a chat to another officer who can see it. */
export function canReassign(staff: Staff, to: Staff, h: Handoff, missions: MissionDirectory): boolean {
  return hasRole(staff, 'supervisor') && canSee(to, h, missions);
}
