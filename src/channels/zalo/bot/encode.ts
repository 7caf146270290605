// OutboundMessage → the texts of sendMessage calls. The Bot Platform has no buttons, so choices
// are always the numbered list (a typed digit or the label's words select, in the engine), links
// are written out, and anything longer than 2000 characters is split where a paragraph ends.
import type { OutboundMessage } from '../../../core/messages.ts';
import { asNumberedText, splitText } from '../../../core/render.ts';
import { zaloBotCapabilities } from './capabilities.ts';

export function withLinks(text: string, message: OutboundMessage): string {
  const links = message.links ?? [];
  if (links.length === 0) return text;
  return [text, links.map((l) => `${l.label}: ${l.url}`).join('\n')].join('\n\n');
}

export function encodeBotMessage(message: OutboundMessage): string[] {
  return splitText(withLinks(asNumberedText(message), message), zaloBotCapabilities.maxTextLength);
}
