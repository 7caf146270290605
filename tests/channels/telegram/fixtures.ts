// Update payloads from tests/fixtures/telegram (shapes as Telegram documents them), and ids to
// move them into fresh chats so tests never share a conversation.
import { readFileSync } from 'node:fs';

export type Json = Record<string, unknown>;

export const TOKEN = '7000000001:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw';
export const BOT_ID = 7000000001;

const FIXTURES = new URL('../../fixtures/telegram/', import.meta.url);

/** A fresh copy of a fixture (tests change ids freely). */
export function fixture(name: string): Json {
  return JSON.parse(readFileSync(new URL(name, FIXTURES), 'utf8')) as Json;
}

export const BOT_INFO = fixture('get-me.json');

let updateSeq = 900_000_000;
let messageSeq = 60_000;
let chatSeq = 5_100_000_000 + Math.floor(Math.random() * 1_000_000) * 100;
export const newChatId = () => ++chatSeq;
export const nextUpdateId = () => ++updateSeq;

/** Moves a private-chat fixture into chat `chatId`, with a new update id and message id. */
export function addressed(name: string, chatId: number, patch: (u: Json) => void = () => {}): Json {
  const u = fixture(name);
  u.update_id = nextUpdateId();
  const m = (u.message ?? u.edited_message) as Json | undefined;
  if (m) {
    if (u.message) m.message_id = ++messageSeq;
    const chat = m.chat as Json;
    if (chat.type === 'private') {
      m.chat = { ...chat, id: chatId };
      m.from = { ...(m.from as Json), id: chatId };
    }
  }
  const q = u.callback_query as Json | undefined;
  if (q) {
    q.id = `${chatId}${updateSeq}`;
    q.from = { ...(q.from as Json), id: chatId };
    const qm = q.message as Json | undefined;
    if (qm) qm.chat = { ...(qm.chat as Json), id: chatId };
  }
  patch(u);
  return u;
}

/** Updates the bot cannot read, and the kind of polite reply each gets (decoded and answered alike). */
export const UNSUPPORTED_UPDATES: [string, string][] = [
  ['sticker.json', 'sticker'],
  ['photo.json', 'image'],
  ['voice.json', 'audio'],
  ['audio.json', 'audio'],
  ['video.json', 'video'],
  ['video-note.json', 'video'],
  ['animation.json', 'video'],
  ['document.json', 'file'],
  ['location.json', 'location'],
  ['venue.json', 'location'],
  ['contact.json', 'contact'],
  ['poll.json', 'other'],
  ['dice.json', 'other'],
];
