import { createActor } from 'xstate';
import { describe, expect, it } from 'vitest';
import { createRootMachine } from '../../flows/index.ts';
import { loadResources } from '../../src/i18n/index.ts';
import type { RootContext } from '../../flows/root.machine.ts';
import { fixtureDeps, understood } from './fixtures.ts';
import { asks, choiceIds, conversation, depsWithRegistration, keysSaid, registrationDeps } from './registration-fixtures.ts';
import type { Effect, FlowEvent } from '../../src/core/effects.ts';

type Conv = ReturnType<typeof conversation>;

const field = (c: Conv) => (c.value as { registration?: string }).registration;
const submitted = (effects: Effect[]) => effects.find((e) => e.type === 'registration.submit');

function start(c: Conv = conversation()) {
  c.choose('reg_start');
  c.choose('reg_agree');
  return c;
}

/** Answers every question the way a user in Taichung would, by typing and by buttons. */
function fill(c: Conv) {
  c.text('nguyen thi lan');
  c.text('25/12/1995');
  c.text('C1234567');
  c.choose('reg_here');
  c.text('Dai Trung', { country: 'TW', city: 'taichung' });
  c.text('0912 345 678');
  c.text('Cong ty ABC');
  c.text('30/6/2026');
  c.choose('reg_reason_early_employer_closed');
  c.text('1 4');
  c.text('cuoi thang 1');
  c.text('ha giang');
  c.choose('reg_sex_female');
  c.choose('reg_sector_manufacturing');
  return c;
}

const EXPECTED = {
  fullName: 'Nguyen Thi Lan',
  birthDate: '1995-12-25',
  passport: { status: 'held', number: 'C1234567' },
  country: 'TW',
  city: 'Dai Trung',
  cityId: 'taichung',
  contact: { kind: 'phone', value: '0912345678' },
  employer: 'Cong ty ABC',
  contractEnd: { day: '2026-06-30' },
  reason: 'early_employer_closed',
  special: ['pregnant', 'with_children'],
  returnDate: { month: '2027-01', part: 'late' },
  province: 'tuyen-quang',
  formerProvince: 'Hà Giang',
  sex: 'female',
  sector: 'manufacturing',
};

