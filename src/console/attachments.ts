// What an officer may attach to a reply: a form to fill in, a photo of a notice. Four types only —
// the ones every platform carries and a worker's phone opens — recognised by their first bytes,
// not by the name or the type the browser claims, so nothing else travels under their names.
import { randomBytes } from 'node:crypto';

/** A file sent with a console form, as a page reads it. */
export interface Upload {
  filename: string;
  mimetype: string;
  bytes: Buffer;
}

export interface AttachmentType {
  mime: string;
  kind: 'image' | 'file';
  extension: string;
}

const PDF: AttachmentType = { mime: 'application/pdf', kind: 'file', extension: '.pdf' };
const JPEG: AttachmentType = { mime: 'image/jpeg', kind: 'image', extension: '.jpg' };
const PNG: AttachmentType = { mime: 'image/png', kind: 'image', extension: '.png' };
const DOCX: AttachmentType = { mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', kind: 'file', extension: '.docx' };

/** The type of these bytes among the four allowed, or undefined. */
export function sniffAttachment(bytes: Buffer): AttachmentType | undefined {
  if (bytes.subarray(0, 5).toString('latin1') === '%PDF-') return PDF;
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return JPEG;
  if (bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return PNG;
  // A .docx is a zip whose parts include word/document.xml; a zip's local headers name its parts.
  if (bytes.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04])) && bytes.includes('word/')) return DOCX;
  return undefined;
}

/** A file name safe to show and to hand to a platform: no path, no control characters, the type's extension. */
export function attachmentName(given: string | undefined, type: AttachmentType): string {
  const base = (given ?? '').split(/[\\/]/).pop()!.replace(/[\u0000-\u001f\u007f]/g, '').trim().slice(0, 120);
  const stem = base.replace(/\.[A-Za-z0-9]{1,5}$/, '') || 'file';
  return `${stem}${type.extension}`;
}

/** The vault id of an officer's attachment (the same shape as the ids of what workers send). */
export function attachmentId(): string {
  return randomBytes(12).toString('hex');
}
