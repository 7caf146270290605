// Rules of language the unseen-g batch exposed, each shown on paraphrases written for this test
// (none is in a labelled file): different words, without marks, with typos, in English. Read by the
// rules alone (no classifier), so a rule that stops working fails here.
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../../src/core/content/index.ts';
import { createNlu } from '../../../src/core/nlu/index.ts';
import { concernOf, kindsOf } from './read-danger.ts';

const content = loadContent();
const nlu = createNlu({ articles: content.articles, countries: content.countries, dangerClassifier: null });
const flagged = (text: string) => {
  const out = nlu.understand(text);
  return out.emergency.length > 0 || out.intent === 'concern';
};

describe('a farewell said by what is put in order (a letter left, the parents entrusted, money sent home)', () => {
  it('with several signs it is a letter before dying: self-harm', () => {
    const text = 'con để lá thư dưới gối rồi, tiền con gửi về hết cho mẹ, nhờ chị chăm ba má giùm con, con xin lỗi cả nhà';
    expect(concernOf(text)).toBe('self_harm');
    expect(nlu.understand(text).emergency).toContain('self_harm');
  });

  it.each([
    'e de thu trong ngan keo, anh nho lo cho bo me giup e nha, e met moi qua roi',
    'mẹ ơi con viết thư để lại trên bàn, mẹ đừng khóc, con thương mẹ lắm',
    'i left a letter for my mother in my bag, please take care of my kids for me, i am so tired of everything',
  ])('with fewer, a goodbye asked about ("are you safe right now?"): %s', (text) => {
    expect(['farewell', 'self_harm']).toContain(concernOf(text));
    expect(flagged(text)).toBe(true);
  });

  it.each([
    // one sign alone is an ordinary message
    'em để thư mời trong tủ rồi, anh lấy giúp em',
    'lương tháng này em gửi về hết rồi, còn phải đóng tiền nhà không',
    'anh chị lo cho bố mẹ giùm em mấy hôm em đi làm xa nha',
  ])('one sign alone is not a farewell: %s', (text) => {
    expect(concernOf(text)).toBeUndefined();
    expect(kindsOf(text)).toEqual([]);
  });
});

describe('the end of endurance with a high or deep place, and not coming back', () => {
  it.each([
    'chịu hết nổi rồi, đêm nay em lên sân thượng ký túc xá ngồi, chắc không về nữa',
    'het chiu noi roi, toi ra song ngoi chut, chac ko ve phong nua dau',
    'không chịu được nữa, em đang đứng trên cầu gần xưởng, không quay lại nữa',
    'i can not take it anymore, i am going to the bridge tonight, not coming back',
  ])('%s', (text) => {
    expect(flagged(text)).toBe(true);
    expect(kindsOf(text).includes('self_harm') || concernOf(text) === 'self_harm').toBe(true);
  });

  it.each(['cuối tuần tụi em ra sông câu cá', 'nhà em ở gần cầu Long Biên, về nước rồi thì đăng ký ở đâu'])('a river or a bridge alone is a place: %s', (text) => {
    expect(flagged(text)).toBe(false);
  });
});

describe('a body part cut off or going dim, with care priced or the accident hidden', () => {
  it.each([
    'ngón tay út em bị máy cắt đứt, chủ dặn đừng báo là tai nạn lao động',
    'dut mat 1 dot ngon tay, sep noi di kham thi tu tra tien thuoc, ko cho nghi',
    'tay e bi cut 2 ngon, quan ly bat khai la tu nga o nha',
    'my finger was cut off by the press and the boss told me not to report the accident',
  ])('%s', (text) => {
    expect(kindsOf(text)).toContain('danger');
  });

  it.each([
    'em chấm dứt hợp đồng sớm, tay bị đau, chủ bảo tự trả tiền khám có đúng không',
    'dây điện bị đứt, chủ bảo đừng báo tai nạn vì không ai bị sao',
    'nếu đứt tay ở xưởng mà chủ bắt tự trả tiền viện thì gọi ai',
  ])('not danger: %s', (text) => {
    expect(kindsOf(text)).toEqual([]);
  });
});

