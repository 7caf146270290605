// Plights the classifier alone used to hear, now read by rules of language (danger-plight.ts and the
// cut of runs typed without spaces), each on sentences written for this test (none is in a labelled
// file), both ways: the danger recognised by the rules alone, and its harmless look-alike not.
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../../src/core/content/index.ts';
import { analyze, createNlu } from '../../../src/core/nlu/index.ts';
import { concernOf, kindsOf } from './read-danger.ts';

const content = loadContent();
const nlu = createNlu({ articles: content.articles, countries: content.countries, dangerClassifier: null });
const alarms = (text: string) => nlu.understand(text).emergency.length > 0;
const words = (text: string) => analyze(text).tokens.map((t) => t.f).join(' ');

describe('hurt badly, and the ambulance or the hospital refused', () => {
  it.each([
    'chân anh Tú bị xe nâng cán dập nát, máu ra nhiều mà tổ trưởng cấm gọi cấp cứu',
    'chị bếp bị bỏng dầu cả cánh tay, bà chủ bảo chờ hết ca rồi tính',
    'thằng Khoa ngã từ mái xuống, giờ nôn liên tục, quản lý nói để mai tính',
    'my friend fainted twice in the field and the supervisor said no ambulance',
  ])('%s', (text) => {
    expect(alarms(text)).toBe(true);
  });
  it.each([
    'hôm trước chị bếp bị bỏng dầu, bà chủ bảo chờ hết ca nhưng rồi đã đưa đi viện, giờ khỏi rồi',
    'trong phim hôm qua có cảnh công nhân bị bỏng nặng mà quản đốc cấm gọi cấp cứu',
    'nếu bạn em bị ngất mà công ty không cho gọi cấp cứu thì báo ở đâu ạ',
    'em hơi cảm, leader không cho nghỉ nhưng em vẫn đi làm được, vậy có đúng luật không',
  ])('not: %s', (text) => {
    expect(alarms(text)).toBe(false);
  });
});

describe('food rationed by the one who feeds, or days hungry with nothing', () => {
  it.each([
    'bà chủ chỉ cho em ăn cơm thừa, mỗi ngày một bữa, em gầy rộc',
    'quản lý khóa tủ lạnh, bọn em chỉ được ăn mì gói một lần mỗi ngày',
    '4 ngày nay chưa ăn gì, chủ trại bỏ đi, không lương',
  ])('%s', (text) => {
    expect(alarms(text)).toBe(true);
  });
  it.each([
    'dạo này em ăn kiêng giảm cân, mỗi ngày chỉ ăn một bữa thôi',
    'em nhịn ăn để giảm cân, 3 ngày nay chưa ăn gì, tháng này không lương cũng chẳng sao',
  ])('not: %s', (text) => {
    expect(alarms(text)).toBe(false);
  });
});

describe('locked in from outside, or never let out of the house', () => {
  it.each([
    'tối nào bà ấy cũng khóa phòng em từ bên ngoài, sáng mới mở',
    'sang đây 7 tháng em chưa được bước ra khỏi cổng lần nào',
    'the boss locks our dorm from the outside every night',
  ])('%s', (text) => {
    expect(kindsOf(text)).toContain('confinement');
  });
  it.each([
    'bão to quá, ba hôm nay em chưa được bước ra khỏi nhà',
    'em quên chìa khóa nên cửa khóa từ bên ngoài, không vào được phòng',
    'con mèo bị khóa ở ban công từ bên ngoài cả buổi',
  ])('not: %s', (text) => {
    expect(kindsOf(text)).toEqual([]);
  });
});

describe('the family at home threatened', () => {
  it.each([
    'nếu em bỏ trốn thì tay cai nói sẽ cho người về tận quê xử bố mẹ em',
    'môi giới hăm ai mách đại sứ quán thì nó biết nhà em ở quê, sẽ đến đốt nhà',
  ])('%s', (text) => {
    expect(alarms(text)).toBe(true);
  });
  it('a friend going to visit the parents is no threat', () => {
    expect(alarms('bạn thân em biết nhà em ở quê, nếu tết này rảnh sẽ xuống tận nhà thăm bố mẹ em')).toBe(false);
  });
});

describe('someone close silent for days', () => {
  it.each([
    'con trai tôi làm ở Busan, 9 ngày nay không liên lạc được, công ty không trả lời',
    'chồng tôi sang Séc làm, từ hôm rằm tới giờ máy tắt',
  ])('%s', (text) => {
    expect(alarms(text)).toBe(true);
  });
  it.each([
    'con gái tôi 3 ngày không gọi về, hôm nay nó gọi lại rồi, nó bảo bận ca',
    'chồng tôi đi biển, mấy ngày nay tắt máy như mọi chuyến',
  ])('not: %s', (text) => {
    expect(alarms(text)).toBe(false);
  });
});

describe('a man of the house coming into the room at night', () => {
  it.each([
    'ông chủ tối nào say rượu cũng mò sang phòng em',
    'thằng quản lý nhắn đêm nay nó sẽ vào phòng em',
  ])('%s', (text) => {
    expect(kindsOf(text)).toContain('sexual_abuse');
  });
  it('a check of the fire alarm is no visit', () => {
    expect(kindsOf('tối nay quản lý sẽ vào phòng em kiểm tra điều hòa')).toEqual([]);
  });
});

describe('a drink that took the memory away, and sex said without its word', () => {
  it.each([
    'hôm qua ông ta ép em uống cái gì đó rồi em không nhớ gì, tỉnh dậy ở khách sạn',
    'cai bắt em ở lại làm vợ ông ta để trả nợ, em không muốn',
  ])('%s', (text) => {
    expect(kindsOf(text)).toContain('sexual_abuse');
  });
  it('a medicine the doctor gave is no drugging', () => {
    expect(kindsOf('bác sĩ cho em uống thuốc gì đó rồi em thấy chóng mặt, có sao không ạ')).toEqual([]);
  });
});

describe('a cry typed without spaces', () => {
  it('two rarer syllables that make a known phrase are cut as that phrase', () => {
    expect(words('embidoagietroi')).toBe('em bi doa giet roi');
    expect(kindsOf('embidoagietroi')).toContain('violence');
  });
  it('a run with numbers in it is cut around the numbers', () => {
    expect(words('chulamemtu6hsangden1hdemkochongu')).toContain('6h sang den 1h dem');
  });
  it('a run that already cut well is cut as before', () => {
    expect(words('emmuonchetroi')).toBe('em muon chet roi');
  });
});

describe('a farewell said softly', () => {
  it.each([
    'từ nay mọi người không ai phải lo cho em nữa đâu',
    'i am so tired of this life, nobody here cares',
    'mấy hôm nay em cứ sợ chính mình, không dám ở một mình',
    'tối nay em đi thật xa, chả còn ai thương em',
  ])('%s', (text) => {
    expect(concernOf(text)).toBeDefined();
  });
  it.each([
    'được nghỉ 3 ngày, tối nay em ngủ một giấc dài luôn',
    'em đứng ở ban công tầng 9 ngắm pháo hoa đẹp lắm',
    'mẹ ơi đừng nghĩ quẩn, con vẫn ổn mà',
  ])('not: %s', (text) => {
    expect(concernOf(text)).toBeUndefined();
  });
});
