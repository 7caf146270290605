// How the knowledge base reads to the user: an answer with its source line, the "being verified"
// line where a fact is not confirmed, numbers as tappable digits with their own marks, and the
// nearest mission's lines first when the city is known.
import { describe, expect, it } from 'vitest';
import { hotlinesFor, loadContent } from '../../src/core/content/index.ts';
import { createContentView } from '../../src/core/content-view.ts';
import { createResponder } from '../../src/core/respond.ts';
import { createTranslate } from '../../src/i18n/index.ts';

const content = loadContent();
const translate = await createTranslate();
const at = (iso: string) => ({ now: () => Date.parse(`${iso}T12:00:00Z`) });
const view = createContentView(content, translate, at('2026-11-25'));

/** The numbers as written in a text: E.164 or local digits. */
const phonesIn = (text: string) => [...text.matchAll(/\+\d[\d .-]*\d/g)].map((m) => m[0]);

describe('an article', () => {
  it('leads with the answer and ends with its source and review date, in the user’s language', () => {
    const vi = view.article('unilateral-termination', 'vi')!;
    expect(vi.startsWith('Nếu bị ngược đãi')).toBe(true);
    expect(vi.split('\n').at(-1)).toBe('📖 Nguồn: Luật 69/2020/QH14, Điều 6 khoản 1 điểm đ; Nghị định 112/2021/NĐ-CP, Điều 32; Quyết định 34/2025/QĐ-TTg · cập nhật 25/11/2026');
    const en = view.article('unilateral-termination', 'en')!;
    expect(en.split('\n').at(-1)).toBe('📖 Source: Law 69/2020/QH14, Art. 6(1)(đ); Decree 112/2021/NĐ-CP, Art. 32; Decision 34/2025/QĐ-TTg · reviewed 25/11/2026');
    expect(vi).not.toContain('đang được xác minh');
  });

  it('says when it rests on a fact being verified, and points to staff', () => {
    for (const id of ['fund-death-missing', 'fee-refund-early-return', 'after-return-reporting', 'fund-deadline']) {
      const vi = view.article(id, 'vi')!;
      expect(vi.split('\n').at(-1), id).toBe('⚠️ Thông tin này đang được xác minh — hãy hỏi cán bộ để chắc chắn.');
      expect(vi, id).toContain('📖 Nguồn:');
      expect(view.article(id, 'en')!.split('\n').at(-1), id).toBe('⚠️ This information is being verified — please check with staff to be sure.');
    }
  });

  it('writes numbers from hotlines.yaml in place of their references, as tappable digits', () => {
    const text = view.article('unilateral-termination', 'vi')!;
    expect(text).not.toContain('{{');
    expect(text).toContain('bảo hộ công dân +84981848484 (24/7)');
    expect(phonesIn(text)).toEqual(['+84981848484']);
    expect(view.article('passport-lost', 'en')).toContain('(cls.mfa@mofa.gov.vn)');
  });

  it('adds the lines for the user’s country, and only theirs', () => {
    expect(view.article('unpaid-wages', 'vi', 'TW')).toContain('Đài Loan: gọi 1955 (24/24');
    expect(view.article('unpaid-wages', 'en', 'JP')).toContain('call 0120-811-610; trainees can call OTIT 0120-250-168');
    expect(view.article('unpaid-wages', 'en', 'KR')).toContain('labour ministry 1350');
    const ro = view.article('unpaid-wages', 'vi', 'RO')!;
    expect(ro).not.toMatch(/1955|1350|0120/);
    expect(view.article('unpaid-wages', 'vi')).toBe(ro);
  });

  it('marks an unverified number inside an answer', () => {
    const sa = view.article('safety-domestic-worker', 'vi', 'SA')!;
    expect(sa).toContain('khẩn cấp 911 (chưa xác minh)');
    const ae = view.article('safety-domestic-worker', 'en', 'AE')!;
    expect(ae).toContain('embassy +971501299789, WhatsApp +971569983688 · vnemb1@emirates.net.ae');
    expect(ae).toContain('police 999 (not verified)');
  });

  it('is undefined for an id that does not exist', () => {
    expect(view.article('no-such-article', 'vi')).toBeUndefined();
  });
});

