// Danger detection: safety-critical, run on every message. Each kind in Vietnamese with and without
// marks and in English; and the sentences that mention danger without being in it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DANGER_KINDS, analyze, detectDanger } from '../../../src/core/nlu/index.ts';

const kindsOf = (text: string) => {
  const a = analyze(text);
  return detectDanger(a.tokens, a.lang);
};

describe('danger is found', () => {
  it.each([
    // violence
    ['tôi bị đánh', 'violence'],
    ['toi bi danh', 'violence'],
    ['e bi chu danh', 'violence'],
    ['bị ông chủ đánh đập', 'violence'],
    ['quan ly danh em sung mat', 'violence'],
    ['bà chủ tát em', 'violence'],
    ['ba chu tat em', 'violence'],
    ['nó đập đầu em vào tường', 'violence'],
    ['em bị bạo hành', 'violence'],
    ['bi nguoc dai', 'violence'],
    ['chủ dọa giết em', 'violence'],
    ['ông chủ cầm dao dọa em', 'violence'],
    ['bà chủ không cho ăn', 'violence'],
    ['my boss beats me', 'violence'],
    ['her employer beats her', 'violence'],
    ['I am being abused', 'violence'],
    ['he threatens to kill me', 'violence'],
    ['bả đánh em hoài', 'violence'],
    ['em bị đạp vào bụng', 'violence'],
    ['they threatened to hurt my family', 'violence'],
    // confinement
    ['họ nhốt em trong phòng', 'confinement'],
    ['em ko được phép ra khỏi nhà', 'confinement'],
    ['bọn chúng giữ em, đòi gia đình trả tiền', 'confinement'],
    ['they are holding me against my will', 'confinement'],
    ['bi nhot', 'confinement'],
    ['chủ không cho em ra ngoài', 'confinement'],
    ['khong cho ra khoi nha 1 thang roi', 'confinement'],
    ['bị giữ hộ chiếu và không cho về', 'confinement'],
    ['chu khong cho em ve nuoc', 'confinement'],
    ['cong ty giu passport cua em, em muon ve', 'confinement'],
    ['không được liên lạc với gia đình', 'confinement'],
    ['they locked me in the house', 'confinement'],
    ['I am not allowed to leave the house', 'confinement'],
    ['they took my passport and will not let me leave', 'confinement'],
    // sexual abuse and harassment
    ['bị quấy rối', 'sexual_abuse'],
    ['bi quay roi tinh duc', 'sexual_abuse'],
    ['ông chủ sàm sỡ em', 'sexual_abuse'],
    ['con chủ nhà hiếp em', 'sexual_abuse'],
    ['em bị xâm hại', 'sexual_abuse'],
    ['ông chủ ép em quan hệ', 'sexual_abuse'],
    ['quan ly doi ngu voi em moi cho nghi', 'sexual_abuse'],
    ['my employer sexually harassed me', 'sexual_abuse'],
    ['he raped me', 'sexual_abuse'],
    ['my manager touches me', 'sexual_abuse'],
    // self-harm
    ['em muốn chết', 'self_harm'],
    ['muon chet qua', 'self_harm'],
    ['em ko muon song nua', 'self_harm'],
    ['chắc em tự tử mất', 'self_harm'],
    ['em muon tu tu', 'self_harm'],
    ['chán sống lắm rồi', 'self_harm'],
    ['i want to kill myself', 'self_harm'],
    ["I don't want to live anymore", 'self_harm'],
    // arrest and detention
    ['bị bắt rồi', 'arrest'],
    ['em bi cong an bat roi', 'arrest'],
    ['chồng em bị cảnh sát Malaysia bắt', 'arrest'],
    ['ban em dang bi giam o tram xuat nhap canh', 'arrest'],
    ['đang ở trại giam', 'arrest'],
    ['em đang ở trong tù', 'arrest'],
    ['I was arrested by immigration police', 'arrest'],
    ['I am held in a police station', 'arrest'],
    // trafficking and forced labour
    ['em bị bán sang Trung Quốc', 'trafficking'],
    ['bị lừa sang Campuchia làm online', 'trafficking'],
    ['bi lua qua cam lam lua dao online', 'trafficking'],
    ['họ ép em làm việc không lương', 'trafficking'],
    ['bị bắt làm 16 tiếng mỗi ngày', 'trafficking'],
    ['bon no doi tien chuoc', 'trafficking'],
    ['làm việc như nô lệ', 'trafficking'],
    ['I was trafficked', 'trafficking'],
    ['they forced me to work without pay', 'trafficking'],
    // danger, a cry for help
    ['cứu tôi', 'danger'],
    ['cuu toi', 'danger'],
    ['cuuuu', 'danger'],
    ['cứu với', 'danger'],
    ['ai cứu em với', 'danger'],
    ['tôi đang gặp nguy hiểm', 'danger'],
    ['toi dang gap nguy hiem', 'danger'],
    ['tính mạng em bị đe dọa', 'danger'],
    ['cần hỗ trợ gấp', 'danger'],
    ['I am in danger', 'danger'],
    ['help me', 'danger'],
    ['please help me', 'danger'],
    ['sos', 'danger'],
    ['this is an emergency', 'danger'],
  ])('%s → %s', (text, kind) => {
    expect(kindsOf(text)).toContain(kind);
  });

  it('reports every kind in a message, in a stable order', () => {
    expect(kindsOf('cứu em, chủ đánh em và nhốt em trong phòng')).toEqual(['violence', 'confinement', 'danger']);
  });

  it('cries for help and self-harm count even when denied or supposed', () => {
    expect(kindsOf('không ai cứu em')).toContain('danger');
    expect(kindsOf('nếu không về được chắc em tự tử mất')).toContain('self_harm');
  });

  it('finds danger at the end of a long message', () => {
    const long = `${'em muốn hỏi về thủ tục thanh lý hợp đồng và tiền ký quỹ. '.repeat(60)}giờ chủ đang đánh em`;
    expect(kindsOf(long)).toContain('violence');
  });
});

