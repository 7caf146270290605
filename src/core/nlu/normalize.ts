// Text as people type it in chat → one canonical form the rest of the NLU matches against:
// NFC, lower case, Vietnamese diacritics folded (đ → d), punctuation dropped, letters repeated for
// emphasis squeezed ("cuuuu" → "cuu"), and common chat abbreviations spelled out ("ko" → "khong").
const ABBREVIATIONS: Record<string, string> = {
  ko: 'khong', k: 'khong', kh: 'khong', hok: 'khong', hong: 'khong', khg: 'khong', kg: 'khong', hem: 'khong',
  dc: 'duoc', dk: 'duoc', đc: 'duoc', duoc: 'duoc',
  e: 'em', a: 'anh', c: 'chi', t: 'toi', m: 'minh', mk: 'minh', b: 'ban',
  sdt: 'so dien thoai', sđt: 'so dien thoai', dt: 'dien thoai', đt: 'dien thoai',
  dsq: 'dai su quan', đsq: 'dai su quan', lsq: 'lanh su quan', tlsq: 'tong lanh su quan',
  xkld: 'xuat khau lao dong', xklđ: 'xuat khau lao dong', tts: 'thuc tap sinh', nld: 'nguoi lao dong', nlđ: 'nguoi lao dong',
  hd: 'hop dong', hđ: 'hop dong', hdld: 'hop dong lao dong', hđlđ: 'hop dong lao dong',
  vn: 'viet nam', vs: 'voi', j: 'gi', z: 'vay', r: 'roi', ntn: 'nhu the nao', bn: 'bao nhieu', bnhieu: 'bao nhieu',
  cty: 'cong ty', ct: 'cong ty', lm: 'lam', ng: 'nguoi', nc: 'nuoc', nuoc: 'nuoc', hc: 'ho chieu', hchieu: 'ho chieu',
  cs: 'canh sat', pls: 'please', plz: 'please', ad: 'admin', tks: 'cam on', thanks: 'cam on',
  ql: 'quan ly', qđ: 'quyet dinh', qd: 'quyet dinh', dky: 'dang ky', đky: 'dang ky', dki: 'dang ky', đki: 'dang ky',
};

/** Folds Vietnamese (and other Latin) diacritics: "Đài Loan" → "dai loan". */
export function foldDiacritics(s: string): string {
  return s.normalize('NFD').replace(/\p{M}+/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');
}

export function normalize(text: string): string {
  const lower = text.normalize('NFC').toLowerCase();
  const words = lower
    .replace(/[^\p{L}\p{N}\s]+/gu, ' ')
    .split(/\s+/)
    .filter(Boolean)
    .flatMap((w) => (ABBREVIATIONS[w] ?? squeeze(foldDiacritics(w))).split(' '))
    .map((w) => ABBREVIATIONS[w] ?? w);
  return words.join(' ');
}

/** Three or more of the same letter are emphasis: "cuuuuu" → "cuu", "nhaaaa" → "nha". */
function squeeze(w: string): string {
  return w.replace(/(\p{L})\1{2,}/gu, '$1');
}
