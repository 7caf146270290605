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
    // The source's own year and the day it was checked, as two things.
    expect(vi.split('\n').at(-1)).toBe('📖 Nguồn: Luật 69/2020/QH14, Điều 6 khoản 1 điểm đ; Nghị định 112/2021/NĐ-CP, Điều 32; Quyết định 34/2025/QĐ-TTg (2025) · đã kiểm tra 01/12/2026');
    const en = view.article('unilateral-termination', 'en')!;
    expect(en.split('\n').at(-1)).toBe('📖 Source: Law 69/2020/QH14, Art. 6(1)(đ); Decree 112/2021/NĐ-CP, Art. 32; Decision 34/2025/QĐ-TTg (2025) · checked 01/12/2026');
    expect(view.article('passport-lost', 'vi')!.split('\n').at(-1)).toBe('📖 Nguồn: Cục Lãnh sự – Bộ Ngoại giao (nguồn thứ cấp, 2018) (2018) · đã kiểm tra 01/12/2026');
    expect(view.article('undocumented-help', 'en')!.split('\n').at(-1)).toContain('(undated) · checked 01/12/2026');
    expect(vi).not.toContain('đang được xác minh');
  });

  it('says when it rests on a fact being verified, and points to staff', () => {
    for (const id of ['fund-death-missing', 'fund-legal-costs', 'fund-deadline']) {
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
    expect(view.article('unpaid-wages', 'en', 'JP')).toContain('0120-811-610 (Japanese) or 0120-558-815 (not verified) (Vietnamese too); trainees: OTIT 0120-250-168. The trainee system changes on 1 April 2027.');
    expect(view.article('unpaid-wages', 'en', 'KR')).toContain('labour ministry 1350');
    const ro = view.article('unpaid-wages', 'vi', 'RO')!;
    expect(ro).not.toMatch(/1955|1350|0120/);
    // No mission number there yet: it says so, and gives the 24/7 line instead of pointing at nothing.
    expect(ro).toContain('báo cơ quan đại diện Việt Nam (chưa có số đã xác minh ở nước này; gọi tổng đài 24/7 +84981848484).');
    expect(view.article('unpaid-wages', 'vi', 'AE')).toContain('báo cơ quan đại diện Việt Nam (+971501299789).');
    expect(view.article('unpaid-wages', 'en')).toContain('tell the Vietnamese mission (24/7 line: +84981848484).');
  });

  it('marks an unverified number inside an answer', () => {
    const sa = view.article('safety-domestic-worker', 'vi', 'SA')!;
    expect(sa).toContain('khẩn cấp 911 (Riyadh, Makkah, Madinah, miền Đông), cảnh sát nơi khác 999');
    expect(sa).not.toContain('chưa xác minh)');
    expect(view.article('unpaid-wages', 'en', 'JP')).toContain('0120-558-815 (not verified)');
    const ae = view.article('safety-domestic-worker', 'en', 'AE')!;
    expect(ae).toContain('embassy +971501299789, WhatsApp +971569983688 · vnemb1@emirates.net.ae');
    expect(ae).toContain('police 999;');
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

  it('asked for the line for a need, gives the country’s lines for it first, once', () => {
    const kr = view.hotlines('vi', 'all', 'KR', undefined, ['wages']);
    expect(kr.startsWith('Cho việc bạn hỏi:\n• Bộ Lao động Hàn Quốc – lương, sa thải: 1350')).toBe(true);
    expect(kr.split('1350').length).toBe(2);
    expect(kr).toContain('Khẩn cấp:');
    const jp = view.hotlines('en', 'all', 'JP', undefined, ['dispute']);
    expect(jp.startsWith('For what you asked:\n• Houterasu – legal aid: 0570-078377')).toBe(true);
    // A need no line of the country is for, or none, leaves the list as it was.
    expect(view.hotlines('vi', 'all', 'MY', undefined, ['wages'])).toBe(view.hotlines('vi', 'all', 'MY'));
    expect(view.hotlines('vi', 'all', 'KR')).not.toContain('Cho việc bạn hỏi');
    expect(view.hotlines('vi', 'emergency', 'KR', undefined, ['wages'])).not.toContain('1350');
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
    // OTIT's hours are not told as fact: the sources disagree.
    expect(text).toContain('OTIT – trainees and specified skilled workers (Vietnamese, free): 0120-250-168 (sources disagree on its hours — ask when you call; source undated)');
  });

  it('marks a number whose source is more than a year old', () => {
    const vi = view.hotlines('vi', 'all', 'TW');
    expect(vi).toContain('VPKT-VH Việt Nam tại Đài Bắc – bảo hộ công dân: +886988579362 (nguồn 2019, có thể đã đổi)');
    expect(view.hotlines('en', 'all', 'TW')).toContain('VECO Taipei – citizen protection: +886988579362 (source from 2019, may have changed)');
    // A year after its source the same number was still fresh, and still said where it came from.
    const then = createContentView(content, translate, at('2019-06-01'));
    expect(then.hotlines('en', 'all', 'TW')).toContain('VECO Taipei – citizen protection: +886988579362 (source from 2019)\n');
    // The 24/7 line was re-confirmed in December 2025: not shown as stale, and never sent back to the mission it stands in for.
    expect(vi).toContain('Tổng đài bảo hộ công dân – Bộ Ngoại giao (24/7): +84981848484 (nguồn 2025)\n');
    expect(vi).toContain('+84965411118 · baohocongdan@gmail.com (nguồn 2025)');
    // Every number says its source's year, or that it has none.
    for (const line of view.hotlines('vi', 'all', 'JP').split('\n').filter((l) => l.startsWith('• ') && !/Cảnh sát|Cứu thương/.test(l))) expect(line).toMatch(/nguồn (\d{4}|không ghi ngày)/);
  });

  it('marks a number not checked against its source', () => {
    expect(view.hotlines('vi', 'emergency', 'TW')).toContain('Cứu thương / cứu hỏa: 119 (chưa xác minh)');
    expect(view.hotlines('vi', 'all', 'JP')).toContain('0120-558-815 (T2–T6 17–22h, T7–CN 9–21h; chưa xác minh; nguồn 2019)');
    // What the audit confirmed carries no doubt in an emergency.
    expect(view.hotlines('vi', 'emergency', 'TW')).toContain('• Cảnh sát: 110\n');
    expect(view.hotlines('en', 'emergency', 'SA')).toContain('Emergencies (Riyadh, Makkah, Madinah, Eastern Province): 911\n• Police (elsewhere): 999');
  });

  it('says so when a country has no verified mission line, and still gives the 24/7 line', () => {
    const text = view.hotlines('vi', 'all', 'RO');
    expect(text).toContain('Chưa có số đã xác minh của cơ quan đại diện ở nước này; hãy gọi tổng đài 24/7 ở trên, cán bộ sẽ xác nhận.');
    // Malaysia's embassy line is only from 2020 and unconfirmed: shown as such, and the line above still says none is verified.
    const my = view.hotlines('vi', 'all', 'MY');
    expect(my).toContain('+60321484534 · vnemb.my@mofa.gov.vn (chưa xác minh; nguồn 2020)');
    expect(my).toContain('Chưa có số đã xác minh của cơ quan đại diện ở nước này');
    expect(text).toContain('+84981848484');
  });

  it('puts the mission of the user’s city first where a country has several', () => {
    const firstMissionLine = (text: string) => text.split('Cơ quan đại diện Việt Nam:\n')[1]!.split('\n')[0];
    expect(firstMissionLine(view.hotlines('vi', 'all', 'JP'))).toContain('ĐSQ Tokyo');
    expect(firstMissionLine(view.hotlines('vi', 'all', 'JP', 'osaka'))).toBe('• TLSQ Osaka – bảo hộ công dân: +819047696789 (nguồn không ghi ngày)');
    const fukuoka = view.hotlines('vi', 'emergency', 'JP', 'fukuoka');
    expect(firstMissionLine(fukuoka)).toBe('• TLSQ Fukuoka – bảo hộ công dân: +818039846668 (nguồn không ghi ngày)');
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
