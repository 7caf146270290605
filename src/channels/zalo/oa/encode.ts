// OutboundMessage → the `message` objects of /v3.0/oa/message/cs calls. Up to five short choices
// go out as `oa.query.hide` buttons under the text [s] (their payload is the choice id, see
// decode.ts); more, or longer labels, fall back to the numbered list every channel understands.
// Text longer than one message is split; only the last part carries the buttons.
import type { OutboundMessage } from '../../../core/messages.ts';
import { asNumberedText, fitsButtons, splitText } from '../../../core/render.ts';
import { withLinks } from '../bot/encode.ts';
import { oaCapabilities, type OaRules } from './capabilities.ts';
import { CHOICE_PAYLOAD_PREFIX } from './decode.ts';

export interface OaButton {
  title: string;
  type: string;
  payload: string;
}

/**
 * An officer's file after its upload: an image by the `attachment_id` the image upload gave, in a
 * `media` template; a document by the `token` the file upload gave (Zalo's "Gửi tin Tư vấn đính
 * kèm hình ảnh" and "… đính kèm file" calls [s]).
 */
export type OaUploaded = { kind: 'image'; attachmentId: string } | { kind: 'file'; token: string };

export interface OaTextMessage {
  text: string;
  attachment?: { type: 'template'; payload: { buttons: OaButton[] } };
}

/** A file's message carries nothing else: no text [s]. */
export interface OaFileMessage {
  attachment:
    | { type: 'template'; payload: { template_type: 'media'; elements: { media_type: 'image'; attachment_id: string }[] } }
    | { type: 'file'; payload: { token: string } };
}

export type OaOutMessage = OaTextMessage | OaFileMessage;

export function encodeOaUploaded(u: OaUploaded): OaFileMessage {
  return u.kind === 'image'
    ? { attachment: { type: 'template', payload: { template_type: 'media', elements: [{ media_type: 'image', attachment_id: u.attachmentId }] } } }
    : { attachment: { type: 'file', payload: { token: u.token } } };
}

export function encodeOaMessage(message: OutboundMessage, rules: OaRules): OaTextMessage[] {
  const buttons = fitsButtons(message, oaCapabilities(rules));
  const text = withLinks(buttons ? message.text : asNumberedText(message), message);
  const parts: OaTextMessage[] = splitText(text, rules.maxTextLength).map((t) => ({ text: t }));
  if (buttons && parts.length > 0) {
    parts[parts.length - 1]!.attachment = {
      type: 'template',
      payload: {
        buttons: (message.choices ?? []).map((c) => ({ title: c.label, type: rules.buttonType, payload: `${CHOICE_PAYLOAD_PREFIX}${c.id}` })),
      },
    };
  }
  return parts;
}