describe('poisoned at work: what was touched or breathed, what it does, no protection or no care', () => {
  it.each([
    'em phun thuốc trừ sâu không có khẩu trang, giờ chóng mặt buồn nôn cả ngày',
    'lam son trong kho kin, khong deo mat na, 3 hom nay kho tho, tuc nguc',
    'rửa khuôn bằng dung môi, hai tay tê bì, tổ trưởng bảo không sao cứ làm',
    'we clean the tanks with acid and no gloves, my eyes are blurry and my hands are numb',
  ])('%s', (text) => {
    expect(kindsOf(text)).toContain('danger');
  });

  it.each([
    'công ty phát găng tay và khẩu trang khi làm hóa chất, em muốn hỏi về bảo hiểm',
    'làm sơn thì có phụ cấp độc hại không',
    'năm ngoái em làm hóa chất không có găng tay bị bỏng rát, giờ về VN rồi, xin quỹ được không',
  ])('not danger: %s', (text) => {
    expect(kindsOf(text)).toEqual([]);
  });
});

describe('held down under what fell', () => {
  it.each([
    'động đất làm tường sập đè lên chân bạn em, không kéo ra được',
    'tu sach do de len nguoi em, em khong rut chan ra duoc',
    'nhà kho bị sạt lở, anh ấy kẹt dưới đống gạch',
    'after the quake a shelf fell and my leg is pinned, i can not pull it out',
  ])('%s', (text) => {
    expect(kindsOf(text)).toContain('danger');
  });

  it.each([
    'hôm qua có động đất nhẹ, ký túc xá không sao, em muốn hỏi thủ tục về nước',
    'tủ đồ trong phòng bị đổ nhưng không ai sao',
    'xe máy đổ đè lên chân em, đi khám rồi, có được bảo hiểm không',
  ])('not danger: %s', (text) => {
    expect(kindsOf(text)).toEqual([]);
  });
});

describe('a game, a song or a film: the dying there is played or sung', () => {
  it.each([
    'tối qua chơi pubg bị giết liên tục, ad biết mẹo không',
    'bi giet 3 lan lien tiep trong game, tuc that',
    'bài "cứu em đi anh" của ca sĩ nào vậy',
    'cuu toi voi la ten bai hat gi vay ad',
  ])('%s', (text) => {
    expect(flagged(text)).toBe(false);
  });

  it.each([
    ['em bị đánh, cứu em với, em đang trốn trong nhà vệ sinh', 'danger'],
    ['hôm qua sếp dọa giết em nếu em nghỉ việc', 'violence'],
    ['anh ấy bị giết ở công trường, công ty giấu xác', 'violence'],
    // counting is play only for a killing: a cry with a count is still a cry
    ['cứu em với, em gọi 3 lần rồi không ai nghe', 'danger'],
  ])('real danger with the same words: %s', (text, kind) => {
    expect(kindsOf(text)).toContain(kind);
  });
});

describe('bored to death is hyperbole, unless despair is said beside it', () => {
  it.each(['nghỉ dịch ở nhà suốt, chán muốn chết', 'tuyet roi ca tuan ko di dau duoc, chan muon chet luon', 'ngồi chờ visa chán chết đi được'])('%s', (text) => {
    expect(kindsOf(text)).toEqual([]);
  });

  it.each(['chán muốn chết, em tuyệt vọng lắm rồi, không ai hiểu em', 'chan muon chet, buon qua, khong muon song nua'])('with despair beside it: %s', (text) => {
    expect(kindsOf(text)).toContain('self_harm');
  });
});

