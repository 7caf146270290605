// Channel-neutral rendering helpers every adapter shares: the numbered-list fallback and
// splitting long text where a paragraph (or at worst a line, then a word) ends.
import type { ChannelCapabilities } from './channel.ts';
import type { OutboundMessage } from './messages.ts';

/** The text with its choices as "1. label" lines and the hint, for channels without buttons. */
export function asNumberedText(message: OutboundMessage): string {
  const choices = message.choices ?? [];
  if (choices.length === 0) return message.text;
  const list = choices.map((c, i) => `${i + 1}. ${c.label}`).join('\n');
  return [message.text, list, message.hint].filter(Boolean).join('\n\n');
}

/** Whether the choices can go out as native buttons on a channel with these capabilities. */
export function fitsButtons(message: OutboundMessage, caps: ChannelCapabilities): boolean {
  const choices = message.choices ?? [];
  return (
    choices.length > 0 &&
    choices.length <= caps.maxButtons &&
    choices.every((c) => [...c.label].length <= caps.maxButtonLabel)
  );
}

/** Splits text into parts of at most `max` characters, preferring paragraph, then line, then word ends. */
export function splitText(text: string, max: number): string[] {
  const parts: string[] = [];
  let rest = text.trim();
  while ([...rest].length > max) {
    const head = [...rest].slice(0, max).join('');
    const cut =
      lastBreak(head, '\n\n', max) ?? lastBreak(head, '\n', max) ?? lastBreak(head, ' ', max) ?? head.length;
    parts.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
  }
  if (rest.length > 0) parts.push(rest);
  return parts;
}

function lastBreak(head: string, sep: string, max: number): number | undefined {
  const at = head.lastIndexOf(sep);
  // A break in the first third would leave a tiny first part; cut harder instead.
  return at > max / 3 ? at : undefined;
}
