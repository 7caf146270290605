// A multipart/form-data body as the platforms' stand-ins read it: lenient like the platforms are
// (grammY writes `name=x;filename=y` with no quotes or spaces, which a browser-grade parser refuses).
export interface Part {
  name: string;
  filename?: string;
  type?: string;
  bytes: Buffer;
}

export function parseMultipart(raw: Buffer, contentType: string): Part[] {
  const boundary = /boundary=("?)([^";]+)\1/i.exec(contentType)?.[2];
  if (!boundary) throw new Error('multipart body without a boundary');
  const delimiter = Buffer.from(`--${boundary}`);
  const parts: Part[] = [];
  let at = raw.indexOf(delimiter);
  while (at >= 0) {
    const start = at + delimiter.length;
    if (raw.subarray(start, start + 2).toString() === '--') break;
    const next = raw.indexOf(delimiter, start);
    if (next < 0) break;
    const chunk = raw.subarray(start + 2, next - 2); // after CRLF, before the CRLF that ends the part
    const split = chunk.indexOf('\r\n\r\n');
    const head = chunk.subarray(0, split).toString('utf8');
    const bytes = Buffer.from(chunk.subarray(split + 4));
    const disposition = /content-disposition:\s*form-data;(.*)/i.exec(head)?.[1] ?? '';
    const param = (k: string) => new RegExp(`(?:^|;)\\s*${k}=(?:"([^"]*)"|([^;\\r\\n]*))`, 'i').exec(disposition);
    const name = param('name');
    const filename = param('filename');
    const type = /content-type:\s*([^\r\n]+)/i.exec(head)?.[1]?.trim();
    parts.push({ name: (name?.[1] ?? name?.[2] ?? '').trim(), ...(filename ? { filename: (filename[1] ?? filename[2] ?? '').trim() } : {}), ...(type ? { type } : {}), bytes });
    at = next;
  }
  return parts;
}