describe('hotlines', () => {
  it('lists emergency numbers first, then the mission, the labour lines, and the lines from anywhere', () => {
    const text = view.hotlines('vi', 'all', 'TW');
    const order = ['Khẩn cấp:', 'Cơ quan đại diện Việt Nam:', 'Hỗ trợ người lao động:', 'Gọi được từ mọi nơi:'].map((h) => text.indexOf(h));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it('an emergency shows no labour lines', () => {
    const text = view.hotlines('en', 'emergency', 'KR');
    expect(text).toContain('Police: 112');
    expect(text).not.toContain('1350');
    expect(text).toContain('MOFA citizen protection hotline (24/7): +84981848484');
  });

  it('shows E.164 numbers whole, without spaces, so a tap dials them', () => {
    const text = view.hotlines('en', 'all', 'JP');
    const phones = phonesIn(text);
    expect(phones.length).toBeGreaterThanOrEqual(6);
    for (const p of phones) expect(p).toMatch(/^\+\d{7,15}$/);
    expect(text).toContain('OTIT – trainees and specified skilled workers (Vietnamese, free): 0120-250-168 (weekdays 9–12 and 13–17)');
  });

  it('marks a number whose source is more than a year old', () => {
    const vi = view.hotlines('vi', 'all', 'TW');
    expect(vi).toContain('VPKT-VH Việt Nam tại Đài Bắc – bảo hộ công dân: +886988579362 (nguồn 2019 — hãy hỏi lại cơ quan đại diện)');
    expect(view.hotlines('en', 'all', 'TW')).toContain('VECO Taipei – citizen protection: +886988579362 (source from 2019 — check with the mission)');
    // A year after its source the same number was still fresh.
    const then = createContentView(content, translate, at('2019-06-01'));
    expect(then.hotlines('en', 'all', 'TW')).toContain('VECO Taipei – citizen protection: +886988579362\n');
  });

  it('marks a number not checked against its source', () => {
    expect(view.hotlines('vi', 'emergency', 'TW')).toContain('Cảnh sát: 110 (chưa xác minh)');
    expect(view.hotlines('en', 'emergency', 'SA')).toContain('Police / emergencies: 911 (not verified)');
  });

  it('says so when a country has no verified mission line, and still gives the 24/7 line', () => {
    const text = view.hotlines('vi', 'all', 'RO');
    expect(text).toContain('Chưa có số đã xác minh cho nước này; cán bộ sẽ xác nhận.');
    expect(text).toContain('+84981848484');
  });

  it('puts the mission of the user’s city first where a country has several', () => {
    const firstMissionLine = (text: string) => text.split('Cơ quan đại diện Việt Nam:\n')[1]!.split('\n')[0];
    expect(firstMissionLine(view.hotlines('vi', 'all', 'JP'))).toContain('ĐSQ Tokyo');
    expect(firstMissionLine(view.hotlines('vi', 'all', 'JP', 'osaka'))).toBe('• TLSQ Osaka – bảo hộ công dân: +819047696789');
    const fukuoka = view.hotlines('vi', 'emergency', 'JP', 'fukuoka');
    expect(firstMissionLine(fukuoka)).toBe('• TLSQ Fukuoka – bảo hộ công dân: +818039846668');
    // The others are still there, after it.
    expect(fukuoka).toContain('ĐSQ Tokyo – bảo hộ công dân: +818035909136');
    expect(fukuoka.indexOf('Fukuoka – cuối tuần')).toBeLessThan(fukuoka.indexOf('ĐSQ Tokyo'));
    // A city the country has only one mission for changes nothing.
    expect(view.hotlines('vi', 'all', 'TW', 'kaohsiung')).toBe(view.hotlines('vi', 'all', 'TW'));
  });

  it('hotlinesFor orders by the mission that covers the city', () => {
    expect(hotlinesFor(content, 'JP', 'osaka').mission.map((h) => h.mission).slice(0, 1)).toEqual(['jp-osaka']);
    expect(hotlinesFor(content, 'JP', 'tokyo').mission.map((h) => h.mission).slice(0, 3)).toEqual(['jp-tokyo', 'jp-tokyo', 'jp-tokyo']);
    expect(hotlinesFor(content, 'JP').mission).toEqual(content.hotlines.countries['JP']!.mission);
    expect(hotlinesFor(content, undefined, 'osaka')).toMatchObject({ emergency: [], mission: [], labour: [] });
  });

  it('the responder passes the user’s city, for their own country only', () => {
    const render = createResponder({ translate, content: view });
    const effect = { type: 'hotlines' as const, scope: 'all' as const, country: 'JP' };
    const inOsaka = render([effect], 'vi', undefined, { country: 'JP', city: 'osaka' }).messages[0]!.text;
    expect(inOsaka.indexOf('TLSQ Osaka')).toBeLessThan(inOsaka.indexOf('ĐSQ Tokyo'));
    // A city elsewhere says nothing about Japan.
    const elsewhere = render([effect], 'vi', undefined, { country: 'TW', city: 'taipei' }).messages[0]!.text;
    expect(elsewhere.indexOf('ĐSQ Tokyo')).toBeLessThan(elsewhere.indexOf('TLSQ Osaka'));
  });
});