describe('danger over: "giờ về rồi" after it', () => {
  it.each([
    'em nghỉ làm vì bị sếp quấy rối, giờ em về rồi, quỹ có hỗ trợ không',
    'hồi đó bị chủ đánh, nay về rồi, muốn hỏi thanh lý hợp đồng',
  ])('%s', (text) => {
    expect(kindsOf(text)).toEqual([]);
  });

  it('not when it goes on, nor when it is someone else who is back', () => {
    expect(kindsOf('sếp quấy rối em suốt, em muốn về rồi mà công ty không cho')).not.toEqual([]);
    expect(kindsOf('chồng em đánh em, giờ nó về rồi, em sợ lắm')).toContain('violence');
    expect(kindsOf('ong chu say ruou danh em, gio ong ay ve roi')).toContain('violence');
  });
});

// The round after unseen-h: each rule of language on paraphrases written for this test.
describe('marks of harm on the body, with the person who did it', () => {
  it.each([
    'a worker came to our office with bruises on her face, she says her boss did it, what should we do',
    'my cousin has burn marks on both hands, the employer did it with an iron',
    'chị ấy có vết bỏng khắp trên tay, bảo là con trai chủ nhà làm',
    'co be co vet bam day tren lung, noi la do ba chu danh',
  ])('%s', (text) => {
    expect(kindsOf(text)).toContain('violence');
  });

  it.each(['I got burns on my arm from cooking oil, does insurance pay', 'vết bỏng trên tay do nấu ăn bị bắn dầu, có được bảo hiểm không', 'she has scars on her legs from an old accident, can she still apply'])('an accident or the kitchen: %s', (text) => {
    expect(kindsOf(text)).toEqual([]);
  });
});

describe('stranded in the cold with the fuel, the battery or the food running out', () => {
  it.each([
    'xe bus kẹt trong tuyết trên đèo, hết xăng, trời lạnh cóng',
    'mac ket tren nui, dien thoai sap het pin, troi am 15 do',
    'our van is stuck in the snow on a mountain road, out of gas, phone battery almost dead',
    'bon em bi lac trong rung tu chieu, het nuoc uong, troi toi roi',
    'xe chết máy trên đèo, tuyết rơi dày, điện thoại sắp tắt nguồn',
    'thuyen hong may troi giua bien 2 ngay, het nuoc ngot',
  ])('%s', (text) => {
    expect(kindsOf(text)).toContain('danger');
  });

  it.each([
    'hôm qua kẹt xe vì tuyết, điện thoại hết pin, giờ về tới nhà rồi',
    'bị kẹt xe 2 tiếng vì bão, điện thoại hết pin, ad trả lời nhanh giúp em',
    'dien thoai con 10% pin, ad cho em hoi thu tuc thanh ly hop dong',
    'máy giặt hỏng, hết nước nóng, trời lạnh quá',
    'xe kẹt trong tuyết, hết xăng, may có người kéo ra được rồi, giờ đi tiếp được rồi',
    'đi câu ngoài khơi hỏng máy thuyền, có tàu kéo về tới nhà rồi',
  ])('not danger: %s', (text) => {
    expect(kindsOf(text)).toEqual([]);
  });
});

describe('a broken spine or ribs, and the hospital refused', () => {
  it.each([
    'anh em ngã giàn giáo, nghi gãy xương sống, chủ không cho nhập viện',
    'ban toi bi nga, co the gay cot song ma cty ko cho vao benh vien, chi de nam o phong',
    'gay xuong suon roi ma quan ly chi cho nam o ky tuc, khong cho di kham',
    'my friend fell from the scaffolding, the doctor thinks his spine is broken but the company will not take him to the hospital',
  ])('%s', (text) => {
    expect(kindsOf(text)).toContain('danger');
  });

  it('treated, it is a question', () => {
    expect(kindsOf('năm ngoái em gãy xương sườn, công ty đưa đi viện rồi, giờ xin quỹ được không')).toEqual([]);
  });
});

