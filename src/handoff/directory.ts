// The missions of the knowledge base as the queue routes by them.
import { missionFor, type Content } from '../core/content/index.ts';
import type { MissionDirectory, MissionInfo } from './model.ts';

export function missionDirectory(content: Content): MissionDirectory {
  const all: MissionInfo[] = content.missions.map((m) => ({
    id: m.id,
    name: m.name,
    country: m.country,
    timeZone: m.timeZone,
    officeHours: m.officeHours,
  }));
  const byId = new Map(all.map((m) => [m.id, m]));
  return {
    route(country, city) {
      if (!country) return undefined;
      const found = missionFor(content, country, city);
      return found ? byId.get(found.id) : undefined;
    },
    get: (id) => byId.get(id),
    all: () => all,
  };
}
