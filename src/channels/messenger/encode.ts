// OutboundMessage → Send API `message` objects. Choices go as quick replies when they fit (≤ 13,
// titles ≤ 20); otherwise, for up to 3 choices, a button template whose text lists the full labels;
// otherwise the numbered list every channel understands. Text is split under the 2000 limit, the
// choices riding on the last part.
import type { Choice, OutboundMessage } from '../../core/messages.ts';
import { asNumberedText, fitsButtons, splitText } from '../../core/render.ts';
import { BUTTON_TEXT_MAX, BUTTON_TITLE_MAX, BUTTONS_MAX, TEXT_MAX, messengerCapabilities } from './capabilities.ts';

export interface QuickReply {
  content_type: 'text';
  title: string;
  payload: string;
}

export interface PostbackButton {
  type: 'postback';
  title: string;
  payload: string;
}

export type SendMessage =
  | { text: string; quick_replies?: QuickReply[] }
  | { attachment: { type: 'template'; payload: { template_type: 'button'; text: string; buttons: PostbackButton[] } } };

/** A template's list must leave at least this much room for the question above it. */
const MIN_TEMPLATE_TEXT = 80;

export function encodeMessage(message: OutboundMessage): SendMessage[] {
  const text = withLinks(message);
  const choices = message.choices ?? [];
  if (choices.length === 0) return splitUnder(text, TEXT_MAX).map((t) => ({ text: t }));

  if (fitsButtons(message, messengerCapabilities)) {
    const parts = splitUnder(text, TEXT_MAX);
    const last = parts.pop() ?? '';
    return [
      ...parts.map((t) => ({ text: t })),
      { text: last, quick_replies: choices.map((c) => ({ content_type: 'text' as const, title: c.label, payload: c.id })) },
    ];
  }

  if (choices.length <= BUTTONS_MAX) {
    const template = buttonTemplate(text, choices);
    if (template) return template;
  }

  return splitUnder(asNumberedText({ ...message, text }), TEXT_MAX).map((t) => ({ text: t }));
}

/**
 * Labels too long for a button title: the text lists them in full and numbered, the buttons carry
 * the number and the label's start, so what is tapped is never ambiguous.
 */
function buttonTemplate(text: string, choices: Choice[]): SendMessage[] | undefined {
  const list = choices.map((c, i) => `${i + 1}. ${c.label}`).join('\n');
  const room = BUTTON_TEXT_MAX - list.length - 2;
  if (room < MIN_TEMPLATE_TEXT) return undefined;
  const parts = splitUnder(text, TEXT_MAX);
  const last = parts.pop() ?? '';
  const tail = splitUnder(last, room);
  const question = tail.pop() ?? '';
  return [
    ...[...parts, ...tail].map((t) => ({ text: t })),
    {
      attachment: {
        type: 'template',
        payload: {
          template_type: 'button',
          text: `${question}\n\n${list}`,
          buttons: choices.map((c, i) => ({ type: 'postback', title: buttonTitle(i + 1, c.label), payload: c.id })),
        },
      },
    },
  ];
}

function buttonTitle(n: number, label: string): string {
  const title = `${n}. ${label}`;
  if ([...title].length <= BUTTON_TITLE_MAX) return title;
  const room = BUTTON_TITLE_MAX - 1;
  const chars = [...title];
  const head = chars.slice(0, room).join('');
  if (/\s/.test(chars[room] ?? '')) return `${head.trimEnd()}…`;
  // Cut at a word end when one is near, so the title doesn't end mid-word.
  const space = head.lastIndexOf(' ');
  return `${(space > room / 2 ? head.slice(0, space) : head).trimEnd()}…`;
}

/** Links as "label: url" lines; Messenger makes URLs tappable on its own. */
function withLinks(message: OutboundMessage): string {
  const links = message.links ?? [];
  if (links.length === 0) return message.text;
  return [message.text, links.map((l) => `${l.label}: ${l.url}`).join('\n')].join('\n\n');
}

/**
 * Splits under `max` counted both as code points and as UTF-16 units (the platform's way of
 * counting is not documented; an emoji is one of the first and two of the second).
 */
export function splitUnder(text: string, max: number): string[] {
  return splitText(text, max).flatMap((p) => {
    if (p.length <= max) return [p];
    const wide = p.length - [...p].length;
    return splitUnder(p, Math.max(1, max - wide));
  });
}
