// The phrases that mean a person is in danger now, by kind, in the pattern language of
// ./pattern.ts. Folded Vietnamese is ambiguous ("danh" is đánh/danh/dành, "ban" is bán/bận/bạn,
// "tu tu" is tự tử/từ từ, "giam" is giam/giảm), so a word written with marks must be typed with
// those marks or without any, and the words that make a phrase harmless are excluded right there
// ("bị đánh giá", "bị giảm lương"). What makes a match not count (a negation, "nếu", "từng",
// a news story) is decided in ./danger.ts; `strong` phrases always count, because a cry for help
// or a wish to die is never to be explained away.

export const DANGER_KINDS = ['violence', 'confinement', 'sexual_abuse', 'self_harm', 'arrest', 'trafficking', 'danger'] as const;
export type DangerKind = (typeof DANGER_KINDS)[number];

export interface DangerRule {
  p: string;
  kind: DangerKind;
  strong?: boolean;
  /** The phrase does not count right after one of these words ("số khẩn cấp", "cấp cứu"). */
  notAfter?: string[];
}

/** "đánh" in its harmless senses: đánh giá, đánh bài, đánh máy, đánh răng, đánh dấu, đánh thuế… */
const NOT_HIT = '!gia/dau/bai/may/rang/thue/so/tieng/golf/bong/trong/lua/cap/roi/thuc/vong/hoi/van/chu/bac/da/ten/nhan/mat/giac/cuoc/ca/dong/xe/dan/gia';
/** Who is hurt or held: the user, or someone close to them. */
const ME = 'tôi/em/mình/tui/tao/con/cháu/chúng/bọn/anh/chị/bạn/vợ/chồng/người/mẹ/bé';
/** Who does it. */
const BOSS = 'chủ/sếp/lý/ông/bà/nó/họ/hắn/chồng/vợ/người/bọn/nhóm/cai/trưởng/đốc';
/** "về" meaning "about" ("không cho biết về tiền cọc"), not "home". */
const NOT_ABOUT = '!quy/tien/van/viec/hop/thong/chuyen/luong/ly/cac/nhung/dieu/chinh/phi/thu/quyen/muc/giay/visa/cong/truong/che/bao/phia/mat/khoan';
const OUT = 'ra/ngoai/khoi/duong/dau/roi/buoc';
/** Blows: "tát", "đấm", "đập"… ("đánh" has its own rule, with its harmless senses excluded). */
const BLOW = 'tát/đấm/đập/đạp/chém/đâm/bóp/túm/giật/xô/ném/quất/cào/véo/cấu';