describe('entering the form', () => {
  it('is offered in the return topic (no dialogue yet: the registration hub) and by typing', () => {
    const c = conversation();
    c.choose('topic_return_registration');
    expect(field(c)).toBe('hub');
    expect(choiceIds(c.effects)).toEqual(['reg_start', 'reg_info', 'reg_check', 'menu']);
    expect(c.rendered()).toContain('đăng ký về nước với cơ quan đại diện Việt Nam');
    expect(c.rendered()).toContain('1. Đăng ký về nước');
    expect(c.rendered('en')).toContain('1. Register my return');

    const typed = conversation();
    typed.text('dang ky ve nuoc');
    expect(field(typed)).toBe('hub');
    const en = conversation({ locale: 'en' });
    en.text('I want to register my return');
    expect(field(en)).toBe('hub');
  });

  it('is one tap away inside the topic dialogue when there is one, and after its answers', () => {
    const tree = {
      id: 'return_registration',
      start: 'q',
      nodes: {
        q: { ask: { vi: 'Hộ chiếu?', en: 'Passport?' }, options: [{ id: 'lost', label: { vi: 'Mất', en: 'Lost' }, next: 'a' }, { id: 'ok', label: { vi: 'Còn', en: 'Have it' }, next: 'a' }] },
        a: { answer: ['return-steps'] },
      },
    };
    const deps = { ...fixtureDeps, dialogues: new Map([...fixtureDeps.dialogues, ['return_registration', tree]]), registration: registrationDeps };
    const c = conversation({ locale: 'vi', country: 'TW' }, deps);
    c.choose('topic_return_registration');
    expect(choiceIds(c.effects)).toEqual(['o_lost', 'o_ok', 'reg_start']);
    c.choose('o_lost');
    expect(choiceIds(c.effects)[0]).toBe('reg_start');
    c.choose('reg_start');
    expect(field(c)).toBe('consent');
  });

  it('is not offered when the engine has no registration desk data', () => {
    const c = conversation({ locale: 'vi', country: 'TW' }, fixtureDeps);
    c.choose('topic_return_registration');
    expect(keysSaid(c.effects)).toContain('topic.unavailable');
    c.choose('reg_start');
    expect(c.value).toBe('menu');
  });

  it('asks for consent first: details one tap away, then the first question', () => {
    const c = conversation();
    c.choose('reg_start');
    expect(field(c)).toBe('consent');
    expect(choiceIds(c.effects)).toEqual(['reg_agree', 'reg_details', 'reg_decline']);
    expect(c.rendered()).toMatch(/Chỉ cán bộ/);
    expect(c.rendered()).toContain('180 ngày');
    expect(c.rendered('en')).toMatch(/Only the staff/);
    c.choose('reg_details');
    expect(keysSaid(c.effects)).toEqual(['registration.consent.details', 'registration.consent.prompt']);
    expect(c.rendered()).toMatch(/Vì sao cần từng thông tin/);
    c.text('dong y');
    expect(field(c)).toBe('name');
    expect(keysSaid(c.effects)).toEqual(['registration.ask.name']);
  });

  it('without consent keeps nothing, and still gives the information on going home', () => {
    const c = conversation();
    c.choose('reg_start');
    c.choose('reg_decline');
    expect(field(c)).toBe('declined');
    expect(c.effects).toContainEqual({ type: 'articles', ids: ['return-steps'], country: 'TW' });
    expect(choiceIds(c.effects)).toEqual(['reg_start', 'menu', 'staff']);
    expect(c.context.reg).toBeUndefined();
    const typedNo = conversation();
    typedNo.choose('reg_start');
    typedNo.text('khong');
    expect(field(typedNo)).toBe('declined');
  });

  it('re-asks the consent when the answer is neither yes nor no', () => {
    const c = conversation();
    c.choose('reg_start');
    expect(keysSaid(c.text('bao lau thi ve duoc'))).toEqual(['registration.error.consent', 'registration.consent.prompt']);
    expect(field(c)).toBe('consent');
  });
});

