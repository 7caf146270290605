// Danger detection: safety-critical, run on every message. Each kind in Vietnamese with and without
// marks and in English; and the sentences that mention danger without being in it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DANGER_KINDS, analyze, detectDanger } from '../../../src/core/nlu/index.ts';
import { DANGER_RULES } from '../../../src/core/nlu/danger-rules.ts';

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

describe('danger said indirectly, in dialect or in slang', () => {
  it.each([
    // Southern / Central speech and chat spellings
    ['ổng uýnh tui quá trời', 'violence'],
    ['bả hổng cho tui ra khỏi nhà', 'confinement'],
    ['chủ hông cho em dìa quê', 'confinement'],
    ['bị tụi nó đá vô bụng', 'violence'],
    ['sếp thụi vào mặt em', 'violence'],
    ['madam vả vào mặt em', 'violence'],
    ['bị ăn đòn suốt', 'violence'],
    ['nó lấy gậy rượt em chạy', 'violence'],
    ['chủ hù sẽ chém nếu em đi báo', 'violence'],
    ['bà chủ tạt nước sôi lên người em', 'violence'],
    ['bả bắt em nhịn đói cả ngày', 'violence'],
    ['đang bị boss lock trong kho', 'confinement'],
    // the phone, the door, the sea
    ['họ không cho em xài điện thoại', 'confinement'],
    ['điện thoại của em bị chủ giữ mất rồi', 'confinement'],
    ['em phải mượn lén máy bạn để nhắn', 'confinement'],
    ['mụ chủ khóa cửa từ ngoài', 'confinement'],
    ['thuyền trưởng không cho ai lên bờ', 'confinement'],
    ['cả đoàn bị giữ trên tàu ngoài khơi', 'confinement'],
    ['họ không cho tụi em gọi điện về', 'confinement'],
    ['bị đuổi ra đường lúc nửa đêm', 'danger'],
    ['tui không biết mình đang ở đâu nữa', 'danger'],
    ['em trốn thoát được rồi nhưng không có tiền', 'danger'],
    ['bạn em mất liên lạc 2 tuần nay', 'danger'],
    ['không ai đưa em đi bệnh viện', 'danger'],
    // touching, the room at night, cameras
    ['ông chủ hay rờ đùi em', 'sexual_abuse'],
    ['ông ấy cứ đụng chạm vào người em', 'sexual_abuse'],
    ['tối qua nó lẻn vào phòng em', 'sexual_abuse'],
    ['con trai chủ gạ em lên giường', 'sexual_abuse'],
    ['chủ lắp camera trong nhà tắm', 'sexual_abuse'],
    ['có camera chĩa vào chỗ em thay đồ', 'sexual_abuse'],
    // detention, in slang
    ['thằng em tui bị công an hốt rồi', 'arrest'],
    ['cảnh sát tóm cả nhóm lao động chui', 'arrest'],
    ['em đang ở trại tạm giữ', 'arrest'],
    ['police took my brother away', 'arrest'],
    // scam compounds and being sold
    ['tụi nó bắt em chat lừa người ta', 'trafficking'],
    ['bị dẫn qua biên giới ban đêm', 'trafficking'],
    ['em ở Bavet, muốn về mà họ không cho', 'trafficking'],
    ['đang ở đặc khu, họ đòi gia đình 4000 đô', 'trafficking'],
    ['I was lured into a scam centre', 'trafficking'],
    // self-harm said indirectly
    ['sống để làm gì nữa', 'self_harm'],
    ['em uống hết lọ thuốc ngủ rồi', 'self_harm'],
    ['em chỉ muốn biến mất', 'self_harm'],
    ['cả nhà sẽ tốt hơn nếu không có con', 'self_harm'],
    ['mệt mỏi lắm rồi, em muốn giải thoát', 'self_harm'],
    ['chán lắm, em không chịu nổi nữa', 'self_harm'],
    ['em đang đứng trên mái nhà', 'self_harm'],
    ['vĩnh biệt mọi người', 'self_harm'],
    ['chán đời quá', 'self_harm'],
    ['I just want to disappear, I am so tired', 'self_harm'],
    ['nobody will miss me', 'self_harm'],
    // threats whose "if" is the threat's condition, not a supposition
    ['nó dọa nếu em nói ra sẽ giết em', 'violence'],
    ['he threatened that if I leave he will kill me', 'violence'],
    // negation that belongs to something else
    ['ai không làm đủ là bị đánh', 'violence'],
    ['không ký là không cho ra khỏi phòng', 'confinement'],
    // hearsay about the user's own relative
    ['nghe nói chồng em bị bắt ở Malaysia', 'arrest'],
    // a short plea in fear
    ['giúp tôi với, tôi sợ quá', 'danger'],
    // cut off, out of contact, put out on the street
    ['họ không cho chị ấy nói chuyện với ai', 'confinement'],
    ['anh ấy 3 tuần nay không gọi về, không ai biết ở đâu', 'danger'],
    ['bị đuổi khỏi nhà trọ, phải ngủ ngoài ga', 'danger'],
    // the passport held and leaving priced, or a signature forced with it
    ['chủ giữ hộ chiếu, đòi 1000 đô mới trả', 'confinement'],
    ['công ty giữ passport và ép em ký giấy tự nguyện', 'confinement'],
    // sleeping with, said three ways; at the door at night
    ['ông chủ đòi em ngủ chung giường', 'sexual_abuse'],
    ['tối nào nó cũng gõ cửa đòi vô', 'sexual_abuse'],
    // "tôi" before "bị bán" is the user's own, not "tội" (a crime)
    ['cháu tôi bị bán cho chủ khác', 'trafficking'],
    ['em không thể chịu nổi nữa, xin lỗi bố mẹ', 'self_harm'],
    // host-country words and Gen-Z spellings read as the Vietnamese they stand for
    ['sajang đấm vào mặt tụi em', 'violence'],
    ['kafeel khóa cửa không cho em ra', 'confinement'],
    ['em bj keisatsu bắt rồi', 'arrest'],
    ['e ko mún sống nữa', 'self_harm'],
    ['agensi giữ pasport, đòi 3000 ringgit mới trả', 'confinement'],
    ['lão bản tát em', 'violence'],
    // a long way between "bị" and the blow; what a beating leaves
    ['bị mấy thằng say rượu ngoài quán đánh', 'violence'],
    ['tụi nó đánh gãy tay anh em', 'violence'],
    // threats said as harm someone will do
    ['chủ nói nếu em báo cảnh sát sẽ cho người xử em', 'violence'],
    ['nó dọa chặt tay em', 'violence'],
    ['ông ấy bắt em nằm chung giường', 'sexual_abuse'],
    ['chỉ muốn ngủ một giấc rồi không dậy nữa', 'self_harm'],
  ])('%s → %s', (text, kind) => {
    expect(kindsOf(text)).toContain(kind);
  });
});

