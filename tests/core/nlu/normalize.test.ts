// How chat text becomes the words the NLU reads, and which language it is in.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze, detectLanguage, foldDiacritics, normalize } from '../../../src/core/nlu/index.ts';

describe('normalize', () => {
  it.each([
    // Unicode, case, marks, đ, punctuation, spaces.
    ['Thủ tục THANH LÝ hợp đồng?!', 'thu tuc thanh ly hop dong'],
    ['Đài Loan', 'dai loan'],
    ['thu\u0309 tu\u0323c', 'thu tuc'], // decomposed marks (NFD input)
    ['  số   điện...thoại  ', 'so dien thoai'],
    ['hợp đồng/visa-hộ chiếu', 'hop dong visa ho chieu'],
    // Letters repeated for emphasis; a doubled letter that is a word stays.
    ['cứuuuuu', 'cuu'],
    ['cuuuu toiiii', 'cuu toi'],
    ['emmm', 'em'],
    ['helppp', 'help'],
    ['hellooo', 'hello'],
    // Laughter is dropped.
    ['kkk ok', 'ok'],
    ['hahaha chao ad', 'chao admin'],
    // Chat abbreviations and teencode (Vietnamese).
    ['ko', 'khong'],
    ['e hok bik', 'em khong biet'],
    ['có đc ko', 'co duoc khong'],
    ['dc k ad', 'duoc khong admin'],
    ['khg', 'khong'],
    ['sdt dsq', 'so dien thoai dai su quan'],
    ['sđt đsq', 'so dien thoai dai su quan'],
    ['xkld tts', 'xuat khau lao dong thuc tap sinh'],
    ['j z', 'gi vay'],
    ['r', 'roi'],
    ['lam ntn', 'lam nhu the nao'],
    ['bn tien', 'bao nhieu tien'],
    ['cty', 'cong ty'],
    ['hc', 'ho chieu'],
    ['fai ve', 'phai ve'],
    ['jup e vs', 'giup em voi'],
    // Neighbours decide: "hd" is a contract after "thanh ly", guidance before "em".
    ['thanh ly hd', 'thanh ly hop dong'],
    ['hđ lao động', 'hop dong lao dong'],
    ['hd em voi', 'huong dan em voi'],
    ['dk ve nuoc', 'dang ky ve nuoc'],
    ['co dk ko', 'co duoc khong'],
    ['ve nc', 've nuoc'],
    ['nc voi can bo', 'noi chuyen voi can bo'],
    ['chao bn', 'chao ban'],
    ['a oi', 'anh oi'],
    ['o a rap', 'o a rap'],
    ['co duoc hong', 'co duoc khong'],
    ['hong ho chieu', 'hong ho chieu'],
    // Southern and Central speech as typed.
    ['ổng hổng cho tui dìa', 'ong khong cho toi ve'],
    ['hông biết', 'khong biet'],
    ['hong cho ve', 'khong cho ve'],
    ['lỗ hổng', 'lo hong'],
    ['sao dzậy', 'sao vay'],
    ['mần răng', 'lam sao'],
    ['răng hắn không trả lương', 'sao han khong tra luong'],
    ['đi mô', 'di dau'],
    ['quy mô', 'quy mo'],
    ['đá vô bụng', 'da vao bung'],
    ['vô lý', 'vo ly'],
    ['bả uýnh em', 'ba danh em'],
    ['túi xách', 'tui xach'],
    ['e chào ac', 'em chao anh chi'],
    ['bị boss lock', 'bi sep khoa'],
    ['thks ad', 'cam on admin'],
    // Gen-Z spellings; host-country words as the Vietnamese they stand for.
    ['e bj lừa', 'em bi lua'],
    ['ko mún về', 'khong muon ve'],
    ['shachou đánh', 'sep danh'],
    ['kumiai bảo về', 'nghiep doan bao ve'],
    ['chuyển hoesa', 'chuyen cong ty'],
    ['polis bắt', 'canh sat bat'],
    ['mất pasport', 'mat passport'],
    // Two words typed without a space, when they make a phrase the NLU knows.
    ['thanhly hopdong', 'thanh ly hop dong'],
    ['dangky venuoc', 'dang ky ve nuoc'],
    ['malai', 'malai'],
  ])('%s → %s', (text, expected) => {
    expect(normalize(text)).toBe(expected);
  });

  it.each([
    // Short tokens are English words in English sentences, not Vietnamese chat.
    ['I am in a hurry', 'i am in a hurry'],
    ['end my contract early', 'end my contract early'],
    ['can u help me', 'can you help me'],
    ["I can't go home, r u there", 'i can not go home are you there'],
    ['my boss took my passport', 'my boss took my passport'],
    ['k thanks', 'ok thanks'],
    ['my kafeel took my phone', 'my employer took my phone'],
    ['the polis caught me', 'the police caught me'],
  ])('English: %s → %s', (text, expected) => {
    expect(normalize(text)).toBe(expected);
  });

  it.each([
    // The same tokens in Vietnamese chat.
    ['a oi cho e hoi', 'anh oi cho em hoi'],
    ['t bi danh', 'toi bi danh'],
    ['b oi', 'ban oi'],
    ['c oi m hoi', 'chi oi minh hoi'],
  ])('Vietnamese: %s → %s', (text, expected) => {
    expect(normalize(text)).toBe(expected);
  });

  it('keeps clause boundaries and what was typed', () => {
    const a = analyze('Em bị đánh. Cứu em!');
    expect(a.tokens.map((t) => [t.f, t.c])).toEqual([
      ['em', 0],
      ['bi', 0],
      ['danh', 0],
      ['cuu', 1],
      ['em', 1],
    ]);
    expect(a.tokens[2]).toMatchObject({ r: 'đánh' });
    expect(a.tokens[2]!.s).toBeDefined();
    // Spelled-out abbreviations have no typed form: they match with or without marks.
    expect(analyze('ko').tokens[0]).toMatchObject({ f: 'khong', r: '' });
  });

  it('is total and stable on any input', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (s) => {
        const n = normalize(s);
        expect(n).toBe(n.trim());
        expect(n).not.toMatch(/[A-ZĐ]|\s\s/);
        expect(foldDiacritics(n)).toBe(n);
      }),
      { numRuns: 300 },
    );
  });

  // Not a property: expansions read their neighbours and the language, so a random string can
  // normalise differently a second time ("uhh l" → "u l" → "you l"). Real messages settle at once.
  it.each(['cho e hoi thu tuc thanh ly hd', 'AAh', 'dc k ah', 'so dt dsq o han', 'toi bi chu danh', 'how do I get my deposit back', 'mat hc r lam sao ve vn'])(
    'normalises %s to a fixed point',
    (text) => {
      const n = normalize(text);
      expect(normalize(n)).toBe(n);
    },
  );
});

