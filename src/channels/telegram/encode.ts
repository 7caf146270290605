// OutboundMessage → the sendMessage calls that carry it. Choices become an inline keyboard whose
// callback_data is the choice id (never the label), under the last part; a list that does not fit
// goes out as the numbered text every channel understands. Text is plain (no parse_mode), so what
// staff type can never break the formatting, and Telegram itself links URLs and +E.164 numbers.
import type { OutboundMessage } from '../../core/messages.ts';
import { asNumberedText, fitsButtons, splitText } from '../../core/render.ts';
import { MAX_CALLBACK_DATA_BYTES, MAX_TEXT_UTF16, SHORT_LABEL, telegramCapabilities } from './capabilities.ts';

export interface InlineButton {
  text: string;
  callback_data: string;
}

/** The optional part of a sendMessage body (chat_id and text are the call's own arguments). */
export interface SendOptions {
  reply_markup?: { inline_keyboard: InlineButton[][] };
  /** Previews cost data that users abroad often pay for by the megabyte. */
  link_preview_options: { is_disabled: true };
}

export interface TelegramPart {
  text: string;
  options: SendOptions;
}

export function usesKeyboard(message: OutboundMessage): boolean {
  return (
    fitsButtons(message, telegramCapabilities) &&
    (message.choices ?? []).every((c) => Buffer.byteLength(c.id) <= MAX_CALLBACK_DATA_BYTES)
  );
}

function keyboard(message: OutboundMessage): InlineButton[][] {
  const buttons = (message.choices ?? []).map((c) => ({ text: c.label, callback_data: c.id }));
  const allShort = (message.choices ?? []).every((c) => [...c.label].length <= SHORT_LABEL);
  if (!allShort) return buttons.map((b) => [b]);
  const rows: InlineButton[][] = [];
  for (let i = 0; i < buttons.length; i += 2) rows.push(buttons.slice(i, i + 2));
  return rows;
}

function withLinks(text: string, message: OutboundMessage): string {
  const links = message.links ?? [];
  if (links.length === 0) return text;
  return [text, links.map((l) => `${l.label}: ${l.url}`).join('\n')].join('\n\n');
}

/**
 * Splits under Telegram's limit, which counts UTF-16 units: a part full of emoji is split again,
 * at a paragraph, line or word end like the rest.
 */
export function splitForTelegram(text: string, max = MAX_TEXT_UTF16): string[] {
  const out: string[] = [];
  for (const part of splitText(text, max)) {
    if (part.length <= max) {
      out.push(part);
      continue;
    }
    // Astral characters count twice: half the budget in code points always fits.
    out.push(...splitText(part, Math.floor(max / 2)));
  }
  return out;
}

export function encodeTelegramMessage(message: OutboundMessage): TelegramPart[] {
  const buttons = usesKeyboard(message);
  const body = withLinks(buttons ? message.text : asNumberedText(message), message);
  const parts = splitForTelegram(body);
  return parts.map((text, i) => {
    const options: SendOptions = { link_preview_options: { is_disabled: true } };
    if (buttons && i === parts.length - 1) options.reply_markup = { inline_keyboard: keyboard(message) };
    return { text, options };
  });
}