describe('the whole form', () => {
  it('asks one question at a time and hands over exactly what was answered', () => {
    const c = fill(start());
    expect(field(c)).toBe('review');
    expect(choiceIds(c.effects)).toEqual(['reg_confirm', 'reg_edit', 'reg_cancel']);
    const review = c.rendered();
    for (const part of ['Nguyen Thi Lan', '25/12/1995', 'C1234567', 'Đài Loan, Dai Trung', '0912345678', 'Cong ty ABC', '30/06/2026', 'Về sớm: chủ đóng cửa', 'Đang mang thai, Có con nhỏ đi cùng', 'cuối tháng 01/2027', 'Tuyên Quang (trước đây: Hà Giang)', 'Nữ', 'Nhà máy']) {
      expect(review).toContain(part);
    }
    expect(c.rendered('en')).toContain('25 December 1995');
    expect(c.rendered('en')).toContain('late January 2027');
    const out = c.choose('reg_confirm');
    expect(submitted(out)).toEqual({ type: 'registration.submit', draft: EXPECTED });
    expect(choiceIds(out)).toEqual(['reg_check', 'menu']);
    expect(c.context.reg).toBeUndefined();
  });

  it('remembers where the user said they are', () => {
    const c = start(conversation({ locale: 'vi' }));
    c.text('Nguyen Van Binh');
    c.text('1/2/1990');
    c.choose('reg_pp_lost');
    expect(asks(c.effects)[0]).toMatchObject({ key: 'registration.ask.country' });
    c.text('o nhat', { country: 'JP' });
    c.text('Osaka', { country: 'JP', city: 'osaka' });
    expect(c.state).toMatchObject({ country: 'JP', city: 'osaka' });
  });

  it('offers the city the bot already knows, to confirm, when the country is the same', () => {
    const c = start(conversation({ locale: 'vi', country: 'TW', city: 'taichung' }));
    c.text('Nguyen Van Binh');
    c.text('1/2/1990');
    c.choose('reg_pp_lost');
    c.choose('reg_here');
    expect(keysSaid(c.effects)).toEqual(['registration.ask.cityKnown']);
    expect(choiceIds(c.effects)).toEqual(['reg_here_city']);
    expect(c.rendered()).toContain('Bạn đang ở Đài Trung (Đài Loan) phải không?');
    expect(c.rendered('en')).toContain('Are you in Taichung (Taiwan)?');
    c.choose('reg_here_city');
    expect((c.context.reg as { draft: object }).draft).toMatchObject({ country: 'TW', city: 'Đài Trung', cityId: 'taichung' });
    expect(c.state).toMatchObject({ country: 'TW', city: 'taichung' });

    const moved = start(conversation({ locale: 'vi', country: 'TW', city: 'taichung' }));
    moved.text('Nguyen Van Binh');
    moved.text('1/2/1990');
    moved.choose('reg_pp_lost');
    moved.choose('country_JP');
    expect(keysSaid(moved.effects)).toEqual(['registration.ask.city']);
    expect(moved.state.city).toBeUndefined();
  });

  it('works in English with English answers', () => {
    const c = conversation({ locale: 'en', country: 'JP' });
    c.choose('reg_start');
    expect(c.rendered('en')).toMatch(/Only the staff/);
    c.text('yes');
    c.text('Tran Van Minh');
    c.text('3 March 1990');
    c.text('lost it');
    c.choose('reg_here');
    c.text('Nagoya', { country: 'JP' });
    c.text('minh.tran@example.com');
    c.choose('reg_employer_unknown');
    c.text('June 2026');
    c.choose('reg_reason_contract_ended');
    c.text('none');
    c.text('end of January');
    c.text('Nghe An');
    c.text('prefer not to say');
    c.choose('reg_skip');
    expect(field(c)).toBe('review');
    const review = c.rendered('en');
    for (const part of ['1. Full name: Tran Van Minh', '2. Date of birth: 3 March 1990', '3. Passport: Lost', '4. Where you are: Japan, Nagoya', '5. Contact: minh.tran@example.com', '6. Employer / company: Not known / none', '7. Contract ends: June 2026', '8. Reason for returning: Contract ended', '9. Special situation: None', '10. Return date: late January 2027', '11. Home province: Nghệ An', '12. Sex: Prefer not to say', '13. Sector of work: (skipped)']) {
      expect(review).toContain(part);
    }
  });

  it('takes a country it does not know by name', () => {
    const c = start();
    c.text('Nguyen Van Binh');
    c.text('1/2/1990');
    c.text('mat roi');
    c.text('Brunei');
    expect(field(c)).toBe('city');
    expect(c.rendered()).toContain('(Brunei)');
  });
});

