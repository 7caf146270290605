import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  asksForStatus,
  asksToRegister,
  isNotPast,
  localToday,
  parseContact,
  parseDate,
  parseFullName,
  parsePassport,
  parseSex,
  parseSpecial,
  referenceIn,
  type Day,
} from '../../flows/registration-input.ts';
import { flexDateSchema } from '../../src/core/registration.ts';

const TODAY: Day = { y: 2026, m: 11, d: 25 };

describe('dates as people type them', () => {
  it('reads days, months and parts of months, day first', () => {
    const cases: [string, 'birth' | 'contractEnd' | 'return', unknown][] = [
      ['12/3/2026', 'contractEnd', { day: '2026-03-12' }],
      ['12-3-2026', 'contractEnd', { day: '2026-03-12' }],
      ['12.3.26', 'contractEnd', { day: '2026-03-12' }],
      ['2026-03-12', 'contractEnd', { day: '2026-03-12' }],
      ['ngày 12 tháng 3 năm 2026', 'contractEnd', { day: '2026-03-12' }],
      ['12 thang 3 2026', 'contractEnd', { day: '2026-03-12' }],
      ['mùng 5 tháng 4', 'return', { day: '2027-04-05' }],
      ['12 t3', 'return', { day: '2027-03-12' }],
      ['12th March 2027', 'return', { day: '2027-03-12' }],
      ['March 12, 2027', 'return', { day: '2027-03-12' }],
      ['thg 3', 'return', { month: '2027-03' }],
      ['t12', 'return', { month: '2026-12' }],
      ['tháng ba', 'return', { month: '2027-03' }],
      ['thang chap', 'return', { month: '2026-12' }],
      ['tháng sáu', 'return', { month: '2027-06' }],
      ['thang 3 nam 2027', 'return', { month: '2027-03' }],
      ['03/2027', 'return', { month: '2027-03' }],
      ['giữa tháng 1', 'return', { month: '2027-01', part: 'mid' }],
      ['dau thang 12', 'return', { month: '2026-12', part: 'early' }],
      ['mid-January 2027', 'return', { month: '2027-01', part: 'mid' }],
      ['the end of December', 'return', { month: '2026-12', part: 'late' }],
      ['thang sau', 'return', { month: '2026-12' }],
      ['next month', 'return', { month: '2026-12' }],
      ['hom nay', 'return', { day: '2026-11-25' }],
      ['ngày mai', 'return', { day: '2026-11-26' }],
      ['25/12/95', 'birth', { day: '1995-12-25' }],
      ['1/1/05', 'birth', { day: '2005-01-01' }],
      ['29/2/2024', 'contractEnd', { day: '2024-02-29' }],
    ];
    for (const [text, field, value] of cases) expect(parseDate(text, field, TODAY), text).toEqual({ ok: true, value });
  });

  it('refuses impossible values and says why', () => {
    const cases: [string, 'birth' | 'contractEnd' | 'return', string][] = [
      ['31/2/2026', 'contractEnd', 'invalid'],
      ['29/2/2026', 'contractEnd', 'invalid'],
      ['0/3/2026', 'contractEnd', 'invalid'],
      ['12/13/2026', 'contractEnd', 'invalid'],
      ['thang 13', 'return', 'invalid'],
      ['cuối năm', 'return', 'format'],
      ['2027', 'return', 'format'],
      ['soon', 'return', 'format'],
      ['cuoi 12/3/2027', 'return', 'format'],
      ['24/11/2026', 'return', 'past'],
      ['cuoi thang 10/2026', 'return', 'past'],
      ['1/1/2031', 'return', 'tooFar'],
      ['26/11/2026', 'birth', 'future'],
      ['25/11/2012', 'birth', 'tooYoung'],
      ['3/1990', 'birth', 'needDay'],
      ['12/3', 'birth', 'needYear'],
      ['1/1/1920', 'birth', 'tooOld'],
      ['1/1/1990', 'contractEnd', 'tooOld'],
    ];
    for (const [text, field, error] of cases) expect(parseDate(text, field, TODAY), text).toEqual({ ok: false, error });
  });

  it('a month still has days left in it: late November is not past on the 25th, early November is', () => {
    expect(parseDate('cuoi thang 11', 'return', TODAY)).toEqual({ ok: true, value: { month: '2026-11', part: 'late' } });
    expect(parseDate('thang 11', 'return', TODAY)).toEqual({ ok: true, value: { month: '2026-11' } });
    expect(parseDate('dau thang 11/2026', 'return', TODAY)).toEqual({ ok: false, error: 'past' });
    expect(isNotPast({ month: '2026-11', part: 'mid' }, TODAY)).toBe(false);
    expect(isNotPast({ month: '2026-11', part: 'late' }, TODAY)).toBe(true);
    expect(isNotPast({ day: '2026-11-25' }, TODAY)).toBe(true);
  });

  it('without today it still checks the calendar, and asks for the year', () => {
    expect(parseDate('12/3/2027', 'return', undefined)).toEqual({ ok: true, value: { day: '2027-03-12' } });
    expect(parseDate('12/3', 'return', undefined)).toEqual({ ok: false, error: 'needYear' });
    expect(parseDate('hom nay', 'return', undefined)).toEqual({ ok: false, error: 'format' });
  });

  it('reads "today" in the time zone', () => {
    const at = Date.parse('2026-11-30T16:30:00Z');
    expect(localToday(at, 'Asia/Tokyo')).toEqual({ y: 2026, m: 12, d: 1 });
    expect(localToday(at, 'Europe/Bucharest')).toEqual({ y: 2026, m: 11, d: 30 });
    expect(localToday(at, 'Not/AZone')).toEqual({ y: 2026, m: 11, d: 30 });
  });

  it('never returns a day that is not in the calendar, nor a birth date in the future, whatever is typed', () => {
    const typed = fc.oneof(
      fc.string(),
      fc.tuple(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 14 }), fc.integer({ min: 0, max: 2100 }), fc.constantFrom('/', '-', '.', ' ')).map(([d, m, y, s]) => `${d}${s}${m}${s}${y}`),
      fc.tuple(fc.constantFrom('thang ', 'cuoi thang ', 'dau thang ', 't'), fc.integer({ min: 0, max: 14 })).map(([w, m]) => `${w}${m}`),
    );
    fc.assert(
      fc.property(typed, fc.constantFrom('birth', 'contractEnd', 'return' as const), (text, field) => {
        const r = parseDate(text, field, TODAY);
        if (!r.ok) return;
        expect(flexDateSchema.safeParse(r.value).success).toBe(true);
        if (field === 'birth') expect('day' in r.value && r.value.day < '2026-11-25').toBe(true);
        if (field === 'return') expect(isNotPast(r.value, TODAY)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('the other answers', () => {
  it('full names', () => {
    expect(parseFullName('nguyễn văn an')).toEqual({ ok: true, value: 'Nguyễn Văn An' });
    expect(parseFullName('NGUYEN VAN AN')).toEqual({ ok: true, value: 'NGUYEN VAN AN' });
    expect(parseFullName("  Lê   Thị  Ngọc Ánh ")).toEqual({ ok: true, value: 'Lê Thị Ngọc Ánh' });
    for (const bad of ['An', 'Nguyen', 'Nguyen Van 2', 'a b c d e f g h', '@@ @@', '']) expect(parseFullName(bad).ok, bad).toBe(false);
  });

  it('passports', () => {
    expect(parsePassport('C1234567')).toEqual({ ok: true, value: { status: 'held', number: 'C1234567' } });
    expect(parsePassport('so ho chieu: c 123 4567')).toEqual({ ok: true, value: { status: 'held', number: 'C1234567' } });
    expect(parsePassport('B-7654321')).toEqual({ ok: true, value: { status: 'held', number: 'B7654321' } });
    expect(parsePassport('bị mất rồi')).toEqual({ ok: true, value: { status: 'lost' } });
    expect(parsePassport('ông chủ giữ')).toEqual({ ok: true, value: { status: 'employer' } });
    expect(parsePassport('my employer keeps it')).toEqual({ ok: true, value: { status: 'employer' } });
    for (const bad of ['123', 'khong nho', 'CC12']) expect(parsePassport(bad).ok, bad).toBe(false);
  });

  it('contacts', () => {
    expect(parseContact('0912.345.678')).toEqual({ ok: true, value: { kind: 'phone', value: '0912345678' } });
    expect(parseContact('(+81) 90-1234-5678')).toEqual({ ok: true, value: { kind: 'phone', value: '+819012345678' } });
    expect(parseContact('0084 912 345 678')).toEqual({ ok: true, value: { kind: 'phone', value: '+84912345678' } });
    expect(parseContact('email: a.b@gmail.com')).toEqual({ ok: true, value: { kind: 'email', value: 'a.b@gmail.com' } });
    expect(parseContact('Facebook Lan Nguyen')).toEqual({ ok: true, value: { kind: 'other', value: 'Facebook Lan Nguyen' } });
    for (const bad of ['1234567', 'goi em', '', 'x'.repeat(130)]) expect(parseContact(bad).ok, bad).toBe(false);
  });

  it('special situations', () => {
    expect(parseSpecial('2 1')).toEqual({ ok: true, value: ['pregnant', 'injured'] });
    expect(parseSpecial('1, 1, 3')).toEqual({ ok: true, value: ['pregnant', 'sick'] });
    expect(parseSpecial('bị tai nạn, đang ốm')).toEqual({ ok: true, value: ['injured', 'sick'] });
    expect(parseSpecial('không')).toEqual({ ok: true, value: [] });
    expect(parseSpecial('none')).toEqual({ ok: true, value: [] });
    for (const bad of ['0', '7', '5 2', 'abc']) expect(parseSpecial(bad).ok, bad).toBe(false);
  });

  it('sex', () => {
    expect(parseSex('nữ')).toEqual({ ok: true, value: 'female' });
    expect(parseSex('Nam')).toEqual({ ok: true, value: 'male' });
    expect(parseSex('không muốn trả lời')).toEqual({ ok: true, value: 'undisclosed' });
    expect(parseSex('gi do').ok).toBe(false);
  });
});

describe('the form’s own words', () => {
  it('register, check, and references', () => {
    for (const t of ['Đăng ký về nước', 'dang ky ve nuoc', 'dk ve nuoc', 'em muon dang ki ve viet nam', 'I want to register my return', 'register to go home']) {
      expect(asksToRegister(t), t).toBe(true);
    }
    for (const t of ['kiểm tra đăng ký', 'kiem tra dang ky ABC234', 'check my registration', 'xem lại đăng ký', 'tình trạng hồ sơ', 'registration status']) {
      expect(asksForStatus(t), t).toBe(true);
      expect(asksToRegister(t), t).toBe(false);
    }
    for (const t of ['thu tuc thanh ly hop dong', 'dang ky', 've nuoc', 'so dien thoai dai su quan']) {
      expect(asksToRegister(t) || asksForStatus(t), t).toBe(false);
    }
    expect(referenceIn('kiem tra dang ky k7m3qx')).toBe('K7M3QX');
    expect(referenceIn('ma: K7M3QX.')).toBe('K7M3QX');
    expect(referenceIn('check CAMERA')).toBeUndefined();
    expect(referenceIn('so 234678')).toBeUndefined();
    expect(referenceIn('O0I1L5')).toBeUndefined();
  });
});