// Families the unseen batches A and B exposed (voice typing, messages written for a worker, one-line
// cries, danger buried in a long message, basic English), each said here in other words.
describe('danger the unseen batches exposed', () => {
  it.each([
    // voice typing hears l/n: "ló" is nó, not the "lo"/"lỡ" of a supposition; "gia sư" is not "giả sử"
    ['ló đánh con đau lắm', 'violence'],
    ['gia sư của con tôi bị đánh', 'violence'],
    // the body in danger now
    ['vợ em có thai 7 tháng bị ra máu nhiều', 'danger'],
    ['anh ấy ho ra máu mấy hôm nay', 'danger'],
    ['em thở không được, tức ngực lắm', 'danger'],
    ['phòng trọ bị rò rỉ khí ga, cả phòng đau đầu', 'danger'],
    ['bạn em té từ mái nhà xuống nằm bất động', 'danger'],
    ['chủ không cho gọi xe cứu thương', 'danger'],
    // hiding, someone at the door, someone coming, no answer at the door
    ['tụi em đang phải trốn trong rừng', 'danger'],
    ['có người đang đập cửa phòng em, em sợ lắm', 'danger'],
    ['công an sắp tới bắt em', 'danger'],
    ['gõ cửa không ai trả lời từ hôm qua, tôi lo quá', 'danger'],
    ['bạn em bị người lạ theo dõi mấy hôm nay', 'danger'],
    // starved, guarded, sent to clients, threats with people sent first
    ['bà chủ khóa tủ lạnh, mấy ngày nay em không được ăn', 'violence'],
    ['mỗi tối đều có người canh cửa', 'confinement'],
    ['họ ép chị ấy đi khách', 'sexual_abuse'],
    ['chủ nói nếu em bỏ về sẽ cho người xuống tận nhà xử bố em', 'violence'],
    ['bà chủ hay véo tai em đau lắm', 'violence'],
    // basic English
    ['my boss no give food, I very hungry 3 days', 'violence'],
    ['my boss say if I go to police he kill me', 'violence'],
    ['he touch my breast when madam not home', 'sexual_abuse'],
    ['I not want live anymore', 'self_harm'],
    ['employer pull my hair and slap', 'violence'],
  ])('%s → %s', (text, kind) => {
    expect(kindsOf(text)).toContain(kind);
  });

  it.each([
    'lỡ bị bắt thì sao',
    'nếu không thở được thì gọi số nào',
    'trời nóng quá thở không nổi',
    'ra máu chân răng nhiều lắm',
    'điện thoại rơi từ tầng 2 xuống vỡ màn hình',
    'nhảy từ cầu nhảy xuống hồ bơi vui lắm',
    'giá bất động sản ở Osaka thế nào',
    'cong ty dich vu bat dong tien phat khi ve som',
    'em đang bị thương nhẹ ở tay, không sao',
    'mấy hôm nay không được ăn gì vì chuẩn bị mổ',
    'em ở trong phòng hai ngày không ra khỏi phòng vì mệt',
    'gọi công ty mãi không nghe máy',
    'em đang trốn việc đi chơi',
    'em bỏ trốn khỏi công ty 2 năm rồi, giờ muốn về',
    'bị cảnh cáo vì đi làm muộn',
    'bi canh cao vi di lam muon',
    'nấu canh chua cho cả nhà',
    'em đập cửa tủ lạnh hỏng rồi',
    'cứu em với bài tập tiếng Hàn này',
    'this job is killing me lol',
    'homework kill me',
    'I will not move to another company',
    'the boss hit the target this month',
    'I kicked the ball',
  ])('not: %s', (text) => {
    expect(kindsOf(text)).toEqual([]);
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
    // harmless senses of the new words
    'trời lạnh muốn chết',
    'đói muốn chết, trưa nay chưa ăn',
    'em không muốn sống ở Hàn nữa, muốn về quê',
    'quên chìa khóa bị nhốt ngoài cửa',
    'tài khoản zalo bị khóa',
    'nhốt con chó trong phòng',
    'tay bị máy dập phải khâu 5 mũi',
    'bị xe đâm lúc đi làm về',
    'đá bóng bị bóng đập vào mặt',
    'đấm vào tường cho đỡ tức',
    'bị sếp bắt làm lại từ đầu',
    'bị bắt đền cái bát vỡ',
    'không được dùng điện thoại trong giờ làm',
    'chủ không cho nghỉ phép về quê ăn tết',
    'bị người yêu đá rồi',
    'tụi em hay đánh cầu lông',
    'ông cụ em chăm hay đánh rắm',
    'làm gì để giết thời gian',
    'điện thoại chết máy rồi',
    'em rơi điện thoại',
    'bị sốt cao mấy hôm',
    'bị lừa hết tất cả tiền cọc',
    'phim hành động có cảnh đánh nhau',
    'con mèo bị nhốt trong lồng',
    'cảnh sát giao thông phạt em vì đỗ xe sai',
    'em đang trốn việc đi uống cà phê',
    'đứng trên sân thượng phơi đồ',
    'nhà nhiều chuột quá, mua thuốc diệt chuột ở đâu',
    'em muốn kết thúc hợp đồng sớm',
    'i cant take it anymore, this job is too hard, i want to quit',
    'my phone was stolen on the train',
    'bạn em mới được thả khỏi trại di trú, giờ làm giấy về',
    'người lao động bị bắt ở nước ngoài thì liên hệ ai',
    'trên facebook có người bảo bị lừa sang campuchia',
    'em sợ lắm, không biết làm thủ tục thanh lý thế nào, mong anh chị giúp em với',
    // a worker declared missing is a Support Fund case, as the shared dev set labels it
    'chồng tôi mất tích ở Angola, gia đình xin hỗ trợ thế nào',
    'tội buôn bán người bị phạt bao nhiêu năm',
    'can I go home without being arrested',
    // a passive supposition stays one, even with "sẽ"
    'nếu em bỏ trốn sẽ bị bắt không',
    'bị trừ lương vì đánh vỡ cái bát',
    'lão động chăm chỉ được thưởng',
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

  it('every rule is written out: no template placeholder left in a phrase', () => {
    // A phrase with `\${ME}` inside single quotes never matches anything.
    for (const r of DANGER_RULES) {
      expect(r.p, r.p.slice(0, 60)).not.toMatch(/\$\{/);
      if (r.unless) expect(r.unless).not.toMatch(/\$\{/);
      if (r.needs) expect(r.needs).not.toMatch(/\$\{/);
    }
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
