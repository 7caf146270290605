// The one byte range an audio or video player asks for as it seeks (`Range: bytes=a-b`, RFC 9110
// §14): a player sends a single range, so several ranges in one header are answered with the whole
// body, which the RFC allows; a range that starts past the end cannot be satisfied.
export type ByteRange = { start: number; end: number };

/** `undefined`: no usable Range header (serve it all); `'unsatisfiable'`: answer 416. */
export function parseByteRange(header: string | undefined, size: number): ByteRange | 'unsatisfiable' | undefined {
  if (!header) return undefined;
  const m = /^\s*bytes\s*=\s*(\d*)\s*-\s*(\d*)\s*$/i.exec(header);
  if (!m) return undefined;
  const [, first = '', last = ''] = m;
  if (first === '' && last === '') return undefined;
  if (first === '') {
    // The last n bytes.
    const n = Number(last);
    if (n === 0) return 'unsatisfiable';
    return { start: Math.max(0, size - n), end: size - 1 };
  }
  const start = Number(first);
  if (start >= size) return 'unsatisfiable';
  const end = last === '' ? size - 1 : Math.min(Number(last), size - 1);
  if (end < start) return undefined;
  return { start, end };
}