describe('no reason to live on, and a letter written in advance', () => {
  it.each([
    'nhiều lúc em nghĩ sống tiếp để làm gì nữa',
    'chang biet song them de lam gi',
    'song tiep lam gi khi no nan the nay',
    'chắc tối nay ra cầu nhảy cho xong',
    'no nhieu qua, chac nhay song cho roi',
  ])('%s', (text) => {
    expect(kindsOf(text)).toContain('self_harm');
  });

  it('a letter prepared for the parents and a last message is a letter before dying', () => {
    expect(concernOf('con chuẩn bị sẵn lá thư cho ba mẹ rồi, chắc đây là lần cuối con nhắn')).toBe('self_harm');
  });

  it.each(['em đã viết sẵn thư để lại cho bố rồi', 'e viet san la thu gui me, de trong vali'])('a letter for a parent written in advance is asked about: %s', (text) => {
    expect(flagged(text)).toBe(true);
  });

  it.each(['tối nay lên sân khấu nhảy cho xong tiết mục', 'em viết sẵn thư xin nghỉ việc rồi, nộp cho ai', 'sống tiếp ở Nhật thì cần visa gì'])('not a farewell: %s', (text) => {
    expect(flagged(text)).toBe(false);
  });
});

describe('a comparison is not an event', () => {
  it.each(['giọng em giờ như bị ai bóp cổ', 'tập gym xong mệt như bị đánh', 'lam 12 tieng, met nhu bi ai dap vao nguoi'])('%s', (text) => {
    expect(kindsOf(text)).toEqual([]);
  });

  it.each(['chủ đánh em như cơm bữa', 'bị chủ bóp cổ, em sợ lắm'])('the event itself still counts: %s', (text) => {
    expect(kindsOf(text)).toContain('violence');
  });
});

describe('a deadline that "dies" and a stairway up are not danger', () => {
  it.each([
    'sắp chết hạn nộp hồ sơ rồi, ad chỉ em với',
    'sap chet han roi ad oi, tra loi em nhanh voi',
    'sap chet han visa roi lam sao gia han',
    'cuc quan ly lao dong o duong nao, em muon len hoi truc tiep',
    'cong ty goi len van phong ky giay',
  ])('%s', (text) => {
    expect(kindsOf(text)).toEqual([]);
  });

  it('a phone borrowed in secret still counts', () => {
    expect(kindsOf('em phải mượn lén điện thoại của bạn để nhắn, chủ thu điện thoại rồi')).toContain('confinement');
  });
});

describe('the passport kept at the end of the contract, without a threat', () => {
  it.each([
    'hết hợp đồng rồi, muốn về mà chủ vẫn giữ hộ chiếu chưa trả, làm sao lấy lại',
    'het han hop dong, em muon ve nuoc nhung cong ty giu ho chieu chua dua',
  ])('is a return question: %s', (text) => {
    expect(kindsOf(text)).toEqual([]);
  });

  it.each([
    'hết hợp đồng mà chủ giữ hộ chiếu, không cho em về',
    'hết hợp đồng rồi, chủ giữ hộ chiếu bắt trả 50 triệu mới đưa',
    'chủ giữ hộ chiếu, em muốn về mà không được',
  ])('refused, priced or forced it is still confinement: %s', (text) => {
    expect(kindsOf(text)).toContain('confinement');
  });
});

describe('harm left behind: "bị quấy rối nên đã bỏ hợp đồng về"', () => {
  it.each([
    'em bị quấy rối nên đã bỏ việc về nước, giờ xin quỹ cần giấy tờ gì',
    'bi sep sam so nen em bo hop dong ve roi, can giay gi de lam ho so',
    'chị bị chủ đánh nên đã nghỉ việc về quê, có xin hỗ trợ được không',
  ])('%s', (text) => {
    expect(kindsOf(text)).toEqual([]);
  });

  it.each([
    'chấm dứt hợp đồng vì bị sàm sỡ rồi về nước, giờ xin quỹ cần giấy gì',
    'em bị quấy rối ở chỗ làm cũ, đã chuyển chỗ rồi, giờ cần giấy tờ gì để gia hạn visa',
    'o xuong cu em bi chu danh, gio can giay gi de lam ho so',
  ])('harm at the old workplace, or before going home, asked about with papers: %s', (text) => {
    expect(kindsOf(text)).toEqual([]);
  });

  it.each(['chủ đánh em, em muốn nghỉ rồi về nước', 'sếp quấy rối em, chắc em nghỉ rồi về quê', 'đã chuyển chỗ rồi mà vẫn bị gọi điện đe dọa'])('home only wished, or harm that goes on: %s', (text) => {
    expect(kindsOf(text)).not.toEqual([]);
  });

  it.each(['sếp quấy rối nên em muốn bỏ hợp đồng về, công ty không cho', 'bị quấy rối nên em bỏ trốn rồi, giờ đang ở nhà bạn, sợ lắm'])('not when it is only wished, or they have only run: %s', (text) => {
    expect(kindsOf(text)).not.toEqual([]);
  });
});

