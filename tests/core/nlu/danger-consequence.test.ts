// The consequence layer: danger told by its objects and consequences, never named. Each composition
// in sentences written for this test (not in any labelled file), with and without marks, in chat
// spellings and English — and the near-misses that share its words but are not danger now.
import { describe, expect, it } from 'vitest';
import { concernOf, kindsOf } from './read-danger.ts';


describe('a body part worse, and care denied or hidden', () => {
  it.each([
    ['chân em bị máy kẹp, giờ sưng tím cả lên mà tổ trưởng bảo bôi dầu là hết'],
    ['ngon chan e sung vu chay mu, ong chu ko cho di kham'],
    ['vết bỏng trên lưng chị ấy mưng mủ rồi, bà chủ giấu chị ấy trong phòng khi có người tới'],
    ['bj ban tay e te liet luon r, sep kiu ráng làm tiếp ca dem'],
    ['his arm is swollen and purple since Monday, the foreman says just a bandage and keep working'],
    ['her wound smells and the agency will not take her to a clinic'],
    ['làm trong lò từ trưa, giờ em ngất hai lần, cai bắt làm tiếp'],
  ])('%s', (text) => {
    expect(kindsOf(text)).toContain('danger');
  });

  it.each([
    // hurt, but cared for or mild
    ['tay em bị sưng nhẹ, chủ chở em đi khám rồi, bác sĩ nói không sao'],
    ['tay bị bỏng nhẹ lúc nấu cơm, em tự bôi thuốc rồi'],
    // in the past, over
    ['năm ngoái chân em sưng to mà chủ không cho đi khám, giờ về VN rồi, hỏi quỹ có hỗ trợ không'],
    // supposed
    ['nếu tay bị sưng mà chủ không cho đi khám thì gọi số nào'],
    ['my hand is a bit swollen from typing, should I rest'],
  ])('not danger: %s', (text) => {
    expect(kindsOf(text)).toEqual([]);
  });
});

describe('papers or a phone held by another, as a leash', () => {
  it.each([
    ['hộ chiếu của em ông chủ khóa trong két sắt, nói làm đủ 3 năm mới trả'],
    ['cty cam the cu tru cua tui e, tui e ko dam ra duong vi so bi bat'],
    ['môi giới giữ passport, 5 tháng rồi không trả lương'],
    ['the agent keeps our passports in her safe and says until we pay the fee'],
    ['kafeel has my iqama, he says if I run away the police will arrest me'],
  ])('%s', (text) => {
    expect(kindsOf(text)).toContain('confinement');
  });

  it.each([
    ['công ty giữ hộ chiếu để làm visa, tuần sau trả'],
    ['cty giu ho chieu de gia han the cu tru, may ngay nua tra'],
    ['the company keeps my passport to process the visa renewal, they will return it next week'],
    ['nếu chủ giữ hộ chiếu không trả lương thì báo ai'],
    ['hồi trước chủ cất hộ chiếu trong két, nhưng đã trả lại rồi, giờ ổn'],
    ['em cất hộ chiếu trong két sắt ở phòng cho an toàn'],
  ])('not danger: %s', (text) => {
    expect(kindsOf(text)).toEqual([]);
  });
});

describe('a quota of people to cheat', () => {
  it.each([
    ['ở đây mỗi ngày giao chỉ tiêu phải dụ được 3 khách nạp tiền'],
    ['chi tieu ko dat la bi chich dien'],
    ['they give us a daily quota to scam people on facebook'],
  ])('%s', (text) => {
    expect(kindsOf(text)).toContain('trafficking');
  });

  it.each([['xưởng giao chỉ tiêu 500 sản phẩm một ngày, không đủ bị trừ lương, vậy có đúng luật không'], ['my sales target this month is very high']])(
    'not danger: %s',
    (text) => {
      expect(kindsOf(text)).toEqual([]);
    },
  );
});

describe('not free to talk', () => {
  it.each([
    ['chị em gọi về mà có người ngồi cạnh, nói được hai câu là tắt máy'],
    ['dt e bi kiem tra hang dem, nhan xong e xoa lien'],
    ['my sister whispered that someone is next to her, then hung up'],
  ])('%s', (text) => {
    expect(kindsOf(text)).toContain('confinement');
  });

  it.each([['em đang ở thư viện nên nói nhỏ, lát gọi lại nha'], ['mạng yếu quá, đang nói thì tắt máy']])('not danger: %s', (text) => {
    expect(kindsOf(text)).toEqual([]);
  });
});

describe('a secret imposed after a night', () => {
  it('with the body showing it', () => {
    expect(kindsOf('từ tối hôm đó ông chủ dặn em không được kể với ai, giờ em có thai')).toContain('sexual_abuse');
  });
  it('not a surprise kept for a party', () => {
    expect(kindsOf('chị bạn dặn giữ bí mật chuyện sinh nhật, tối nay làm tiệc')).toEqual([]);
  });
});

describe('hyperbole, stories and worry', () => {
  it.each([
    ['mệt muốn chết, hôm nay làm 12 tiếng'],
    ['muốn chết vì hồ sơ bị trả lại lần nữa'],
    ['I am writing a report on trafficking of fishermen, which hotline handles trafficking cases'],
    ['mẹ em cứ sợ em bị bán sang Trung Quốc, em ở Đài ổn lắm'],
    ['hôm qua em bị nhốt trong thang máy 15 phút, bảo vệ mở ra rồi'],
    ['my brother says the factory is killing him, he laughs, it is just overtime'],
  ])('not danger: %s', (text) => {
    expect(kindsOf(text)).toEqual([]);
  });
});

describe('farewells in English and the "not here any more" shape', () => {
  it.each([
    ['I wrote a letter to my parents. I do not think I can keep going'],
    ['e k ổn lắm, có gì thì nhờ chị nhắn cho gia đình e'],
    ['thôi không cần hỏi nữa, mai em không còn ở đây để nhận đâu'],
  ])('%s', (text) => {
    expect(concernOf(text)).toMatch(/farewell|self_harm|concern/);
  });

  it.each([['tháng sau em không còn ở đây nữa, em chuyển sang xưởng khác'], ['I wrote a letter to the company about my salary']])('not a farewell: %s', (text) => {
    expect(concernOf(text)).toBeUndefined();
  });
});