export const DANGER_RULES: readonly DangerRule[] = [
  // ── violence ──
  { p: `bị đánh ${NOT_HIT}|bị * đánh ${NOT_HIT}|đánh đập|đánh ${ME}`, kind: 'violence' },
  { p: `${BOSS} đánh ${NOT_HIT}|${BOSS} * đánh ${NOT_HIT}`, kind: 'violence' },
  { p: `${BLOW}/đánh đầu/mặt/người/bụng/lưng/ngực|${BLOW}/đánh vào đầu/mặt/người/bụng/lưng/ngực|không cho ${ME} ăn|không cho ăn|bỏ đói|nhịn đói mấy|không được ăn uống|cho ăn đồ thừa`, kind: 'violence' },
  { p: `${BOSS} ${BLOW} ${ME}|${BOSS} * ${BLOW} ${ME}|${BLOW} ${ME}|bị ${BLOW}|bị * ${BLOW} !tien/luong|bóp cổ|túm tóc|giật tóc|bị đá vào|đá vào bụng|đá vào người`, kind: 'violence' },
  { p: 'bị bạo hành|bạo hành !dien/may/xe/san/bao/dong/sua/hang/mien|bạo lực|hành hung|hành hạ|ngược đãi|bị bắt nạt|bị đấm|bị đâm|bị tát|bị chém|bị đập|bị lạm dụng|bị hành', kind: 'violence' },
  { p: `đe dọa giết|dọa giết|giết ${ME}|giết chết|bị giết|bị đe dọa|bị dọa|dọa đánh|dọa ${ME}|đe dọa ${ME}|cầm dao|cầm súng|dí dao|kề dao|cầm gậy`, kind: 'violence' },
  { p: 'beat/beats/beating/hit/hits/hitting/abuse/abuses/abused/abusing/attacked/attacks/slapped/slaps/punched/punches/kicked/kicks/tortured/threatened/threatens/threaten/hurt/hurts/hurting * me/us/her/him/them|nothing to eat|no food|starving|not given food|not allowed to eat|do not feed|does not feed', kind: 'violence' },
  { p: 'abused|mistreated|maltreated|been/was/were/being/am/is/get/got/are beaten/abused/attacked/assaulted/tortured/mistreated/threatened/slapped/punched|beaten up|domestic violence|violence|violent|physical abuse|abusive', kind: 'violence' },
  { p: 'kill/killing me/us|going to kill|will kill|gonna kill|threatens to kill|threatened to kill', kind: 'violence' },
  { p: 'threatened/threatens/threaten/threatening to hurt/kill/beat/harm/attack/rape|threatened/threatens my family|going to hurt me', kind: 'violence' },

  // ── confinement ──
  { p: `bị nhốt|nhốt ${ME}|nhốt trong|nhốt * trong phòng|${BOSS} nhốt|giam lỏng|giữ ${ME} .|giữ ${ME} lại|holding me|held me|hold me|against my will|bị khóa cửa|bị khoá cửa|khóa cửa ${ME}|khóa trái|khoá trái|khóa * trong phòng|khóa * trong nhà|khóa ${ME}`, kind: 'confinement' },
  { p: `không/chẳng/chả cho ${OUT}|không/chẳng/chả cho * ${OUT}|không/chẳng/chả được ra ngoài|không/chẳng/chả được ra khỏi|không/chẳng/chả được rời|không/chẳng/chả được phép ra/rời/đi|không/chẳng/chả được đi đâu|cấm * ra ngoài|cấm * ra khỏi`, kind: 'confinement' },
  { p: `không/chẳng/chả cho về ${NOT_ABOUT}|không/chẳng/chả cho ${ME} về ${NOT_ABOUT}|không chịu cho * về ${NOT_ABOUT}|không thả * về|không cho * bỏ về|giữ * không cho về`, kind: 'confinement' },
  { p: 'không cho/được liên lạc|không cho * liên lạc|không cho * gọi về|thu điện thoại|lấy điện thoại|tịch thu điện thoại|giữ điện thoại|giữ lại không cho|không cho đi !lam/hoc/xe/choi/du/lai|không cho gặp ai|không cho * gặp ai|không cho * tiếp xúc|cấm * gặp ai|giữ ${ME} lại|mới cho về|mới được về|mới thả', kind: 'confinement' },
  { p: 'took/take/takes/taken my phone|no contact with my family|not allowed to call|lock the door|locked the door|locks the door|locked/lock/locks * me/us/in/up/inside|locked in|locked up|locked inside|trapped|confined|imprisoned|held captive|keep/keeps/kept me inside', kind: 'confinement' },
  { p: 'not/never allowed to leave/go|not * let me * leave/go/out|not * let us * leave/go/out|never let me * leave/go/out|can not leave the house/room/building/compound|can not go out|can not get out', kind: 'confinement' },

  // ── sexual abuse and harassment ──
  { p: 'quấy rối|sàm sỡ|hiếp dâm|bị hiếp|hiếp !hoi/dinh/si/luc/uoc/dau/thuong/khach|cưỡng hiếp|cưỡng dâm|bị cưỡng bức|bị * cưỡng bức|xâm hại|lạm dụng tình dục|dâm ô|sờ soạng|sờ mó|sờ ngực|sờ người|gạ tình|gạ gẫm|gạ ngủ|ép quan hệ|bắt quan hệ|đòi quan hệ|ép * quan hệ !lao|bắt * quan hệ !lao|đòi * quan hệ !lao|ép ngủ|bắt ngủ với|ép * ngủ với|ép * bán dâm|bắt * bán dâm|ép * tiếp khách|bắt * tiếp khách|đòi ngủ|đòi * ngủ với|bắt * ngủ với|bảo * ngủ với|ngủ với ${ME} mới|ngủ với ${ME} thì|rình * tắm|nhìn trộm|quay lén|chụp lén|rình mò|camera * phòng tắm', kind: 'sexual_abuse' },
  { p: 'peeping|filmed me|secretly filmed|harass/harassed/harasses/harassing/harassment|rape/raped/raping/rapes|sexual/sexually|molest/molested/molesting|groped/grope/gropes|touch/touches/touched/touching me|assault/assaulted me|sexual assault', kind: 'sexual_abuse' },

  // ── self-harm ──
  { p: 'muốn chết|thà chết|chết đi cho|ước gì * chết|mong * chết|chết cho xong|chết quách|không/chẳng muốn sống|không thiết sống|chán sống|hết muốn sống|không còn muốn sống|kết liễu|kết thúc cuộc đời|kết thúc cuộc sống|kết thúc đời|tự sát|+tự +tử|+tự +vẫn|nhảy lầu|nhảy cầu|uống thuốc ngủ|uống thuốc chuột|cắt cổ tay|rạch tay|treo cổ', kind: 'self_harm', strong: true },
  { p: `muốn/định/sẽ/chắc/nghĩ/tính/phải/nên/hay/cũng/đã/để tự tử|muốn/định/sẽ/chắc/nghĩ/tính/phải/nên/hay/cũng/đã/để ${ME} tự tử|tự tử chết/mất|tự tử cho xong`, kind: 'self_harm', strong: true },
  { p: 'kill myself|killing myself|suicide|suicidal|want to die|wanna die|end my life|hurt myself|harm myself|self harm|no reason to live|better off dead|end it all|take my own life|ending my life|end my own life|kill myself|not want to live|no longer want to live|wish i was dead|wish i were dead|do not want to be alive', kind: 'self_harm', strong: true },

  // ── arrest and detention ──
  { p: `bị công an giữ|bị cảnh sát giữ|công an * giữ ${ME}|cảnh sát * giữ ${ME}|police * held/holding/hold me|bị bắt !lam/phai/tang/nop/dong/tra/ky/dau/an/uong/doi/chiu/mua/dung/nghi/thoi/buoc/ep/lai/quan/ngu/cho/di/gap/den/chuyen/viet/hoc/thi/chuoc/loi/phat|bị bắt đi !lam|bị bắt vì|bị bắt do|bị * bắt !lam/phai/tang/nop/dong/tra/ky/dau/an/uong/doi/chiu/mua/dung/nghi/thoi/buoc/ep/lai/quan/ngu/cho/di/gap/den/chuyen/viet/hoc/thi/chuoc/ca/duoc/tay/xe/loi/phat/ve|bị * bắt đi !lam`, kind: 'arrest' },
  { p: 'công an * bắt !dau/buoc/lam/phai|cảnh sát * bắt !dau/buoc/lam/phai|di trú * bắt !dau/buoc|nhập cảnh * bắt !dau/buoc|nhập cư * bắt !dau/buoc|bắt giam|bắt giữ|tạm giam|tạm giữ|trại giam|nhà tù|ở tù|vào tù|đi tù|ngồi tù|trong tù|nhà giam|phòng giam|giam giữ|bị =giam !luong/gio/tien/ca/thu/gia/bot/phep/can/tai/nhiet|bị giữ lại !luong/tien/ho/giay/the/hop/visa/bang/phep/coc|bị dẫn về đồn|bị đưa về đồn|bị đưa lên đồn|bị giữ ở đồn|giữ * ở đồn|bị +còng|bị còng tay', kind: 'arrest' },
  { p: 'arrested|detained|detention|jailed|in jail|in prison|in custody|held in/at * police|held * police station|kept * police station|at the police station|in a cell|police * took me|police * caught|immigration * caught|immigration * took me|caught by * police|caught by immigration|held by police', kind: 'arrest' },

  // ── trafficking and forced labour ──
  { p: `+bán ${ME}|bị +bán|bị =ban sang/cho/qua/vao/di/lam/den/ra/toi|buôn người|buôn bán người|mua bán người|+bán +người|tiền chuộc|đòi chuộc|chuộc người`, kind: 'trafficking', notAfter: ['chong', 'phong', 'mua', 've', 'luat', 'toi', 'nan'] },
  { p: 'bị buôn bán|buôn bán sang|lừa bán|bị lừa vào|đường dây lừa đảo|đòi gia đình * tiền|đòi * gia đình * tiền|bị lừa sang|bị lừa =qua !nhieu/troi/tien|bị lừa đi làm|bị lừa đưa|bị lừa bán|bị lừa * việc nhẹ|lừa * việc nhẹ lương cao|lừa * sang campuchia/cam/myanmar/lao/trung/thai/casino|bị đưa sang * làm', kind: 'trafficking' },
  { p: 'ép làm|ép đi làm|bị ép !ky/hop/dong/nop/mua/an|ép * làm việc|bắt làm !nong/xay/sai/trai/nghe/nganh/cong/o/tai/ben/thu/giay|bị bắt làm|bắt !dau/duoc/gap/tay/chuyen/xe/ve/ca/phat/loi/buoc/chuoc/may/song *1 làm|cưỡng bức lao động|lao động cưỡng bức|lao động khổ sai|nô lệ|như nô lệ|làm không công !bang|làm việc không công !bang|không cho nghỉ ngơi', kind: 'trafficking' },
  { p: 'trafficking !hotline/hotlines/line/number/law/laws/prevention|trafficked|traffickers|sold me|was sold|were sold|been sold|forced to work|forced labour|forced labor|forced me|force me|forces me|scam compound|ransom|slave|slavery', kind: 'trafficking', notAfter: ['anti', 'against', 'chong'] },

  // ── danger, a cry for help ──
  { p: `cứu ${ME}|cứu với|cứu giúp|cứu gấp|cứu mạng|^cứu !ho/thuong/hoa/tro/net/cap|ai cứu|làm ơn cứu|xin cứu|cứu cứu|sắp chết !doi|sắp bị giết|sắp bị đánh`, kind: 'danger', strong: true, notAfter: ['cap', 'giai', 'nghien', 'tra', 'chuyen'] },
  { p: 'help me .|help me please/now/quickly/asap/immediately/i/im/they/he/she/someone/somebody/sos/urgent/urgently|help us .|help us please/now/quickly|^help help|^help please/i/we/they/my/someone/somebody/now/urgent|please help .|please help us/quickly/now/urgent|sos|save me|save us|save my life|someone help|somebody help', kind: 'danger', strong: true, notAfter: ['can', 'could', 'will', 'would', 'you'] },
  { p: 'following me|stalking me|chasing me|đuổi theo * em/tôi/mình|bị theo dõi|bị rình|need help urgently|urgent help|help urgently|in danger|life is in danger|i am not safe|not safe here|do not feel safe|afraid for my life|emergency !number/numbers/line/lines/hotline/hotlines/contact/contacts/passport/travel/services/service/call/phone/fund/loan/document/documents/visa/support/assistance/procedure', kind: 'danger', notAfter: ['of', 'for', 'in'] },
  { p: 'nguy hiểm !khong/chua/nhat/khi/the/nhu/gi|gặp nguy|nguy đến tính mạng|tính mạng * đe dọa|không an toàn|khẩn cấp !so/lien/goi/duong/tong/ho/cho/thi/thu|sợ bị giết|sống không bằng chết|cần giúp gấp|cần hỗ trợ gấp|giúp * gấp !ve/thu/ho/giay/lam', kind: 'danger', notAfter: ['so', 'goi', 'duong', 'tong', 'truong', 'hop', 'neu', 'khi', 'co', 'cap', 'it', 'bot', 'muc', 'nganh', 'viec', 'cong', 'chieu', 'tuc', 'thong', 'hanh'] },
];