describe('the deposit held is money, not a person', () => {
  it.each(['tien ky quy bi giu trong bao lau thi duoc tra', 'tiền cọc bị giữ ở công ty môi giới, lấy lại thế nào'])('%s', (text) => {
    expect(kindsOf(text)).toEqual([]);
  });

  it('a person held somewhere still counts', () => {
    expect(kindsOf('em bi giu trong kho 3 ngay roi')).toContain('confinement');
  });
});

describe('"ký quỹ", the deposit, is never "quấy"', () => {
  it.each(['tien ky quy cua em cong ty chua tra', 'ky quy roi co lay lai duoc khong', 'kyquycuaemkhongtra', 'cty cứ quỹ quỹ, ký quỹ bao giờ trả'])('%s', (text) => {
    expect(kindsOf(text)).not.toContain('sexual_abuse');
  });
});


// The rules of language the unseen-i batch exposed.
describe('a place cut off by water, snow or fire, with nobody coming: trapped in a disaster', () => {
  it.each([
    'nước lũ lên nhanh quá, xóm trọ tụi em bị cô lập hai ngày rồi, gọi mãi chưa có ai tới',
    'nuoc ngap len tang 3 nha tro roi, tui em ngoi tren mai, khong ai den cuu',
    'tuyết chặn hết đường, nhà kính chỗ em làm bị cô lập, hết củi, chẳng ai tới',
    'cháy ở tầng dưới, khói bốc lên, tụi em mắc kẹt trong phòng, không thấy ai đến',
    'the flood cut off our dorm, water is up to the second floor and nobody is coming',
  ])('%s', (text) => {
    expect(kindsOf(text)).toContain('danger');
  });

  it.each([
    'mùa lũ năm ngoái làng em bị cô lập mấy hôm, giờ xin quỹ hỗ trợ được không',
    'đường lên xưởng bị tuyết chặn, cả xưởng nghỉ một ngày, có bị trừ lương không',
    'tụi em bị kẹt vì lũ hai hôm, cứu hộ tới rồi, giờ an toàn rồi ạ',
  ])('not cut off with help on the way, or long over: %s', (text) => {
    expect(kindsOf(text)).toEqual([]);
  });
});

describe('hunger counted in days, no money, and a plea, however few the words', () => {
  it.each([
    'đói 3 ngày rồi. hết tiền. cứu em',
    'doi. 5 hom. khong co tien. giup voi',
    'bụng đói mấy ngày nay, không còn tiền, ai giúp em với',
    'hungry. 3 days. no money. help',
  ])('%s', (text) => {
    expect(kindsOf(text)).toContain('danger');
  });

  it.each([
    'đói quá, còn 2 ngày nữa mới có lương',
    'hết tiền tiêu rồi, 5 ngày nữa mới lĩnh lương, giờ đói bụng ghê',
  ])('hungry and short of money, with no plea, is an ordinary day: %s', (text) => {
    expect(kindsOf(text)).toEqual([]);
  });
});

const withClassifier = createNlu({ articles: content.articles, countries: content.countries });