describe('each question re-asks what does not fit, with the reason', () => {
  const at = (target: string) => {
    const c = fill(start());
    const items = ['name', 'birth', 'passport', 'location', 'contact', 'employer', 'contractEnd', 'reason', 'special', 'returnDate', 'province', 'sex', 'sector'];
    c.choose('reg_edit');
    c.choose(`reg_item_${items.indexOf(target) + 1}`);
    return c;
  };
  const reask = (c: Conv, text: string, error: string, question: string) => {
    const before = field(c);
    const out = c.text(text);
    expect(keysSaid(out), text).toEqual([error, question]);
    expect(field(c), text).toBe(before);
  };

  it('full name', () => {
    const c = start();
    for (const bad of ['An', '12345', 'Nguyen 2', 'a'.repeat(90)]) reask(c, bad, 'registration.error.name', 'registration.ask.name');
    c.text('TRẦN VĂN HÙNG');
    expect(field(c)).toBe('birth');
  });

  it('date of birth: impossible, future, too young, without year or day', () => {
    const c = start();
    c.text('Tran Van Hung');
    const cases: [string, string][] = [
      ['31/2/1990', 'registration.error.date.invalid'],
      ['12/13/1990', 'registration.error.date.invalid'],
      ['1/1/2030', 'registration.error.date.future'],
      ['1/1/2015', 'registration.error.date.tooYoung'],
      ['12/3', 'registration.error.date.needYear'],
      ['thang 3/1990', 'registration.error.date.needDay'],
      ['hom qua', 'registration.error.date.format'],
      ['1/1/1900', 'registration.error.date.tooOld'],
    ];
    for (const [text, error] of cases) reask(c, text, error, 'registration.ask.birth');
    c.text('12.3.85');
    expect(field(c)).toBe('passport');
  });

  it('passport: a number with spaces, lost, kept by the employer', () => {
    const c = start();
    c.text('Tran Van Hung');
    c.text('12/3/1985');
    reask(c, 'khong biet', 'registration.error.passport', 'registration.ask.passport');
    reask(c, '12345', 'registration.error.passport', 'registration.ask.passport');
    c.text('c 123 4567');
    expect(field(c)).toBe('country');
    for (const [text, status] of [['bi chu giu', 'employer'], ['mất rồi', 'lost']] as const) {
      const d = at('passport');
      d.text(text);
      expect(field(d)).toBe('review');
      expect((d.context.reg as { draft: { passport: unknown } }).draft.passport).toEqual({ status });
    }
  });

  it('country and city', () => {
    const c = at('location');
    expect(choiceIds(c.effects)).toEqual(['reg_here', 'country_JP']);
    reask(c, '123', 'registration.error.country', 'registration.ask.countryKnown');
    c.choose('country_JP');
    expect(field(c)).toBe('city');
    reask(c, '7', 'registration.error.city', 'registration.ask.city');
    c.text('Nagoya', { country: 'JP' });
    expect(field(c)).toBe('review');
    expect(c.state.country).toBe('JP');
  });

  it('contact: phone, email, another app, this chat', () => {
    const cases: [string, unknown][] = [
      ['+84 912.345.678', { kind: 'phone', value: '+84912345678' }],
      ['sdt: 0912-345-678', { kind: 'phone', value: '0912345678' }],
      ['Lan.Nguyen@Example.com', { kind: 'email', value: 'lan.nguyen@example.com' }],
      ['zalo 0912345678', { kind: 'other', value: 'zalo 0912345678' }],
    ];
    for (const [text, value] of cases) {
      const c = at('contact');
      reask(c, 'goi cho em', 'registration.error.contact', 'registration.ask.contact');
      reask(c, '12345', 'registration.error.contact', 'registration.ask.contact');
      c.text(text);
      expect((c.context.reg as { draft: { contact: unknown } }).draft.contact, text).toEqual(value);
    }
    const chat = at('contact');
    chat.choose('reg_via_chat');
    expect(field(chat)).toBe('review');
  });

  it('employer, or not known', () => {
    const c = at('employer');
    reask(c, '!!', 'registration.error.employer', 'registration.ask.employer');
    c.choose('reg_employer_unknown');
    expect((c.context.reg as { draft: { employer: unknown } }).draft.employer).toBeNull();
  });

  it('contract end: a day, a month, none; never an impossible one', () => {
    const c = at('contractEnd');
    reask(c, '30/2/2026', 'registration.error.date.invalid', 'registration.ask.contractEnd');
    reask(c, '1/1/1980', 'registration.error.date.tooOld', 'registration.ask.contractEnd');
    c.text('thang 6');
    expect((c.context.reg as { draft: { contractEnd: unknown } }).draft.contractEnd).toEqual({ month: '2026-06' });
    const none = at('contractEnd');
    none.choose('reg_no_contract');
    expect((none.context.reg as { draft: { contractEnd: unknown } }).draft.contractEnd).toBeNull();
  });

  it('reason: one of the list', () => {
    const c = at('reason');
    expect(choiceIds(c.effects)).toHaveLength(7);
    reask(c, 'vi nho nha', 'registration.error.pick', 'registration.ask.reason');
    c.choose('reg_reason_undocumented');
    expect(field(c)).toBe('review');
  });

  it('special situations: several by digits or words, "none", and by buttons one at a time', () => {
    const cases: [string, string[]][] = [
      ['1 3', ['pregnant', 'sick']],
      ['2,4', ['injured', 'with_children']],
      ['1 va 2', ['pregnant', 'injured']],
      ['dang mang thai va co con nho', ['pregnant', 'with_children']],
      ['5', []],
      ['khong', []],
    ];
    for (const [text, value] of cases) {
      const c = at('special');
      c.text(text);
      expect((c.context.reg as { draft: { special: unknown } }).draft.special, text).toEqual(value);
    }
    const bad = at('special');
    reask(bad, '1 5', 'registration.error.special', 'registration.ask.special');
    reask(bad, '9', 'registration.error.special', 'registration.ask.special');
    reask(bad, 'met qua', 'registration.error.special', 'registration.ask.special');

    const taps = at('special');
    expect(choiceIds(taps.effects)).toEqual(['reg_sp_pregnant', 'reg_sp_injured', 'reg_sp_sick', 'reg_sp_with_children', 'reg_sp_none']);
    taps.choose('reg_sp_with_children');
    expect(keysSaid(taps.effects)).toEqual(['registration.ask.specialMore']);
    expect(choiceIds(taps.effects)).toContain('reg_sp_done');
    taps.choose('reg_sp_sick');
    taps.choose('reg_sp_with_children');
    taps.choose('reg_sp_injured');
    expect(taps.rendered()).toContain('Đã chọn: Bị thương, Đang ốm');
    taps.choose('reg_sp_done');
    expect((taps.context.reg as { draft: { special: unknown } }).draft.special).toEqual(['injured', 'sick']);
  });

  it('return date: read in the user time zone, never in the past, a year left out means the next one', () => {
    const cases: [string, unknown][] = [
      ['15/3', { day: '2027-03-15' }],
      ['30/11', { day: '2026-11-30' }],
      ['25-11', { day: '2026-11-25' }],
      ['12.1.27', { day: '2027-01-12' }],
      ['thang 3', { month: '2027-03' }],
      ['tháng 12', { month: '2026-12' }],
      ['3/2027', { month: '2027-03' }],
      ['cuối tháng 3', { month: '2027-03', part: 'late' }],
      ['dau thang sau', { month: '2026-12', part: 'early' }],
      ['end of March 2027', { month: '2027-03', part: 'late' }],
      ['March 12', { day: '2027-03-12' }],
    ];
    for (const [text, value] of cases) {
      const c = at('returnDate');
      c.text(text);
      expect((c.context.reg as { draft: { returnDate: unknown } }).draft.returnDate, text).toEqual(value);
    }
    const c = at('returnDate');
    reask(c, '1/11/2026', 'registration.error.date.past', 'registration.ask.returnDate');
    reask(c, 'thang 10/2026', 'registration.error.date.past', 'registration.ask.returnDate');
    reask(c, '1/1/2035', 'registration.error.date.tooFar', 'registration.ask.returnDate');
    reask(c, '31/4', 'registration.error.date.invalid', 'registration.ask.returnDate');
    c.choose('reg_asap');
    expect((c.context.reg as { draft: { returnDate: unknown } }).draft.returnDate).toEqual({ asap: true });

    // 30/11 23:30 in Taipei is already 1/12 in Tokyo: 30/11/2026 is today in one, past in the other,
    // and "30/11" without a year means this year's in Taipei, next year's in Tokyo.
    const late = Date.parse('2026-11-30T15:30:00Z');
    const taipei = at('returnDate');
    taipei.now = late;
    taipei.text('30/11/2026');
    expect(field(taipei)).toBe('review');
    const tokyo = fill(start(conversation({ locale: 'vi', country: 'JP' })));
    tokyo.choose('reg_edit');
    tokyo.choose('reg_item_10');
    tokyo.now = late;
    reask(tokyo, '30/11/2026', 'registration.error.date.past', 'registration.ask.returnDate');
    tokyo.text('30/11');
    expect((tokyo.context.reg as { draft: { returnDate: unknown } }).draft.returnDate).toEqual({ day: '2027-11-30' });
  });

  it('home province: without diacritics, old names, suggestions, the list', () => {
    const cases: [string, string, string | undefined][] = [
      ['Nghệ An', 'nghe-an', undefined],
      ['nghe an', 'nghe-an', undefined],
      ['tinh thanh hoa', 'thanh-hoa', undefined],
      ['tp hcm', 'ho-chi-minh', undefined],
      ['vung tau', 'ho-chi-minh', 'Bà Rịa - Vũng Tàu'],
      ['que em o Nam Dinh a', 'ninh-binh', 'Nam Định'],
      ['HA TINH', 'ha-tinh', undefined],
      ['dak lak', 'dak-lak', undefined],
      ['thai binh cu', 'hung-yen', 'Thái Bình'],
    ];
    for (const [text, id, former] of cases) {
      const c = at('province');
      c.text(text);
      const draft = (c.context.reg as { draft: { province: string; formerProvince?: string } }).draft;
      expect([draft.province, draft.formerProvince], text).toEqual([id, former]);
    }
    const c = at('province');
    c.text('quang');
    expect(keysSaid(c.effects)).toEqual(['registration.ask.provinceSuggest']);
    expect(choiceIds(c.effects)).toContain('reg_prov_list');
    expect(c.rendered()).toMatch(/Quảng Ninh/);
    expect(c.rendered()).toContain('Quảng Nam');
    c.choose(choiceIds(c.effects)[0]!);
    expect(field(c)).toBe('review');

    const typo = at('province');
    typo.text('nghe ann');
    expect(choiceIds(typo.effects)[0]).toBe('reg_prov_0');
    expect(typo.rendered()).toContain('Nghệ An');

    const list = at('province');
    list.choose('reg_prov_list');
    expect(keysSaid(list.effects)).toEqual(['registration.provinceList', 'registration.ask.province']);
    expect(list.rendered()).toContain('Tuyên Quang');
    reask(list, 'xyzw', 'registration.error.province', 'registration.ask.province');
  });

  it('sex (optional, "prefer not to say") and sector (optional, skippable)', () => {
    const c = at('sex');
    expect(choiceIds(c.effects)).toEqual(['reg_sex_female', 'reg_sex_male', 'reg_sex_undisclosed']);
    c.text('khong muon noi');
    expect((c.context.reg as { draft: { sex: unknown } }).draft.sex).toBe('undisclosed');
    const s = at('sector');
    expect(choiceIds(s.effects)).toHaveLength(8);
    s.choose('reg_skip');
    expect((s.context.reg as { draft: { sector?: unknown } }).draft.sector).toBeUndefined();
    expect(s.rendered()).toContain('13. Ngành nghề: (bỏ qua)');
    s.choose('reg_confirm');
    expect(submitted(s.effects)).toMatchObject({ draft: { sex: 'female' } });
    expect((submitted(s.effects) as { draft: object }).draft).not.toHaveProperty('sector');
  });
});