/**
 * Words that, just before a phrase (within its clause), deny it: "không bị đánh", "chưa từng bị
 * bắt", "not abused". Per language: Vietnamese "no" is nó or nợ ("bọn nó đòi tiền chuộc").
 */
export const NEGATORS = {
  vi: ['khong', 'chua', 'chang', 'cha'],
  en: ['never', 'not', 'no', 'nobody', 'noone', 'didnt', 'wasnt', 'havent', 'hasnt', 'isnt', 'arent', 'dont', 'doesnt', 'hardly'],
} as const;

/** Words before a phrase in the same clause that make it a supposition, not a fact. */
export const HYPOTHETICAL = ['neu', 'gia su', 'gia nhu', 'lo nhu', 'lo', 'trong truong hop', 'truong hop', 'phong khi', 'khi nao', 'nhung ai', 'ai bi', 'if', 'what if', 'in case', 'suppose', 'supposing', 'would', 'could i', 'will i', 'might', 'whether', 'i be', 'we be', 'you be'];

/** Words before a phrase (or after it in its clause: "years ago") that put it in the past or in someone else's story. */
export const DISTANT = ['tung', 'truoc day', 'hoi truoc', 'luc truoc', 'nam ngoai', 'nam truoc', 'ngay xua', 'hoi xua', 'used to', 'years ago', 'year ago', 'months ago', 'long ago', 'last year', 'in the past', 'nghe noi', 'doc bao', 'tren bao', 'bao dang', 'xem tin', 'doc tin', 'tin tuc', 'thay tren', 'tren mang', 'tren facebook', 'tren tivi', 'phim', 'video', 'clip', 'truyen', 'news', 'heard that', 'i read', 'movie', 'film', 'story', 'nghe ke', 'phong su'];

/** Words that end the reach of a negation or supposition ("không bị đánh nhưng bị nhốt"). */
export const SCOPE_BREAKS = ['nhung', 'ma', 'but', 'and', 'va', 'gio', 'now', 'bay', 'roi'];