describe('an animal shut in is not a person confined', () => {
  it.each([
    'con chó của ông chủ bị nhốt ngoài ban công suốt đêm, nó sủa hoài',
    'bà chủ nhốt con mèo trong phòng kho cả ngày, thương nó quá',
    'mấy con gà bị nhốt trong chuồng ngoài sân',
  ])('%s', (text) => {
    expect(kindsOf(text)).toEqual([]);
  });

  it.each([
    'con chó của ông chủ bị nhốt ngoài ban công suốt đêm, nó sủa hoài',
    'bà chủ nhốt con mèo trong phòng kho cả ngày, thương nó quá',
    'con cún bị khóa ngoài ban công cả đêm tội ghê',
  ])('nor does the classifier make it one: %s', (text) => {
    expect(withClassifier.understand(text).emergency).toEqual([]);
  });

  it.each([
    'em bị chủ nhốt ngoài ban công cả đêm, lạnh lắm',
    'bà chủ khóa em ngoài sân thượng từ chiều tới giờ',
    'em bị nhốt ngoài ban công, không vào nhà được',
  ])('a person shut out on a balcony or a roof is: %s', (text) => {
    expect(kindsOf(text)).toContain('confinement');
  });

  it.each([
    'em với con chó bị chủ nhốt trong kho 2 ngày rồi',
    'tôi và con mèo bị nhốt trong phòng trọ, chủ nhà không mở cửa 3 ngày',
    'chu nhot em chung voi con cho ngoai kho, khong cho an',
  ])('a person shut in beside an animal is still a person: %s', (text) => {
    expect(withClassifier.understand(text).emergency).not.toEqual([]);
  });

  it.each([
    'con mèo của em bị nhốt ngoài ban công cả đêm, tội nó ghê',
    'chó nhà em bị khóa trong chuồng ngoài mưa, em thương nó quá',
  ])('the owner of the animal is not the one shut in: %s', (text) => {
    expect(withClassifier.understand(text).emergency).toEqual([]);
  });
});

describe('"nhốt" or "giam" about an exam or money, in quotes or for a joke', () => {
  it.each([
    'hôm qua thi JLPT bị "nhốt" trong phòng thi cả buổi sáng, đói xỉu',
    'bị nhot trong phong thi 4 tieng lien, met qua',
    'khoản tiền ký quỹ bị "giam" mấy năm nay, làm sao rút ra',
    'tien coc cua em bi giam o cong ty, bao gio tra',
  ])('%s', (text) => {
    expect(kindsOf(text)).toEqual([]);
  });

  it.each(['em bị nhốt trong phòng, không cho ra', 'em bị giam ở đồn 2 ngày rồi'])('a person shut in or held still is: %s', (text) => {
    expect(kindsOf(text)).not.toEqual([]);
  });
});

describe('a relative arrested for overstaying, the family asking how to bring him home: a return question', () => {
  it.each([
    'chồng em bị công an Hàn bắt vì ở quá hạn, sắp trục xuất, gia đình phải làm thủ tục gì',
    'con trai tôi bị bắt vì cư trú bất hợp pháp ở Đài, bố mẹ cần làm gì để đón cháu về',
    'em trai bị di trú bắt giữ do quá hạn visa, người nhà nên làm gì',
    'my brother was arrested for overstaying in Japan and will be deported, what can our family do',
  ])('%s', (text) => {
    expect(kindsOf(text)).toEqual([]);
    expect(flagged(text)).toBe(false);
  });

  it.each([
    'chồng em bị bắt vì quá hạn, trong trại bị đánh, gia đình cần làm gì',
    'em bị công an bắt vì quá hạn, đang ở đồn',
    'anh em bị bắt vì đánh nhau, gia đình cần làm gì',
  ])('harm named, the writer held, or not an overstay, still counts: %s', (text) => {
    expect(kindsOf(text)).not.toEqual([]);
  });
});

describe('asking for the number to report trafficking is a hotline question', () => {
  it.each([
    'muốn báo mua bán người thì gọi số nào',
    'đường dây nóng chống buôn bán người là số mấy',
    'tố giác buôn người ở Việt Nam gọi đâu ạ',
    'số điện thoại báo mua bán người ở trong nước',
  ])('%s', (text) => {
    expect(kindsOf(text)).toEqual([]);
  });

  it.each([
    'cô ấy bị nhốt, gọi số nào báo mua bán người',
    'em bị bán sang đây rồi, gọi số nào',
    'em bị mua bán người, số nào giúp được em',
  ])('a victim named still counts: %s', (text) => {
    expect(kindsOf(text)).not.toEqual([]);
  });
});