describe('review and edits', () => {
  it('changes one item by its number and comes back to the review', () => {
    const c = fill(start());
    c.choose('reg_edit');
    expect(choiceIds(c.effects)).toHaveLength(14);
    c.text('1');
    // A digit is read by the engine as a choice; the flow also takes the typed "sửa 1" at the review.
    const typed = fill(start());
    typed.text('sua 1');
    expect(field(typed)).toBe('name');
    typed.text('Nguyen Thi Mai');
    expect(field(typed)).toBe('review');
    expect(typed.rendered()).toContain('1. Họ tên: Nguyen Thi Mai');
  });

  it('the place is one item of two questions', () => {
    const c = fill(start());
    c.choose('reg_edit');
    c.choose('reg_item_4');
    expect(field(c)).toBe('country');
    c.choose('reg_here');
    expect(field(c)).toBe('city');
    c.text('Cao Hung', { country: 'TW', city: 'kaohsiung' });
    expect(field(c)).toBe('review');
    expect(c.rendered()).toContain('Đài Loan, Cao Hung');
  });

  it('"back" while changing an item returns to the review unchanged', () => {
    const c = fill(start());
    c.text('sua 2');
    c.send({ type: 'user.command', command: 'back' });
    expect(field(c)).toBe('review');
    expect(c.rendered()).toContain('25/12/1995');
  });

  it('re-asks the review for anything else', () => {
    const c = fill(start());
    expect(keysSaid(c.text('ok roi'))).toEqual(['registration.error.review', 'registration.review.prompt']);
  });

  it('does not send a return date that passed while the draft waited', () => {
    const c = start();
    c.text('Nguyen Thi Lan');
    fill(c);
    c.text('sua 10');
    c.text('27/11/2026');
    c.now = Date.parse('2026-12-02T01:00:00Z');
    const out = c.choose('reg_confirm');
    expect(submitted(out)).toBeUndefined();
    expect(keysSaid(out)).toEqual(['registration.error.date.past', 'registration.ask.returnDate']);
  });
});

