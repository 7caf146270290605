// No answer leaves a worker without a number: wherever an article or a dialogue leaf tells the user
// to call, contact, tell or message someone, what the user reads in each offered country holds at
// least one number a phone can dial with a tap. Interface strings that name the 24/7 line carry it.
import { describe, expect, it } from 'vitest';
import { PROTECTION_LINE, hotlineNumber, loadContent, shortNumbers } from '../../src/core/content/index.ts';
import { createContentView } from '../../src/core/content-view.ts';
import { LOCALES } from '../../src/core/messages.ts';
import { createTranslate } from '../../src/i18n/index.ts';

const content = loadContent();
const protection = hotlineNumber(content.hotlineById.get(PROTECTION_LINE)!);
const translate = await createTranslate({ defaults: { protectionLine: protection } });
const view = createContentView(content, translate, { now: () => Date.parse('2026-12-01T12:00:00Z') });
const offered = content.countries.filter((c) => c.offered).map((c) => c.code);
const SHORT = new Set(shortNumbers(content));

/**
 * A line that sends the user to someone whose number content holds: a verb of contact (call,
 * contact, tell, message, report) and, on the same line, a mission, the police or a help line. The
 * sending company, the employer and the commune office at home are the worker's own contacts.
 */
const SENDS_TO_SOMEONE =
  /(?<!\p{L})(gọi|liên hệ|báo|nhắn|trình báo|call|contact|tell|message|report)(?!\p{L})[^\n]{0,60}(cơ quan đại diện|đại sứ quán|cảnh sát|tổng đài|đường dây|số khẩn cấp|cấp cứu|mission|embassy|police|hotline|emergency number)/iu;

/**
 * The numbers a phone makes tappable: what the web chat links (page.html's linkify) — a number of 7
 * or more digits, or one of the short hotline numbers standing alone.
 */
function tappable(text: string): string[] {
  const re = /(\+?\d[\d -]{5,}\d|(?<![\d./#])#?\d{3,4}(?![\d/]|[.,]\d))/g;
  return [...text.matchAll(re)].map((m) => m[1]!).filter((n) => n.length > 5 || SHORT.has(n));
}

const leaves = [...content.dialogues.values()].flatMap((d) =>
  Object.entries(d.nodes)
    .filter(([, n]) => n.answer)
    .map(([id, n]) => ({ name: `${d.id} → ${id}`, articles: n.answer! })),
);

describe('no answer without a number', () => {
  it('the test sees what it looks for', () => {
    expect(tappable('gọi 1955 (24/24)')).toEqual(['1955']);
    expect(tappable('Nghị định 112/2021/NĐ-CP, Điều 32; 1.000.000 đồng')).toEqual([]);
    expect(tappable('• Cảnh sát: 110\n• ĐSQ: +818035909136')).toEqual(['110', '+818035909136']);
    expect(SENDS_TO_SOMEONE.test('cứ báo cơ quan đại diện là bạn mất hộ chiếu')).toBe(true);
    expect(SENDS_TO_SOMEONE.test('Tell the nearest Vietnamese mission')).toBe(true);
    expect(SENDS_TO_SOMEONE.test('Liên hệ công ty dịch vụ để thanh lý')).toBe(false);
    expect(SENDS_TO_SOMEONE.test('Mức đóng (Quyết định 34/2025)')).toBe(false);
  });

  it('every article that sends the user to someone gives a number, in every offered country and language', () => {
    const missing: string[] = [];
    let checked = 0;
    for (const a of content.articles) {
      for (const locale of LOCALES) {
        for (const country of [...offered, undefined]) {
          const text = view.article(a.id, locale, country)!;
          if (!SENDS_TO_SOMEONE.test(text)) continue;
          checked++;
          if (tappable(text).length === 0) missing.push(`${a.id} (${country ?? 'no country'}, ${locale})`);
        }
      }
    }
    expect(missing, missing.join('\n')).toEqual([]);
    expect(checked).toBeGreaterThan(content.articles.length);
  });

  it('every dialogue leaf that sends the user to someone gives a number, in every offered country', () => {
    const missing: string[] = [];
    for (const leaf of leaves) {
      for (const locale of LOCALES) {
        for (const country of offered) {
          const text = leaf.articles.map((id) => view.article(id, locale, country)).join('\n\n');
          if (SENDS_TO_SOMEONE.test(text) && tappable(text).length === 0) missing.push(`${leaf.name} (${country}, ${locale})`);
        }
      }
    }
    expect(missing, missing.join('\n')).toEqual([]);
  });

  it('where a country has no verified mission number, the answer says so and gives the 24/7 line', () => {
    for (const country of ['SA', 'MY', 'RO']) {
      const text = view.article('unpaid-wages', 'vi', country)!;
      expect(text, country).toContain(`chưa có số đã xác minh ở nước này; gọi tổng đài 24/7 ${protection}`);
      expect(view.article('passport-lost', 'en', country), country).toContain(`no verified number in this country yet; call the 24/7 line ${protection}`);
    }
    // Korea: the Labour Management Board's line, not a gap.
    expect(view.article('passport-lost', 'vi', 'KR')).toContain('(+821032486886)');
  });

  it('the emergency reply of every offered country leads with a local number and the 24/7 line', () => {
    for (const country of offered) {
      const lead = view.urgent('vi', country);
      const numbers = tappable(lead);
      expect(numbers.length, country).toBeGreaterThanOrEqual(2);
      expect(numbers.at(-1), country).toBe(protection);
      // Short enough for one phone screen: a handful of lines.
      expect(lead.split('\n').length, country).toBeLessThanOrEqual(6);
    }
    expect(view.urgent('vi', 'TW')).toContain(': 1955');
    expect(view.urgent('vi', 'JP')).toContain('OTIT');
    expect(view.urgent('vi', 'KR')).toMatch(/1577-0071[\s\S]*1345/);
    // The mission of this user's city; and the ambulance first when the danger is to oneself.
    expect(view.urgent('vi', 'JP', 'fukuoka')).toContain('TLSQ Fukuoka – bảo hộ công dân: +818039846668');
    expect(view.urgent('vi', 'JP', 'fukuoka')).not.toContain('ĐSQ Tokyo');
    expect(view.urgent('vi', 'JP', undefined, ['self_harm']).split('\n')[0]).toBe('• Cứu thương / cứu hỏa: 119');
  });

  it('interface strings that name the citizen-protection line carry its number, from content', async () => {
    for (const locale of LOCALES) {
      for (const key of ['handoff.requested', 'errors.turnFailed', 'errors.slowDown', 'web.slowDown']) {
        expect(translate(locale, key), `${locale} ${key}`).toContain(protection);
      }
    }
    // The locale files themselves hold no number: it is filled in from hotlines.yaml.
    const bare = await createTranslate();
    expect(bare('vi', 'handoff.requested')).not.toContain(protection);
  });
});