describe('danger is not found', () => {
  it.each([
    // denied
    'em không bị đánh',
    'em ko bị đánh, chỉ muốn hỏi về tiền ký quỹ',
    'không ai đánh em cả, em chỉ hỏi thôi',
    'em chưa bao giờ bị đánh',
    'chua bi bat lan nao',
    'không có ai quấy rối em cả',
    "I'm not being abused, just asking about wages",
    // supposed, asked about
    'nếu bị bắt thì sao',
    'neu bi chu danh thi co duoc cham dut hop dong khong',
    'ở lậu có bị bắt không',
    'trốn ra ngoài có bị bắt không ạ',
    'lỡ bị bắt thì có bị tù không',
    'nếu gặp nguy hiểm thì gọi ai',
    'what if I get arrested for overstaying',
    'in case of emergency who do i call',
    'Nhật có nguy hiểm không ạ',
    // the past, someone else's story
    'trước đây em từng bị quấy rối nhưng giờ về rồi',
    'hồi trước em từng bị nhốt nhưng giờ ổn rồi',
    'đọc báo thấy lao động bị đánh ở Đài, lo quá',
    'phim này có cảnh bị đánh ghê quá',
    'I was beaten years ago but now I am fine, I just want my deposit',
    // harmless senses of the same words
    'từ từ đã để em hỏi lại chủ',
    'tu tu da ad',
    'hôm nay em bị bận',
    'đánh giá công ty này thế nào',
    'em đánh rơi điện thoại',
    'danh sach cong ty xuat khau lao dong',
    'bị giảm lương có khiếu nại được không',
    'bắt đầu làm việc từ tháng sau',
    'bắt xe buýt đi làm',
    'cty ko cho biết về tiền ký quỹ',
    'bóng đá tối nay',
    'em vẫn làm ở công ty cũ',
    'bi cong ty giu the cu tru',
    'tư vấn giúp em',
    'quá hạn visa muốn về nước',
    'nhốt gà vào chuồng',
    'xem video người ta bị đánh',
    'bị bắt lỗi vì đi làm muộn',
    'em bị nghiệp đoàn bắt về nước trước hạn vì công ty hết việc',
    // general questions about a word or a case
    'khi bị quấy rối thì nên làm gì',
    'what counts as harassment at work',
    'what is forced labour',
    'cưỡng bức lao động là gì',
    // numbers and lines, not danger
    'emergency number in Taiwan',
    'emergency passport',
    'trường hợp khẩn cấp thì gọi số nào',
    'đường dây nóng chống mua bán người',
    'human trafficking hotline',
    'người lao động chết ở nước ngoài gia đình được hỗ trợ bao nhiêu',
    'bị tai nạn lao động có được hỗ trợ không',
    'can you help me with my contract',
    'help me understand the fund',
    'help',
  ])('%s', (text) => {
    expect(kindsOf(text)).toEqual([]);
  });

  it('only ever reports known kinds, on any input', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (s) => {
        for (const k of kindsOf(s)) expect(DANGER_KINDS).toContain(k);
      }),
      { numRuns: 300 },
    );
  });
});