describe('moving around', () => {
  it('"back" goes to the question before, and from the first to the consent', () => {
    const c = start();
    c.text('Nguyen Thi Lan');
    c.text('25/12/1995');
    c.send({ type: 'user.command', command: 'back' });
    expect(field(c)).toBe('birth');
    c.send({ type: 'user.command', command: 'back' });
    expect(field(c)).toBe('name');
    c.send({ type: 'user.command', command: 'back' });
    expect(field(c)).toBe('consent');
  });

  it('an emergency mid-form is answered, and the form resumes at the same question', () => {
    const c = start();
    c.text('Nguyen Thi Lan');
    c.text('25/12/1995');
    c.text('C1234567');
    c.choose('reg_here');
    c.text('Dai Trung');
    expect(field(c)).toBe('contact');
    const out = c.send({ type: 'user.emergency', kinds: ['violence'], nlu: understood() });
    expect(out[0]).toEqual({ type: 'hotlines', scope: 'emergency', country: 'TW', kinds: ['violence'] });
    expect(out).toContainEqual({ type: 'handoff', reason: 'emergency', priority: 'emergency', topic: 'return_registration' });
    expect(field(c)).toBe('contact');
    expect(c.choose('continue')).toEqual([{ type: 'reprompt' }]);
    c.text('0912345678');
    expect(field(c)).toBe('employer');
    expect((c.context.reg as { draft: { fullName: string } }).draft.fullName).toBe('Nguyen Thi Lan');
  });

  it('leaving for the menu keeps the draft, offered again next time', () => {
    const c = start();
    c.text('Nguyen Thi Lan');
    c.send({ type: 'user.command', command: 'menu' });
    expect(c.value).toBe('menu');
    c.choose('reg_start');
    expect(field(c)).toBe('resume');
    c.choose('reg_resume');
    expect(field(c)).toBe('birth');
    c.send({ type: 'user.command', command: 'menu' });
    c.choose('reg_start');
    c.choose('reg_restart');
    expect(field(c)).toBe('consent');
    c.choose('reg_agree');
    expect(field(c)).toBe('name');
  });

  it('cancel, typed or chosen, asks first and then keeps nothing', () => {
    const c = start();
    c.text('Nguyen Thi Lan');
    c.text('huy');
    expect(field(c)).toBe('cancelConfirm');
    c.choose('reg_cancel_no');
    expect(field(c)).toBe('birth');
    c.text('cancel');
    c.choose('reg_cancel_yes');
    expect(c.value).toBe('menu');
    expect(keysSaid(c.effects)).toEqual(['registration.cancel.done', 'menu.prompt']);
    expect(c.context.reg).toBeUndefined();
    const fromReview = fill(start());
    fromReview.choose('reg_cancel');
    fromReview.choose('reg_cancel_yes');
    expect(submitted(fromReview.effects)).toBeUndefined();
    expect(fromReview.context.reg).toBeUndefined();
  });

  it('"delete my data" forgets the draft with everything else', () => {
    const c = start();
    c.text('Nguyen Thi Lan');
    c.send({ type: 'user.command', command: 'delete' });
    const out = c.choose('erase_yes');
    expect(out[0]).toEqual({ type: 'erase' });
    expect(c.context.reg).toBeUndefined();
  });

  it('typing "đăng ký về nước" inside the form is not taken as an answer', () => {
    const c = start();
    expect(keysSaid(c.text('dang ky ve nuoc'))).toEqual(['registration.error.alreadyIn', 'registration.ask.name']);
    expect(field(c)).toBe('name');
  });
});

