// Workers who register their return on the web chat of a running server, for the console's
// registration tests: the registration test's script (tests/registration/script.ts), typed message
// by message through the real channel, engine, flow and desk, with the answers a test wants changed
// (country and city, name, passport, phone, reason, special situations, return date). The worker
// then reads what arrives on their chat, as the page does by polling.
import { expect } from 'vitest';
import { WEB_ACCOUNT } from '../../src/channels/web/capabilities.ts';
import type { Server } from '../../src/server.ts';
import { REGISTRATION_SCRIPT } from '../registration/script.ts';

export interface Tick {
  advance(ms: number): void;
}

interface WebMessage {
  text: string;
  choices?: { id: string; label: string }[];
}

export interface Answers {
  /** As typed at the welcome: "dai loan", "nhat ban". */
  country: 'dai loan' | 'nhat ban';
  city?: string;
  name?: string;
  /** Typed the way people type it ("c 765 4321"). */
  passport?: string;
  phone?: string;
  reason?: string;
  /** Typed numbers of the special situations ("1 4"), or undefined for none. */
  special?: string;
  /** As typed ("cuoi thang 1", "15/3/2027"). */
  returnDate?: string;
}

const COUNTRY_NAME = { 'dai loan': 'Đài Loan', 'nhat ban': 'Nhật Bản' } as const;
let users = 0;

export class WebWorker {
  readonly user = `regworker${(++users).toString().padStart(5, '0')}${Math.random().toString(36).slice(2, 8)}`;
  private n = 0;
  private last = 0;

  constructor(
    private readonly server: Server,
    private readonly clock: Tick,
  ) {}

  get key() {
    return { channel: 'web', account: WEB_ACCOUNT, user: this.user };
  }

  async post(part: { text: string } | { choice: string } | { start: true }): Promise<string> {
    this.clock.advance(5_000);
    const res = await this.server.app.inject({ method: 'POST', url: `/api/chat/messages?after=${this.last}`, payload: { user: this.user, id: `m${++this.n}`, ...part } });
    expect(res.statusCode, JSON.stringify(part)).toBe(200);
    const body = res.json() as { messages: WebMessage[]; last: number };
    this.last = body.last;
    return shown(body.messages);
  }

  /** What arrived since the worker last looked (the page polls every few seconds). */
  async poll(): Promise<string> {
    await this.server.outbox.flush(this.key);
    const res = await this.server.app.inject({ url: `/api/chat/messages?user=${this.user}&after=${this.last}` });
    const body = res.json() as { messages: WebMessage[]; last: number };
    this.last = body.last;
    return shown(body.messages);
  }

  /** Registers from the welcome to the confirmation; returns the reference the bot gave. */
  async register(a: Answers): Promise<string> {
    await this.post({ start: true });
    await this.post({ choice: 'lang_vi' });
    await this.post({ text: a.country });
    for (const turn of REGISTRATION_SCRIPT) {
      let part: { text: string } | { choice: string } = turn.text !== undefined ? { text: turn.text } : { choice: turn.choice! };
      let expected = turn.expect;
      if ('text' in part) {
        if (part.text === 'Nguyễn Thị Lan' && a.name) part = { text: a.name };
        else if (part.text === 'c 765 4321') {
          if (a.passport) part = { text: a.passport };
          expected = new RegExp(`${COUNTRY_NAME[a.country]} phải không`);
        } else if (part.text === 'Dai Trung' && a.city) part = { text: a.city };
        else if (part.text === '0912 345 678' && a.phone) part = { text: a.phone };
        else if (part.text === 'cuoi thang 1' && a.returnDate) part = { text: a.returnDate };
        else if (part.text === '1 4') part = a.special ? { text: a.special } : { choice: 'reg_sp_none' };
      } else if (part.choice.startsWith('reg_reason_') && a.reason) part = { choice: `reg_reason_${a.reason}` };
      let reply = await this.post(part);
      // One number typed reads as one tap: the form then waits for more, or "done".
      if ('text' in part && part.text === a.special && /Đã chọn:/.test(reply)) reply = await this.post({ choice: 'reg_sp_done' });
      if (expected) expect(reply, JSON.stringify(part)).toMatch(expected);
    }
    const confirmed = await this.post({ choice: 'reg_confirm' });
    const ref = /Mã đăng ký của bạn: ([2-9A-Z]{6})/.exec(confirmed)?.[1];
    expect(ref, confirmed).toBeDefined();
    return ref!;
  }
}

function shown(messages: WebMessage[]): string {
  return messages.map((m) => [m.text, ...(m.choices ?? []).map((c) => c.label)].join('\n')).join('\n');
}
