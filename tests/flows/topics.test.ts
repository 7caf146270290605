// The topic dialogues through the real engine (content, locales, flows, NLU, memory store): every
// branch of every tree, in Vietnamese and English, choosing by button, by digit and by typing the
// label without diacritics; each ends in an answer that carries the right facts and its source.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sourceText, type Content, type DialogueFile } from '../../src/core/content/index.ts';
import type { Locale, OutboundMessage } from '../../src/core/messages.ts';
import { MemoryStore } from '../../src/store/memory.ts';
import { choice, start, testEngine, text, type TestEngine } from '../helpers/engine.ts';
import { ManualClock, TOKYO_WED_10AM } from '../handoff/fixtures.ts';

let engine: TestEngine;
let content: Content;
let users = 0;

beforeAll(async () => {
  // Inside the missions' office hours: a leaf that calls a person gets no "staff answer from …" notice.
  const clock = new ManualClock(TOKYO_WED_10AM);
  engine = await testEngine(new MemoryStore(clock), { clock });
  content = engine.content;
});
afterAll(async () => {
  await engine.close();
});

/** "Chủ phá sản/đóng cửa" → "chu pha san/dong cua": how people type without a Vietnamese keyboard. */
const plain = (s: string) => s.normalize('NFD').replace(/\p{M}+/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();

type Mode = 'button' | 'digit' | 'label';

/** One user, already past onboarding (language and country known), talking to the engine. */
async function user(locale: Locale, country: string, city?: string) {
  const id = `u${++users}`;
  await engine.conversations.preset({ channel: 'test', account: 'a', user: id }, { locale, country, ...(city ? { city } : {}) });
  let last: OutboundMessage[] = [];
  const pending = () => last.at(-1)?.choices ?? [];
  return {
    id,
    get last() {
      return last;
    },
    /** All the text of the last turn's replies. */
    get text() {
      return last.map((m) => m.text).join('\n\n');
    },
    get choices() {
      return pending();
    },
    async say(t: string) {
      last = await engine.say(id, text(t));
      return last;
    },
    async tap(choiceId: string) {
      last = await engine.say(id, choice(choiceId));
      return last;
    },
    /** Picks the shown choice with this id, the way the mode says. */
    async pick(choiceId: string, mode: Mode) {
      const shown = pending();
      const index = shown.findIndex((c) => c.id === choiceId);
      expect(index, `"${choiceId}" among ${shown.map((c) => c.id).join(', ')}`).toBeGreaterThanOrEqual(0);
      if (mode === 'button') return this.tap(choiceId);
      if (mode === 'digit') return this.say(String(index + 1));
      return this.say(plain(shown[index]!.label));
    },
  };
}

/** Every path from a tree's start to a leaf: the option ids chosen, in order. */
function pathsOf(tree: DialogueFile): { leaf: string; options: string[] }[] {
  const out: { leaf: string; options: string[] }[] = [];
  const walk = (node: string, options: string[]) => {
    const n = tree.nodes[node]!;
    if (n.answer) out.push({ leaf: node, options });
    for (const o of n.options ?? []) walk(o.next, [...options, o.id]);
  };
  walk(tree.start, []);
  return out;
}

/**
 * What each leaf must tell the user, written from the fact sheet rather than copied from the
 * articles: if an article loses a fact or a figure drifts, the conversation test says so.
 */
const FACTS: Record<string, Record<string, Record<Locale, string[]>>> = {
  contract_liquidation: {
    'at-term': { vi: ['trong vòng 180 ngày', 'hoàn lại tiền ký quỹ', 'Nghị định 112/2021/NĐ-CP, Điều 31–32'], en: ['within 180 days', 'deposit back', 'Decree 112/2021/NĐ-CP, Art. 31–32'] },
    'employer-closed': { vi: ['văn bản xác nhận chủ đã chấm dứt việc làm', '7–20 triệu đồng', '180 ngày', 'thu tiền môi giới', 'kèm tiền lãi'], en: ['letter confirming the employer ended the job', '7–20 million VND', '180 days', 'charge you brokerage money', 'with interest'] },
    mistreated: { vi: ['đơn phương chấm dứt hợp đồng', '+84981848484', 'Không có bằng chứng vẫn được giúp', '7–20 triệu đồng'], en: ['end the contract yourself', '+84981848484', 'even without evidence', '7–20 million VND'] },
    harassed: { vi: ['không cần bằng chứng', 'đơn phương chấm dứt hợp đồng', '+84981848484', '7–20 triệu đồng', 'quấy rối tình dục'], en: ['do not need proof', 'end your contract yourself', '+84981848484', '7–20 million VND'] },
    'not-safe': { vi: ['+84981848484', 'lặng lẽ giữ bằng chứng', 'không cần ra khỏi nhà'], en: ['+84981848484', 'quietly keep evidence', 'do not need to leave the house'] },
    'unpaid-wages': { vi: ['Ghi lại ngày làm, giờ làm', 'khiếu nại', 'tối đa 50 triệu đồng mỗi vụ việc'], en: ['Write down the days and hours', 'complain', 'up to 50 million VND per case'] },
    illness: { vi: ['giấy tờ y tế', '10–30 triệu đồng', '180 ngày'], en: ['medical papers', '10–30 million VND', '180 days'] },
    'own-choice': { vi: ['không gây thiệt hại cho công ty thì được hoàn đủ', 'bồi thường', 'ai trả tiền đi lại chiều đi và chiều về'], en: ['refunded in full if you caused the company no loss', 'compensation', 'who pays travel both ways'] },
    undocumented: { vi: ['cấp giấy tờ cho công dân', 'trợ giúp pháp lý', 'EPS Hàn Quốc'], en: ['issues papers to citizens', 'legal aid', 'Korea EPS'] },
  },
  return_registration: {
    'back-home': { vi: ['Thanh lý hợp đồng', 'cơ sở dữ liệu của Cục Quản lý lao động ngoài nước', 'Trong 15 ngày kể từ ngày nhập cảnh'], en: ['within 180 days', 'database of the Department of Overseas Labour', 'Within 15 days of entering'] },
    urgent: { vi: ['nói rõ tình trạng để được ưu tiên', '+84981848484', 'trong 2 ngày làm việc', 'Chủ giữ hộ chiếu: không thuộc trường hợp này', 'Mỗi người đăng ký một lần'], en: ['say what your condition is to get priority', '+84981848484', 'within 2 working days', 'Held by the employer: that is not such a case', 'Register once'] },
    'have-valid': { vi: ['Mỗi người đăng ký một lần', 'đừng bỏ chuyến', 'tự trả', 'trong 180 ngày'], en: ['Register once', 'do not drop out', 'pay your own ticket', 'within 180 days'] },
    'have-expired': { vi: ['cấp giấy tờ mới cho công dân', 'xử lý trong 1 ngày làm việc', 'Mỗi người đăng ký một lần'], en: ['issues new papers to citizens', 'done in 1 working day', 'Register once'] },
    'lost-valid': { vi: ['Trình báo cảnh sát', '2 ảnh 4×6', 'cls.mfa@mofa.gov.vn', 'trong 2 ngày làm việc', 'giấy thông hành', '49/2019/QH14, Điều 17–18'], en: ['Report it to the local police', '2 photos (4×6)', 'cls.mfa@mofa.gov.vn', 'within 2 working days', 'giấy thông hành', '49/2019/QH14 on exit and entry of Vietnamese citizens, Arts. 17–18'] },
    'lost-expired': { vi: ['cấp giấy tờ mới cho công dân', 'thủ tục rút gọn', 'trong 2 ngày làm việc', 'thêm khoảng 3 ngày làm việc'], en: ['issues new papers to citizens', 'shortened procedure', 'within 2 working days', 'about 3 more'] },
    'kept-valid': { vi: ['dấu hiệu cảnh báo', 'trái luật', '+84981848484', 'Mỗi người đăng ký một lần'], en: ['warning sign', 'illegal', '+84981848484', 'Register once'] },
    'kept-expired': { vi: ['dấu hiệu cảnh báo', 'cấp giấy tờ mới cho công dân'], en: ['warning sign', 'issues new papers to citizens'] },
  },
  support_fund: {
    'not-paid': { vi: ['đã đóng đủ', 'một lần cho mỗi hợp đồng', '100.000 đồng', '150.000 đồng'], en: ['paid in full', 'once per contract', '100,000 VND', '150,000 VND'] },
    accident: { vi: ['10–30 triệu đồng', 'Quyết định 34/2025', 'biên bản thanh lý', 'trực tuyến, trực tiếp, qua bưu điện hoặc qua công ty dịch vụ', 'uỷ quyền cho người nhà', 'bản sao hộ chiếu', 'trong 15 ngày làm việc', 'chưa tìm thấy con số'], en: ['10–30 million VND', 'Decision 34/2025', 'liquidation record', 'online, in person, by post, or through the sending company', 'authorise a relative', 'a passport copy', 'within 15 working days', 'have not found the figure'] },
    'employer-closed': { vi: ['7–20 triệu đồng', 'văn bản của cơ quan đại diện Việt Nam', 'trực tuyến'], en: ['7–20 million VND', 'letter from the Vietnamese mission', 'online'] },
    'ended-abuse': { vi: ['7–20 triệu đồng', 'quấy rối tình dục', 'trực tuyến', 'xác minh sự việc', 'biên bản của cơ quan chức năng nước sở tại', 'Không cần thông báo của chủ'], en: ['7–20 million VND', 'sexual harassment', 'online', 'verifying what happened', 'a record by a host-country authority', "No employer's notice is needed"] },
    death: { vi: ['40 triệu đồng theo Quyết định 40/2021', 'đang được xác minh', 'giấy chứng tử', 'thân nhân'], en: ['40 million VND under Decision 40/2021', 'being checked', 'death certificate', 'a relative'] },
    retraining: { vi: ['1.000.000 đồng/tháng', 'tối đa 6 tháng', 'biên lai học phí'], en: ['1,000,000 VND a month', 'up to 6 months', 'fee receipts'] },
    dispute: { vi: ['50 triệu đồng mỗi vụ việc', '100 triệu với vụ việc của nhiều người lao động', 'tạm ứng 25%', 'đang được xác minh'], en: ['50 million VND per case', '100 million for a case of several workers', '25% advanced', 'being checked'] },
    other: { vi: ['Tự ý về hoặc làm hết hợp đồng', 'hỏi cán bộ'], en: ['Going home by choice', 'ask staff'] },
  },
};

const MENU_INDEX: Record<string, number> = { contract_liquidation: 1, return_registration: 2, support_fund: 3 };
const MENU_LABEL: Record<string, Record<Locale, string>> = {
  contract_liquidation: { vi: 'thanh ly hop dong', en: 'ending a contract' },
  return_registration: { vi: 'dang ky ve nuoc', en: 'going home' },
  support_fund: { vi: 'quy ho tro', en: 'support fund' },
};
/** Where each topic's conversations happen, so the per-country lines are exercised too. */
const COUNTRY: Record<string, Record<Locale, string>> = {
  contract_liquidation: { vi: 'JP', en: 'TW' },
  return_registration: { vi: 'KR', en: 'JP' },
  support_fund: { vi: 'TW', en: 'RO' },
};

const TOPICS = Object.keys(FACTS);

describe.each(TOPICS)('%s', (topic) => {
  it('has a fact list for every leaf of its tree (and no more)', () => {
    const leaves = Object.entries(content.dialogues.get(topic)!.nodes).filter(([, n]) => n.answer).map(([id]) => id);
    expect(Object.keys(FACTS[topic]!).sort()).toEqual(leaves.sort());
  });

  const cases = (['vi', 'en'] as const).flatMap((locale) => (['button', 'digit', 'label'] as const).map((mode) => ({ locale, mode })));

  describe.each(cases)('$locale by $mode', ({ locale, mode }) => {
    it('reaches every leaf in at most five messages, with its facts, its sources and what to do next', async () => {
      const tree = content.dialogues.get(topic)!;
      for (const path of pathsOf(tree)) {
        const u = await user(locale, COUNTRY[topic]![locale]);
        await u.say('menu');
        let messages = 0;
        // Into the topic from the menu.
        if (mode === 'button') await u.tap(`topic_${topic}`);
        else if (mode === 'digit') await u.say(String(MENU_INDEX[topic]));
        else await u.say(MENU_LABEL[topic]![locale]);
        messages++;
        for (const option of path.options) {
          await u.pick(`o_${option}`, mode);
          messages++;
        }
        expect(messages, path.leaf).toBeLessThanOrEqual(5);
        const where = `${topic} → ${path.leaf} (${locale}, ${mode})`;
        const answer = u.text;
        const leaf = tree.nodes[path.leaf]!;
        for (const fact of FACTS[topic]![path.leaf]![locale]) expect(answer, `${where}: "${fact}"`).toContain(fact);
        // Every article of the leaf shows its source; an unverified one says it is being checked.
        for (const id of leaf.answer!) {
          const a = content.articleById.get(id)!;
          expect(answer, `${where}: source of ${id}`).toContain(sourceText(a.source, locale));
        }
        const unverified = leaf.answer!.some((id) => !content.articleById.get(id)!.verified);
        const mark = locale === 'vi' ? 'đang được xác minh — hãy hỏi cán bộ' : 'being verified — please check with staff';
        expect(answer.includes(mark), `${where}: unverified mark`).toBe(unverified);
        expect(answer, where).not.toContain('{{');
        // The answer ends with what to do next; a person comes first where someone may be hurt.
        // (Other flows may add their own next step, such as registering; these three are always there.)
        const next = u.choices.map((c) => c.id).filter((c) => ['staff', 'more', 'menu'].includes(c));
        expect(next, where).toEqual(leaf.offerStaff ? ['staff', 'more', 'menu'] : ['more', 'menu', 'staff']);
      }
    });
  });
});

describe('contract liquidation', () => {
  it('the “not safe” leaf is an emergency: numbers first, a priority hand-off, and the mission of the user’s city', async () => {
    const u = await user('vi', 'JP', 'osaka');
    await u.say('menu');
    await u.say('1');
    await u.say('ve truoc han');
    await u.say('nguoc dai quay roi');
    await u.say('toi chua an toan');
    expect(u.last[0]!.priority).toBe('emergency');
    expect(u.text.indexOf('🚨')).toBe(0);
    // Japan's emergency numbers, then the Osaka consulate — the mission of this city, not the embassy in Tokyo.
    expect(u.text).toContain('Cảnh sát: 110');
    expect(u.text).toContain('TLSQ Osaka – bảo hộ công dân: +819047696789');
    expect(u.text).not.toContain('ĐSQ Tokyo');
    expect(u.text).toContain('lặng lẽ giữ bằng chứng');
    const queued = (await engine.handoff.list()).find((h) => h.key.user === u.id);
    expect(queued).toMatchObject({ priority: 'emergency', reason: 'emergency', topic: 'contract_liquidation', country: 'JP', city: 'osaka' });
  });

  it('the abuse question asks for no details, and a leaf offering a person opens a hand-off when chosen', async () => {
    const u = await user('en', 'KR');
    await u.say('menu');
    await u.say('1');
    await u.say('2');
    await u.say('2');
    expect(u.text).toContain('you do not have to give details');
    await u.say('2');
    expect(u.text).toContain('Sexual harassment is a ground to end your contract yourself');
    expect(u.text).toContain('counselling in Vietnamese 1577-0071');
    expect(u.choices[0]).toEqual({ id: 'staff', label: 'Talk to staff' });
    await u.say('1');
    const queued = (await engine.handoff.list()).find((h) => h.key.user === u.id);
    expect(queued).toMatchObject({ priority: 'normal', topic: 'contract_liquidation', country: 'KR' });
  });

  it('Korea EPS workers get the EPS deposit lines at term', async () => {
    const u = await user('vi', 'KR');
    await u.say('menu');
    await u.say('thanh ly hop dong');
    await u.say('het han hop dong');
    expect(u.text).toContain('Trung tâm Lao động ngoài nước');
    expect(u.text).toContain('15 ngày làm việc');
  });
});

describe('moving around a tree', () => {
  it('“back” steps up one question, “ask more” starts the topic again, “menu” leaves it', async () => {
    const u = await user('vi', 'TW');
    await u.say('menu');
    await u.say('3');
    await u.say('da dong roi');
    expect(u.choices.map((c) => c.id)).toContain('o_accident');
    await u.say('quay lai');
    expect(u.choices.map((c) => c.id).slice(0, 3)).toEqual(['o_paid', 'o_unpaid', 'o_unsure']);
    await u.say('3');
    await u.say('hoc nghe sau khi ve');
    expect(u.text).toContain('1.000.000 đồng/tháng');
    await u.say('hoi them');
    expect(u.text).toContain('đã đóng tiền vào Quỹ');
    expect(u.choices.map((c) => c.id).slice(0, 3)).toEqual(['o_paid', 'o_unpaid', 'o_unsure']);
    await u.say('menu');
    expect(u.choices.map((c) => c.id)).toContain('topic_contract_liquidation');
  });

  it('a digit beyond the list or a stale button does not pick anything wrong', async () => {
    const u = await user('vi', 'JP');
    await u.say('menu');
    await u.say('2');
    expect(u.choices.map((c) => c.id).slice(0, 2)).toEqual(['o_abroad', 'o_home']);
    await u.say('9');
    expect(u.choices.map((c) => c.id).slice(0, 2)).toEqual(['o_abroad', 'o_home']);
    // A button of a later question, pressed now, is not taken as an answer here.
    await u.tap('o_not_urgent');
    expect(u.text).not.toContain('Hộ chiếu của bạn hiện ở đâu?');
    expect(u.choices.map((c) => c.id)).toContain('topic_return_registration');
  });

  it('a typed label chooses in the middle of a tree without diacritics or case', async () => {
    const u = await user('vi', 'JP');
    await u.say('menu');
    await u.say('Đăng ký về nước');
    await u.say('CON O NUOC NGOAI');
    await u.say('khong gap');
    await u.say('bi mat ho chieu');
    await u.say('con han');
    expect(u.text).toContain('cls.mfa@mofa.gov.vn');
    expect(u.text).toContain('Luật Xuất cảnh, nhập cảnh của công dân Việt Nam 49/2019/QH14, Điều 17–18 (sửa đổi bởi Luật 23/2023/QH15');
  });

  it('onboarding by digits then a topic: language, country, menu, answer', async () => {
    const id = `u${++users}`;
    const say = (t: string) => engine.say(id, text(t));
    const first = await engine.say(id, start);
    expect(first.at(-1)!.choices!.map((c) => c.id)).toEqual(['lang_vi', 'lang_en']);
    await say('1');
    const menu = await say('1');
    expect(menu.at(-1)!.choices!.map((c) => c.id)).toContain('topic_support_fund');
    await say('3');
    await say('3');
    const answer = await say('2');
    const all = answer.map((m) => m.text).join('\n');
    expect(all).toContain('7–20 triệu đồng');
    expect(all).toContain('📖 Nguồn: Luật 69/2020/QH14, Điều 67; Quyết định 34/2025/QĐ-TTg; Quyết định 40/2021/QĐ-TTg, Điều 11');
  });
});

describe('hotlines topic', () => {
  it('answers from hotlines.yaml for the remembered country, the city’s mission first', async () => {
    const u = await user('vi', 'JP', 'fukuoka');
    await u.say('menu');
    await u.say('4');
    const t = u.text;
    expect(t).toContain('📞 Số điện thoại hỗ trợ ở Nhật Bản:');
    expect(t.indexOf('Khẩn cấp:')).toBeLessThan(t.indexOf('Cơ quan đại diện Việt Nam:'));
    expect(t.split('Cơ quan đại diện Việt Nam:\n')[1]!.split('\n')[0]).toBe('• TLSQ Fukuoka – bảo hộ công dân: +818039846668 (nguồn không ghi ngày)');
    expect(t).toContain('+84981848484');
  });

  it('marks an old number and an unverified one', async () => {
    const u = await user('en', 'TW');
    await u.say('menu');
    await u.say('hotlines');
    expect(u.text).toContain('+886988579362 (source from 2019, may have changed)');
    expect(u.text).toContain('Ambulance / fire: 119 (not verified)');
    expect(u.text).toContain('Police: 110\n');
    expect(u.text).toContain('1955');
  });

  it('says when a country has no verified mission number and gives the 24/7 line', async () => {
    const u = await user('vi', 'SA');
    await u.say('menu');
    await u.say('4');
    expect(u.text).toContain('Chưa có số đã xác minh của cơ quan đại diện ở nước này; hãy gọi tổng đài 24/7 ở trên, cán bộ sẽ xác nhận.');
    expect(u.text).toContain('Tổng đài bảo hộ công dân – Bộ Ngoại giao (24/7): +84981848484');
  });
});