describe('checking, withdrawing and erasing', () => {
  it('"check my registration" asks the engine, with the reference when one is given', () => {
    const c = conversation();
    expect(c.text('kiem tra dang ky')).toContainEqual({ type: 'registration.status' });
    expect(field(c)).toBe('check');
    expect(c.text('check my registration K7M3QX')).toContainEqual({ type: 'registration.status', ref: 'K7M3QX' });
    expect(c.choose('reg_check')).toContainEqual({ type: 'registration.status' });
    // A six-letter word is not a reference: issued ones mix letters and digits.
    expect(c.text('kiem tra dang ky CAMERA')).toContainEqual({ type: 'registration.status' });
  });

  it('works from the middle of the form, which is kept', () => {
    const c = start();
    c.text('Nguyen Thi Lan');
    c.text('xem dang ky');
    expect(field(c)).toBe('check');
    c.choose('reg_start');
    expect(field(c)).toBe('resume');
  });

  it('withdraw and erase ask first', () => {
    const c = conversation();
    c.text('kiem tra dang ky K7M3QX');
    c.choose('reg_withdraw');
    expect(choiceIds(c.effects)).toEqual(['reg_withdraw_yes', 'reg_keep']);
    const out = c.choose('reg_withdraw_yes');
    expect(out).toContainEqual({ type: 'registration.withdraw', ref: 'K7M3QX' });
    c.choose('reg_erase');
    c.choose('reg_keep');
    expect(keysSaid(c.effects)).toEqual(['registration.kept', 'menu.prompt']);
    c.choose('reg_check');
    c.choose('reg_erase');
    expect(c.choose('reg_erase_yes')).toContainEqual({ type: 'registration.erase' });
  });
});