describe('detectLanguage', () => {
  it.each([
    ['thủ tục thanh lý hợp đồng', 'vi'],
    ['thu tuc thanh ly hop dong', 'vi'],
    ['so dien thoai dai su quan o han', 'vi'],
    ['bi chu danh', 'vi'],
    ['cuu toi', 'vi'],
    ['hi ad', 'vi'],
    ['e ko bik', 'vi'],
    ['mat passport o han quoc roi', 'vi'],
    ['thanhly hopdong', 'vi'],
    ['ok', 'vi'],
    ['sos', 'vi'],
    ['hotline', 'vi'],
    ['help', 'en'],
    ['end my contract early', 'en'],
    ['I want to go home', 'en'],
    ['can I get my deposit back', 'en'],
    ['good morning', 'en'],
    ['embassy phone number', 'en'],
    ['recommend a restaurant', 'en'],
    ['I am in danger', 'en'],
    ['lost passport need to return', 'en'],
  ])('%s → %s', (text, lang) => {
    expect(detectLanguage(text)).toBe(lang);
  });
});

describe('a sentence typed without spaces', () => {
  it.each([
    ['toibichudanhchaymau', 'toi bi chu danh chay mau'],
    ['Cứuconvớimẹơi', 'cuu con voi me oi'],
    ['ai giup em voi emdangbithuongnang', 'ai giup em voi em dang bi thuong nang'],
  ])('%s → %s', (text, expected) => {
    expect(normalize(text)).toBe(expected);
    expect(detectLanguage(text)).toBe('vi');
  });

  it('leaves names and English words whole inside a sentence', () => {
    expect(normalize('em bị cảnh sát Malaysia bắt ở Ikebukuro')).toContain('malaysia bat o ikebukuro');
    expect(normalize('my friend fell from the scaffolding')).toContain('scaffolding');
  });
});

describe('laughter', () => {
  it('marks the clause it is in, and the clause before when it stands alone', () => {
    const marked = (text: string) => analyze(text).tokens.filter((t) => t.j).map((t) => t.f).join(' ');
    expect(marked('sếp dọa giết em =))) mà thôi')).toBe('sep doa giet em ma thoi');
    expect(marked('tăng ca muốn chết 😂. Cho em hỏi quỹ')).toBe('tang ca muon chet');
    expect(marked('bị nhốt ở nhà vì bão, hahaha')).toBe('bi nhot o nha vi bao');
    expect(marked('chủ đánh em huhu')).toBe('');
    expect(marked('chủ đánh em :(( cứu em')).toBe('');
  });
});
