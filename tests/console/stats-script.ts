// Workers' conversations on the web chat of a running server, as the statistics tests script them:
// questions, requests for a person, and whole return registrations typed message by message (the
// registration test's script, with the answers a test wants changed). Everything goes through the
// real channel, engine, flows, hand-off desk and registration desk; the figures come out of that.
import { expect } from 'vitest';
import type { Server } from '../../src/server.ts';
import { REGISTRATION_SCRIPT } from '../registration/script.ts';

export interface Tick {
  /** Moves the server's clock on (a person types every few seconds). */
  advance(ms: number): void;
}

interface WebMessage {
  text: string;
  choices?: { id: string; label: string }[];
}

let users = 0;

export class Worker {
  readonly user = `statsworker${(++users).toString().padStart(6, '0')}${Math.random().toString(36).slice(2, 8)}`;
  private n = 0;

  constructor(
    private readonly server: Server,
    private readonly clock: Tick,
  ) {}

  async post(part: { text: string } | { choice: string } | { start: true }): Promise<string> {
    this.clock.advance(5_000);
    const res = await this.server.app.inject({ method: 'POST', url: '/api/chat/messages', payload: { user: this.user, id: `m${++this.n}`, ...part } });
    expect(res.statusCode, JSON.stringify(part)).toBe(200);
    const body = res.json() as { messages: WebMessage[] };
    return body.messages.map((m) => [m.text, ...(m.choices ?? []).map((c) => c.label)].join('\n')).join('\n');
  }

  /** Opens the chat in Vietnamese and says where they work ("nhat ban", "dai loan"). */
  async onboard(country: string): Promise<void> {
    await this.post({ start: true });
    await this.post({ choice: 'lang_vi' });
    await this.post({ text: country });
  }
}

export interface RegistrationAnswers {
  reason: string;
  /** Typed numbers of the special situations ("1 4"), or undefined for none. */
  special?: string;
  sex: string;
  /** undefined: the worker skips the question. */
  sector?: string;
}

/** A worker in Taiwan registers their return, from the menu to the confirmation. */
export async function registerInTaiwan(server: Server, clock: Tick, a: RegistrationAnswers): Promise<void> {
  const w = new Worker(server, clock);
  await w.onboard('dai loan');
  for (const turn of REGISTRATION_SCRIPT) {
    let part: { text: string } | { choice: string } = turn.text !== undefined ? { text: turn.text } : { choice: turn.choice! };
    if ('choice' in part && part.choice.startsWith('reg_reason_')) part = { choice: `reg_reason_${a.reason}` };
    if ('text' in part && part.text === '1 4') part = a.special ? { text: a.special } : { choice: 'reg_sp_none' };
    if ('choice' in part && part.choice.startsWith('reg_sex_')) part = { choice: `reg_sex_${a.sex}` };
    if ('choice' in part && part.choice.startsWith('reg_sector_')) part = { choice: a.sector ? `reg_sector_${a.sector}` : 'reg_skip' };
    let reply = await w.post(part);
    // One number typed reads as one tap: the form then waits for more, or "done".
    if ('text' in part && part.text === a.special && /Đã chọn:/.test(reply)) reply = await w.post({ choice: 'reg_sp_done' });
    // The script's checks hold whatever these answers are, except the review's (it names the province).
    if (turn.expect) expect(reply, JSON.stringify(part)).toMatch(turn.expect);
  }
  expect(await w.post({ choice: 'reg_confirm' })).toMatch(/Mã đăng ký của bạn: [2-9A-Z]{6}/);
}