describe('buttons', () => {
  it('have labels of at most 20 characters in both languages, so Messenger and Zalo show them as buttons', () => {
    const resources = loadResources();
    for (const locale of ['vi', 'en'] as const) {
      const reg = resources[locale].registration as Record<string, Record<string, string>>;
      const longest = Object.values(reg.special!).reduce((a, b) => (b.length > a.length ? b : a));
      for (const section of ['choice', 'reason', 'special', 'sex', 'sector', 'item']) {
        for (const [key, label] of Object.entries(reg[section]!)) {
          const shown = label.replace('{{item}}', longest).replace('{{province}}', 'Bà Rịa - Vũng Tàu');
          expect([...shown].length, `${locale} registration.${section}.${key}: ${shown}`).toBeLessThanOrEqual(20);
        }
      }
    }
  });
});

describe('every state of the form', () => {
  const machine = createRootMachine(depsWithRegistration);
  const states = Object.keys(machine.root.states.registration!.states).filter((s) => s !== 'entry' && s !== 'route');
  const context: RootContext = {
    locale: 'vi',
    country: 'TW',
    countryAsked: true,
    trail: [],
    misses: 0,
    topic: 'return_registration',
    reg: { consented: true, draft: { fullName: 'Nguyen Thi Lan', country: 'TW' }, done: ['name'] },
  };
  const run = (state: string, event: FlowEvent) => {
    const actor = createActor(machine, { input: {}, snapshot: machine.resolveState({ value: { registration: state }, context }) });
    const emitted: Effect[] = [];
    actor.on('*', (e) => emitted.push(e as Effect));
    actor.start();
    actor.send(event);
    const value = actor.getSnapshot().value;
    actor.stop();
    return { value, emitted };
  };

  it('has them all covered here', () => {
    expect(states).toHaveLength(27);
  });

  it('reaches the menu and a person, and an emergency answered there leaves it where it was', () => {
    for (const state of states) {
      expect(run(state, { type: 'user.command', command: 'menu' }).value, state).toBe('menu');
      const staff = run(state, { type: 'user.command', command: 'staff' });
      expect(staff.value, state).toBe('staff');
      expect(staff.emitted, state).toContainEqual({ type: 'handoff', reason: 'asked', priority: 'normal', topic: 'return_registration' });
      const danger = run(state, { type: 'user.emergency', kinds: ['violence'], nlu: understood() });
      expect(danger.value, state).toEqual({ registration: state });
      expect(danger.emitted[0], state).toEqual({ type: 'hotlines', scope: 'emergency', country: 'TW', kinds: ['violence'] });
    }
  });
});