// The round after unseen-j: danger words said of papers or of paid overtime, and the end of
// endurance said of the weather or a shift. Paraphrases written for this test, none in a fixture.
describe('papers "held" at an office are not a person held', () => {
  it.each([
    "thẻ cư trú của em bị 'giam' ở cục di trú hơn tháng rồi chưa trả, sốt ruột ghê",
    'ho so xin visa cua em bi giu o so lao dong cho duyet',
    'passport của chồng em bị giữ ở phòng xuất nhập cảnh để gia hạn, bao lâu thì lấy được',
  ])('%s', (text) => {
    expect(kindsOf(text)).toEqual([]);
    expect(flagged(text)).toBe(false);
  });

  it.each([
    'em bị giam ở phòng xuất nhập cảnh, hộ chiếu bị giữ luôn',
    'hộ chiếu bị chủ giữ, em bị giam trong nhà không cho ra',
    'chồng em bị giữ ở đồn từ hôm qua',
  ])('the user or a relative held still is: %s', (text) => {
    expect(kindsOf(text)).not.toEqual([]);
  });
});

describe('made to work extra, paid for it and glad, is an overtime question', () => {
  it.each([
    'tụi em bị ép làm thêm thứ bảy nhưng được tính gấp đôi, ai cũng mừng',
    'bạn em bị bắt làm ca đêm, lương tăng ca cao nên nó vui lắm',
    'my cousin was made to work on the holiday but got double pay and is glad about it',
  ])('%s', (text) => {
    expect(kindsOf(text)).toEqual([]);
    expect(flagged(text)).toBe(false);
  });

  it.each([
    'em bị bắt làm thêm chủ nhật mà không được trả đồng nào',
    'they force us to work every sunday, overtime pay never comes',
    'bị ép làm thêm, được trả gấp đôi nhưng họ giữ hộ chiếu không cho về, vui gì nổi',
  ])('unpaid, or beside another sign of danger, it still counts: %s', (text) => {
    expect(kindsOf(text)).toContain('trafficking');
  });
});

describe('"cannot bear it any more" said of the heat, the cold, noise or a shift is a complaint', () => {
  it.each([
    'ở Riyadh 48 độ, em không chịu nổi nữa',
    'troi ret qua, khong chiu noi nua',
    'hàng xóm mở nhạc ồn ào cả đêm, chịu hết nổi',
    'tan ca về mà phòng trọ nóng như lò, hết chịu nổi',
    'làm tăng ca ba ngày liền, mệt quá không chịu được nữa',
    'snow again today, i can not take this cold anymore',
    'night shift again, so exhausted, can not take it anymore',
  ])('not a concern, not danger, and the classifier is not asked: %s', (text) => {
    expect(concernOf(text)).toBeUndefined();
    expect(kindsOf(text)).toEqual([]);
    const out = withClassifier.understand(text);
    expect(out.emergency).toEqual([]);
    expect(out.intent).not.toBe('concern');
  });

  it.each([
    'em không chịu nổi nữa, ở đây chẳng ai coi em là người',
    'tăng ca suốt không được trả, chủ chửi, không chịu nổi nữa',
    'I can not go on like this, nobody would care if I disappeared',
    'con xin lỗi, con không trụ nổi nữa',
  ])('a person who cannot go on is asked "are you safe right now?": %s', (text) => {
    expect(flagged(text)).toBe(true);
  });

  it.each([
    'mệt mỏi quá, không chịu nổi nữa',
    'trời lạnh quá. em không chịu nổi nữa, không muốn sống nữa',
    'trời nóng quá không chịu nổi nữa, chắc em nhảy cầu cho xong',
  ])('despair without a shift, or beside the weather in another sentence or with a wish to die, is self-harm: %s', (text) => {
    expect(nlu.understand(text).emergency).toContain('self_harm');
  });
});
