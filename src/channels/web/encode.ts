// OutboundMessage → what the web page draws. Buttons when they fit, else the numbered text every
// other channel falls back to.
import type { OutboundMessage } from '../../core/messages.ts';
import { asNumberedText, fitsButtons } from '../../core/render.ts';
import { webCapabilities } from './capabilities.ts';

export interface WebMessage {
  text: string;
  choices: { id: string; label: string }[];
  from: 'bot' | 'agent';
  priority: OutboundMessage['priority'];
  /** An officer's file, as a link the page offers for download (see adapter.ts). */
  file?: { name: string; mime: string; size: number; url: string };
}

export function encodeWebMessage(message: OutboundMessage): WebMessage {
  const buttons = fitsButtons(message, webCapabilities);
  return {
    text: buttons ? message.text : asNumberedText(message),
    choices: buttons ? (message.choices ?? []) : [],
    from: message.from,
    priority: message.priority,
  };
}
