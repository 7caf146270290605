// Rules of language the unseen-q batch exposed, each shown on paraphrases written for this test
// (none is in a labelled file), both ways: the danger recognised, and its harmless look-alike not.
import { describe, expect, it } from 'vitest';
import { kindsOf } from './read-danger.ts';

describe('taken by the water now', () => {
  it.each([
    'chồng em tắm biển bị sóng cuốn đi rồi, cứu hộ chưa tới',
    'thang ban cung phong bi nuoc lu cuon troi luc sang, gio chua tim thay',
    'my friend was swept away by the river an hour ago, nobody is coming',
  ])('%s', (text) => {
    expect(kindsOf(text)).toContain('danger');
  });
  it.each([
    'đi biển chơi bị sóng cuốn mất dép, tiếc ghê',
    'hôm qua xém bị sóng cuốn, may mà bơi vào được',
    'hồi nhỏ em từng suýt chết đuối ở sông quê',
    'ở quê mưa to, nước lũ cuốn trôi hết ruộng lúa nhà em',
    'anh họ em chết đuối ở Nhật tháng trước, gia đình có được quỹ hỗ trợ không',
  ])('a thing the wave took, or a near miss, is no danger: %s', (text) => {
    expect(kindsOf(text)).toEqual([]);
  });
});

describe('a supposition the writer then says is theirs', () => {
  it.each([
    'cho em hỏi nếu bị chủ giữ lại không cho ra ngoài thì báo ai. em đang bị như thế',
    'if my boss locks me in what should I do? this is happening to me',
  ])('%s', (text) => {
    expect(kindsOf(text)).toContain('confinement');
  });
  it('asked ahead, with nothing said of now, it stays a question', () => {
    expect(kindsOf('cho em hỏi nếu bị chủ giữ lại không cho ra ngoài thì báo ai. em sắp sang Đài')).toEqual([]);
  });
});

describe('everyday senses of the words of danger', () => {
  it.each([
    'công thức làm thịt gà bị đập dập rồi ướp sả',
    '"bị đánh" tiếng Hàn nói thế nào vậy ad',
    'tối qua xem đội tuyển đá, thua muốn chết luôn',
    'thuốc trừ sâu cho cây ớt ngoài vườn thì dùng loại nào',
    'bị cảm 3 hôm, uống thuốc ngủ một đêm là đỡ rồi',
  ])('%s', (text) => {
    expect(kindsOf(text)).toEqual([]);
  });
  it.each([
    ['đang nấu cơm thì bị chủ đập vào đầu', 'violence'],
    ['em bị chủ nhốt, tiếng Nhật nói sao để gọi cảnh sát', 'confinement'],
    ['nợ nhiều quá, chán đời, muốn chết', 'self_harm'],
    ['em mua chai thuốc trừ sâu rồi, tối nay uống cho xong', 'self_harm'],
    ['uống hết vỉ thuốc ngủ rồi', 'self_harm'],
  ])('the danger itself still counts: %s', (text, kind) => {
    expect(kindsOf(text)).toContain(kind);
  });
});

describe('harm over, the worker home and safe', () => {
  it('is a question of the contract', () => {
    expect(kindsOf('em bị chủ đánh nên phải chấm dứt hợp đồng về sớm, giờ đã ở nhà an toàn rồi')).toEqual([]);
  });
  it('still at the employer’s, it counts', () => {
    expect(kindsOf('em bị chủ đánh, giờ vẫn ở nhà chủ, sợ lắm')).toContain('violence');
  });
});
