// The phrases that mean a person is in danger now, by kind, in the pattern language of
// ./pattern.ts. Folded Vietnamese is ambiguous ("danh" is đánh/danh/dành, "ban" is bán/bận/bạn,
// "tu tu" is tự tử/từ từ, "giam" is giam/giảm), so a word written with marks must be typed with
// those marks or without any, and the words that make a phrase harmless are excluded right there
// ("bị đánh giá", "bị giảm lương"). What makes a match not count (a negation, "nếu", "từng",
// a news story) is decided in ./danger.ts; `strong` phrases always count, because a cry for help
// or a wish to die is never to be explained away.

import { WATER_RULES } from './danger-everyday.ts';

export const DANGER_KINDS = ['violence', 'confinement', 'sexual_abuse', 'self_harm', 'arrest', 'trafficking', 'danger'] as const;
export type DangerKind = (typeof DANGER_KINDS)[number];

export interface DangerRule {
  p: string;
  kind: DangerKind;
  strong?: boolean;
  /** The phrase does not count right after one of these words ("số khẩn cấp", "cấp cứu"). */
  notAfter?: string[];
  /**
   * Phrases (pattern language) that, anywhere in the same clause, give the words their harmless
   * sense: "bị nhốt" with "chìa khóa" is locked out, "bị máy dập" is an accident.
   */
  unless?: string;
  /**
   * Phrases of which one must also be in the message for this one to count: "muốn kết thúc" is a
   * wish to die only beside despair ("chán lắm rồi, muốn kết thúc"), not beside a contract.
   */
  needs?: string;
  /**
   * Phrases that, anywhere in the message, give the whole of it a harmless sense: "cứu em với" beside
   * a deadline or a form is about paperwork; "không ai được ra ngoài" beside a typhoon is the weather.
   * Only this phrase is dropped: any other danger in the message still counts. Several phrases:
   * the message must hold each of them (an overstay AND a family asking how to bring him home).
   */
  unlessAnywhere?: string | readonly string[];
  /**
   * Phrases that, in the same sentence, say what the words are about when that is no danger:
   * "không chịu nổi nữa cái nóng này" is the heat. Unlike `unless`, it reaches across commas
   * ("trời nóng quá, không chịu nổi nữa"); unlike `unlessAnywhere`, not into another sentence.
   */
  unlessInSentence?: InSentence;
}

/**
 * Said of something harmless, in the same sentence: any of the entries, each a list of phrases
 * that must all be there (the tiredness AND the shift that made it).
 */
export type InSentence = readonly (readonly string[])[];

/**
 * What an ordinary complaint is about: the weather, the heat or the cold, noise, mosquitoes, the
 * traffic, tiredness after a shift. "Cannot bear it any more" said of these is a complaint; said
 * of nothing, or of one's life, it is not (see the endurance rule and CONCERN_SIGNS).
 * Tiredness counts only with the shift that made it: "mệt mỏi quá, không chịu nổi nữa" is despair.
 * Marked where the bare word is another: "on" (ổn), "mua" (buy), "nang" (nặng), "lanh" (lãnh), "muoi" (muối).
 */
export const COMPLAINT: InSentence = [
  [
    '+nóng|trời nóng|nóng quá|nóng lắm|nóng bức|cái nóng|nắng nóng|+nắng|trời nắng|oi bức|oi quá|oi ả|+nực|nóng nực|+lạnh|trời lạnh|lạnh quá|lạnh lắm|' +
      'lạnh cóng|cái lạnh|+rét|trời rét|tuyết|thời tiết|trời mưa|mưa hoài|mưa suốt|mưa gió|# độ|+ồn|tiếng ồn|ồn ào|+muỗi|muỗi đốt|muỗi cắn|kẹt xe|tắc đường|' +
      'heat|hot|cold|weather|humid|humidity|snow|noise|noisy|mosquitoes|traffic',
  ],
  [
    'mệt|+mỏi|+đuối|kiệt sức|+oải|rã rời|buồn ngủ|tired|exhausted|sleepy|worn out',
    '=ca|tăng ca|tan ca|làm ca|shift|shifts|overtime',
  ],
];

/**
 * An account, an app or a card locked, hacked or lost: "bị khoá facebook 3 ngày rồi, buồn muốn chết"
 * is the account's trouble said strongly, not a wish to die. Both must be in the sentence.
 */
export const ACCOUNT_TROUBLE: InSentence = [
  [
    'facebook|zalo|messenger|tiktok|instagram|kakao|kakaotalk|line|icloud|gmail|email|tài khoản|nick|acc|mật khẩu|sim|thẻ atm|thẻ ngân hàng|app|ứng dụng|game|account|password',
    'khóa|khoá|bị khóa|bị khoá|bị hack|hack|mất|quên|không vào được|ko vào được|lỗi|bị chặn|block|blocked|locked|hacked|banned|lost|forgot',
  ],
];

/** "đánh" in its harmless senses: đánh giá, đánh bài, đánh máy, đánh răng, đánh dấu, đánh thuế, đánh trượt (failed)… */
const NOT_HIT = '!gia/dau/bai/may/rang/thue/so/tieng/golf/bong/trong/lua/cap/roi/truot/thuc/vong/hoi/van/chu/bac/da/ten/nhan/mat/giac/cuoc/ca/dong/xe/dan/gia/cau/nhau/giay/phan/son/nhip/ram/cờ/trứng/đu/võng/bida/+vỡ/+đổ';
/** "danh mat ho chieu" unmarked is "đánh mất" (lost) a thing, not "đánh mặt" (hit the face). */
const LOST_THING = 'đánh mất/rơi passport/ví/bóp/điện/đt/giấy/thẻ/tiền/đồ/chìa/vé|đánh mất/rơi *2 passport/ví/bóp/điện/đt/giấy/thẻ/tiền/đồ/chìa/vé|đánh mất/rơi hộ chiếu|đánh mất/rơi *2 hộ chiếu|đánh mất/rơi rồi|bị đánh mất';
/** "ho so cho" unmarked is "hồ sơ cho" (papers for someone), not "sờ chỗ". */
const PAPERS_WORD = 'hồ sơ';
/** Who is hurt or held: the user, or someone close to them. */
const ME = 'tôi/em/mình/tui/tao/con/cháu/chúng/bọn/tụi/anh/chị/bạn/vợ/chồng/người/mẹ/bố/bé';
/** Who does it. */
const BOSS = 'chủ/sếp/lý/ông/bà/nó/họ/hắn/chồng/vợ/người/bọn/tụi/nhóm/cai/trưởng/đốc/thằng/mụ/madam/baba/mama/majikan/boss/+lão/thuê';
/** "về" meaning "about" ("không cho biết về tiền cọc"), not "home". */
const NOT_ABOUT = '!quy/tien/van/viec/hop/thong/chuyen/luong/ly/cac/nhung/dieu/chinh/phi/thu/quyen/muc/giay/visa/cong/truong/che/bao/phia/mat/khoan';
const OUT = 'ra/ngoai/khoi/duong/dau/roi/buoc';
/**
 * Blows: "tát", "đấm", "đập"… ("đánh" has its own rule, with its harmless senses excluded). Slang
 * that is another word without its marks ("vả"/và, "thụi"/thôi, "nện"/nên, "quật"/quạt, "cào"/cao,
 * "cấu"/câu) must be typed with them.
 */
const BLOW = 'tát/đấm/đập/đạp/chém/đâm/bóp/túm/giật/xô/ném/quất/+cào/+véo/+cấu/+vả/+thụi/+nện/+tẩn/+choảng/+quật/+vụt/phang';
/**
 * A machine, a car or a ball did it: an accident or a game, not a blow ("bị máy dập", "bị xe đâm").
 * Marked only where the bare word is another ("mấy" người, "bỏng").
 */
const ACCIDENT = '+máy|xe !ông/bà|+bóng|+banh|cầu lông';
/** Where a blow lands. */
const BODY = 'đầu/mặt/người/bụng/lưng/ngực/chân/tay/cổ/má/miệng/mồm/mũi/mắt/mông/đít/vai/gáy/răng/hông/sườn';
/**
 * Animals are shut in too ("nhốt chó vào chuồng"). Typed with marks only: unmarked "cho" is "let",
 * and a harmless reading must never hide "không cho ra, nhốt trong phòng".
 */
export const ANIMALS = '+mèo|+chó|+cún|+gà|+lồng|+chuồng|thú cưng|thú nuôi|vật nuôi|con vật|pet|dog|cat|puppy|kitten';
/** What is killed for food or as a pest: "giết con gà/vịt" is cooking, not a threat. */
const SLAUGHTERED = `${ANIMALS}|+vịt|+heo|+lợn|+bò|+dê|+ngan|+ngỗng|+cá|con cá|+chuột|+gián|+muỗi|chicken|duck|pig|fish|rat|rats|mosquito|mosquitoes`;
/** An exam: "bị 'nhốt' trong phòng thi 3 tiếng" is sitting it. */
const EXAM = 'phòng thi|kỳ thi|kì thi|giờ thi|buổi thi|thi topik|thi jlpt|exam|exams|exam room|test room';
/** Money "held" ("tiền ký quỹ bị 'giam' ở ngân hàng"): a deposit, not a person. */
const MONEY_HELD = 'ký quỹ|tiền cọc|tiền ký|khoản tiền|sổ tiết kiệm|deposit';
/**
 * Papers "held" by an office ("hộ chiếu bị 'giam' ở phòng xuất nhập cảnh chờ gia hạn", "hồ sơ bị
 * giữ ở sở"): what is held is the thing named before "bị", not a person. In the clause only: "em
 * bị giam ở đồn, hộ chiếu bị giữ" still names the user held.
 */
const PAPERS_HELD = ['hộ chiếu', 'passport', 'hồ sơ', 'giấy tờ', 'giấy phép', 'bằng lái', 'giấy phép lái xe', 'thẻ cư trú', 'thẻ ngoại kiều', 'thẻ', 'visa', 'thị thực', 'đơn', 'sổ']
  .map((w) => `${w} *3 bị =giam/giữ|${w} bị *2 =giam/giữ|bị =giam/giữ ${w} ở/tại *3 cục/phòng/sở/văn/đại/lãnh/immigration|bị =giam/giữ ${w} để *3 làm/gia/đổi/cấp/xin`)
  .join('|');
/**
 * Made to work extra, but paid for it and glad ("bị 'bắt' làm Chủ nhật nhưng được trả gấp rưỡi
 * nên nó vui lắm"): an overtime question, not forced labour. Both must be said; beside another
 * sign of danger it still counts.
 */
const PAID_AND_GLAD = [
  'được trả/tính *2 gấp/thêm/đủ/tăng|trả gấp rưỡi/đôi/ba|gấp rưỡi|gấp đôi|lương tăng ca|tiền tăng ca|double pay|paid double|paid extra|extra pay|overtime pay|time and a half',
  'vui|thích|mừng|sướng|khoái|hài lòng|happy|glad|pleased',
];
/**
 * Stopped for a small traffic offence and only fined or warned ("bị bắt vì chạy xe đạp không đèn,
 * bị phạt nhắc nhở thôi"): a ticket, not an arrest. Both must be in the sentence.
 */
const MINOR_OFFENCE: InSentence = [
  [
    'xe đạp|xe máy|không đèn|vượt đèn|đèn đỏ|giao thông|đỗ xe|đậu xe|mũ bảo hiểm|đội mũ|tốc độ|chạy xe|đi xe|lái xe|bicycle|bike|traffic|speeding|parking|red light',
    'nhắc nhở|cảnh cáo|phạt * thôi|chỉ bị phạt|chỉ phạt|phạt tiền|nộp phạt|rồi thả|thả về|thả đi|warning|warned|fined|a fine|ticket',
  ],
];
/**
 * A relative held for overstaying, and the family asking how to bring him home: a return question.
 * Any harm named beside it still counts (only the arrest is dropped).
 */
const OVERSTAY_AT_HOME = [
  'quá hạn|hết hạn visa|hết hạn cư trú|cư trú bất hợp pháp|ở lậu|bất hợp pháp|trục xuất|overstay|overstayed|overstaying|deported|deportation',
  'gia đình *4 cần/phải/nên/làm/giúp/đón/muốn/lo|người nhà *4 muốn/lo|mua/đặt vé *4 về|buy * ticket|bố/ba/cha/mẹ/má *4 cần/phải/nên/làm/giúp/đón|người nhà *4 cần/phải/nên/làm/giúp/đón|để đón|đón * về|family * do/help/bring/pick',
];
/** A question about where to report it: "gọi số nào để báo mua bán người". */
const REPORT_IT = 'số nào|số gì|số mấy|số điện thoại|số máy|đường dây nóng|hotline|tổng đài|gọi * đâu|báo * ở đâu|báo * cho ai|tố giác|trình báo|tố cáo';
/**
 * A line of the mission or the police asked for: beside a door being pounded ("số đại sứ quán là số
 * nào, chủ đang đập cửa phòng e") it is asked from inside the danger.
 */
const LINE_ASKED = 'đại sứ quán|dsq|lãnh sự|công an|cảnh sát|police|embassy|đường dây nóng|hotline|số khẩn cấp';
/** Who arrests. */
const POLICE = ['công an', 'cảnh sát', 'di trú', 'nhập cư', 'nhập cảnh', 'police', 'immigration', 'polis'];
/** Each of the words, followed by the same rest: `each(POLICE, '*3 hốt')`. */
const each = (heads: readonly string[], rest: string) => heads.map((h) => `${h} ${rest}`).join('|');
/** What a hand can be raised with. */
const WEAPON = 'dao/súng/gậy/búa/roi/kéo/xà/tuýp/chai/ghế/gạch/dây/thắt/cây/ống/kiếm/mã';
/** Who is held, in the words of the fishermen's and the compounds' messages too. */
const HOME = 'nước/quê/nhà/việt/vn';
/** "không muốn sống ở đây nữa" is about a place, not a life. */
const NOT_THERE = '!o/tai/ben/voi/chung/cung/trong/gan/xa/cho/kieu/nhu/the';
/** "cứu tôi với bài tập này": help with a task, not a cry. */
const HOMEWORK = 'bài tập|bài này|bài kiểm tra|bài thi|môn|đề thi|câu này|deadline|homework|kanji|ngữ pháp|từ vựng|máy tính|excel|wifi|tiếng nhật|tiếng hàn|tiếng anh|tiếng trung';
/** Paperwork and its deadlines: "cứu em với, mai hết hạn nộp hồ sơ". */
const PAPERWORK = 'hồ sơ|giấy tờ|mật khẩu|tài khoản|đăng nhập|mã otp|password|account|login|mất hộ chiếu|mất passport|lost * passport|làm lại hộ chiếu|giấy xác nhận|giấy phép|hết hạn|gia hạn|hạn chót|hạn nộp|nộp đơn|mẫu đơn|điền đơn|thủ tục|visa|deadline|form|application|paperwork|expire|expires|expired|renew|register|registration|how to register|how do i register|sign up';
/**
 * A game, a song or a film: the dying there is played or sung ("bị giết 5 lần trong Liên Quân",
 * "'cứu lấy tình yêu' là bài gì"). Dying counted in times is play too: nobody is killed twice.
 */
const PLAY =
  'liên quân|liên minh|pubg|free fire|tốc chiến|mobile legends|valorant|minecraft|roblox|game|bài gì|bài hát|bài nhạc|tên bài|lời bài|ca khúc|ca sĩ|nhạc gì|karaoke|lyrics|song|the song|what song|tên phim|phim gì|là phim';
/** In the clause of a killing: a match, a round, a character, or the killing counted in times. */
const PLAYED = `${PLAY}|rank|ván|trận đấu|nhân vật|# lần|mấy lần|nhiều lần`;
/**
 * A board or card game lost or won: "tao giết mày" said across a game of chess is a loser's cry.
 * In the clause only: a threat said elsewhere in the message still counts.
 */
const BOARD_GAME = 'cờ tướng|cờ vua|cờ caro|+ván cờ|đánh cờ|chơi cờ|đánh bài|chơi bài|+ván bài|đánh tiến lên|thắng *2 +ván|thua *2 +ván|chess|card game|board game';
/** Shut in by the weather, an epidemic or a stuck lift, not by a person. */
export const WEATHER = 'thang máy|elevator|stuck in * lift|bão|giãn cách|bão tuyết|tuyết|mưa to|mưa lớn|lũ|ngập|động đất|sóng thần|dịch|covid|cách ly|phong tỏa|phong toả|typhoon|storm|snow|snowstorm|blizzard|flood|flooding|earthquake|quarantine|lockdown|tsunami';
/** Made to end a pregnancy: the words that say it is forced, not asked about. */
const FORCED = 'ép|bắt|buộc|bảo phải|phải|dọa|đe dọa|không thì|nếu không|đuổi|mất việc|sa thải|cấm|force|forced|forces|forcing|make me|made me|makes me|must|have to|or *4 fired/home/deported|threaten|threatened|threatens';

/** Someone who did the harm the body shows: "the son did it", "do bà chủ làm", "by her employer". */
const HARM_DONE_BY =
  'did it|did this|did that|did them|done by|caused by|by her/his/their/the * employer/boss/madam/son/husband/wife/agent/sponsor/master/family|son/boss/employer/husband/madam/sponsor/master did|do/tại/bởi *4 làm/gây/đánh/đốt/dí/đổ|nói/bảo/kể là * làm/đánh/đốt/dí|con trai * làm/đốt/dí/hắt/tạt|bà/ông/chủ * làm/đốt/dí/hắt/tạt';

/** Despair that turns a vague wish to end things into a wish to die. */
const DESPAIR =
  'chán|mệt mỏi|buồn|khổ|tuyệt vọng|bế tắc|áp lực|cô đơn|xin lỗi|vĩnh biệt|tạm biệt|khóc|đau khổ|nợ|không chịu nổi|không chịu được|không sống nổi|trầm cảm|không bắt máy|không nghe máy|không trả lời|gọi không được|not answering|does not answer|hopeless|tired|sorry|goodbye|depressed|alone|lonely';

/** Who is to be told when the writer falls silent: the mission, the police, the family. */
const WHO_TO_ALERT = 'đại/lãnh/dsq/công/cảnh/police/embassy/gia/người/nhà/mẹ/bố/ba/má/vợ/chồng/anh/chị';
/** Asking for someone to talk to: "có số nào để nói chuyện không", "cần ai đó tâm sự". */
const WANTS_TO_TALK = 'cần/muốn/có/tìm * nói chuyện|số nào * nói chuyện|ai * nói chuyện|nói chuyện với ai|người * để nói chuyện|tâm sự|someone to talk|talk to someone|anyone to talk';

/** Despair beside "chán muốn chết" that makes it more than boredom ("chán" itself is the boredom). */
const DESPAIR_BESIDE_BOREDOM = DESPAIR.split('|').filter((w) => w !== 'chán').join('|');

export const DANGER_RULES: readonly DangerRule[] = [
  // ── violence ──
  { p: `bị đánh ${NOT_HIT}|bị *6 đánh ${NOT_HIT}|đánh đập|đánh ${ME}|đánh gãy/chảy/bầm/sưng/rách/ngất/nhập/thâm/tím|đánh ${ME} gãy/chảy/bầm/sưng/rách/ngất/nhập/thâm/tím`, kind: 'violence' },
  { p: `${BOSS} đánh ${NOT_HIT}|${BOSS} * đánh ${NOT_HIT}`, kind: 'violence' },
  { p: `${BLOW}/đánh đầu/mặt/người/bụng/lưng/ngực/tai|${BLOW}/đánh vào đầu/mặt/người/bụng/lưng/ngực|không cho ${ME} ăn|không cho ăn|bỏ đói|nhịn đói mấy|không được ăn uống|cho ăn đồ thừa`, kind: 'violence', unless: `${ACCIDENT}|${LOST_THING}` },
  { p: `${BOSS} ${BLOW} ${ME}|${BOSS} * ${BLOW} ${ME}|${BLOW} ${ME}|bị ${BLOW}|bị * ${BLOW} !tien/luong/ca|bóp cổ|túm tóc|giật tóc|bị đá vào/vô|đá vào bụng|đá vào người`, kind: 'violence', unless: ACCIDENT },
  { p: 'bị bạo hành|tra tấn|bạo hành !dien/may/xe/san/bao/dong/sua/hang/mien|bạo lực|hành hung|hành hạ|ngược đãi|bị bắt nạt|bị đấm|bị đâm|bị tát|bị chém|bị đập|bị lạm dụng|bị hành', kind: 'violence' },
  { p: 'bị giết|giết chết', kind: 'violence', unless: PLAYED, unlessInSentence: [[PLAY]] },
  { p: `đe dọa giết|dọa giết|giết ${ME}|bị đe dọa|bị dọa|bị gọi điện *1 đe dọa/dọa|dọa đánh|dọa ${ME}|đe dọa ${ME}|cầm dao|cầm súng|dí dao|kề dao|cầm gậy`, kind: 'violence', unless: SLAUGHTERED },
  { p: `${BLOW}/đánh/đá/đạp/ném vào/vô ${BODY}|đập ${ME} vào/vô|nắm tóc|kéo tóc|túm cổ|+nắm cổ|nắm cổ ${ME}|siết cổ|bịt miệng|bịt mồm|đánh hội đồng|đuổi đánh|rượt đánh|đuổi chém|rượt chém|đòi đánh ${ME}|nước sôi vào/vô|hắt/tạt/dội nước sôi|tạt axit|tạt a xít|chích điện|dí điện|dùi cui|=roi điện !thoai|gậy điện|sốc điện|đầu * vào/vô tường|ăn đòn|bị đòn|ăn đấm|ăn tát|+ăn roi|no đòn|bắt ${ME} quỳ|bắt quỳ|phạt quỳ|bắt * phơi nắng|bắt * đứng * nắng|ép/bắt * phá thai|ép/bắt * bỏ thai|đẩy ${ME} ngã|đẩy * ngã|xô ngã|đẩy * xuống cầu thang|bị ném xuống biển|ném ${ME} xuống`, kind: 'violence', unless: ACCIDENT },
  { p: `còn/hay/thường/suốt/hoài/cứ/đòi/toàn đánh ${NOT_HIT}|cầm/vác/rút/lấy ${WEAPON} *4 đuổi/rượt/dọa/đe/chém/đâm/chĩa/kề/dí/phang/+quật/ném|cầm/vác/rút/lấy ${WEAPON} *4 đánh/đập/chém/đâm ${ME}|chĩa súng|chĩa dao|kề dao|dí súng|dọa/hăm/+hù *6 giết/chém/bắn/đâm/hiếp/chặt/+xử|+xử ${ME}|cho/thuê người *4 xử/đánh/giết/chém|xử đẹp|chặt tay/chân/ngón ${ME}|dọa/hăm/+hù *6 thủ tiêu|dọa/hăm/+hù *6 đánh ${NOT_HIT}|dọa/hăm/+hù *6 ném/vứt * xuống biển/sông|đòi giết|muốn giết ${ME}|sẽ giết ${ME}|nói/bảo/la/hét/chửi/gào *3 sẽ giết/chém/đâm/bắn/thịt|giết cả *2 mẹ con|giết hai mẹ con|giết cả nhà|giết cả gia đình|giết cả vợ con|giết cả hai|threatened/threatens/threaten to kill|said * will kill|will kill us|kill us both|kill my/the children/kids/family`, kind: 'violence' },
  { p: 'không được ăn gì * ngày|không được ăn * ngày|mấy ngày/hôm *3 không được ăn|không được cho ăn|khóa tủ lạnh|khoá tủ lạnh|khóa/khoá/cất/giấu hết đồ ăn|bắt * nhịn đói|bắt nhịn|bị nhịn đói|phải nhịn đói * ngày|không có gì ăn|không có gì để ăn|nhịn đói * ngày|đói * ngày nay|đói mấy ngày|không cho * ăn * ngày|chỉ cho ăn * bữa|ăn đồ thừa|ăn cơm thừa|cho ăn cơm thừa', kind: 'violence', unless: 'xét nghiệm|khám|mổ|phẫu thuật|nhịn ăn|ăn chay|ramadan|giảm cân|ăn kiêng' },
  { p: 'one meal a day|one meal per day|only one meal|hide/hides/hid/lock/locks/locked * food/fridge/kitchen|throw/throws/threw/throwing *3 into/in/to * sea/river/water|throw/throws/threw * overboard|pull/pulls/pulled/pulling * hair|employer/boss/madam/sir/agent/captain/he/she/they slap/slaps/hit/hits/kick/kicks/beat/beats/punch/punches .|slap/slapped/slapping/kick/kicked/kicking .|no give/gives/giving/gave * food|not give/gives/giving/gave * food|no eat * day/days|not eat * day/days|hungry * 2/3/4/5/many/two/three/four/five * day/days|not * let me/us eat|not allowed * eat|not giving/give/given/gives * food|no food|without food|not fed|not feeding|starve/starves/starved * me|hungry for days|threw/throws/throw * at me|pushed/push/pushes me|choke/choked/chokes/strangled/strangle me|burned/burnt/burns me|electric shock|shocked me|tasered|taken by force|dragged me', kind: 'violence' },
  { p: 'beat/beats/beating/hit/hits/hitting/abuse/abuses/abused/abusing/attacked/attacks/slapped/slaps/punched/punches/kicked/kicks/tortured/threatened/threatens/threaten/hurt/hurts/hurting * me/us/her/him/them|nothing to eat|no food|starving|not given food|not allowed to eat|do not feed|does not feed', kind: 'violence' },
  { p: 'abused|mistreated|maltreated|been/was/were/being/am/is/get/got/are beaten/abused/attacked/assaulted/tortured/mistreated/threatened/slapped/punched|beaten up|domestic violence|violence|violent|physical abuse|abusive', kind: 'violence' },
  { p: 'kill/killing me/us|going to kill|will kill|gonna kill|threatens to kill|threatened to kill', kind: 'violence', unless: 'this/the/these/that overtime/work/job/heat/weather/cold/homework/exam/test/shift/traffic/noise/commute/class/kanji/grammar|overtime|homework|haha|lol|lmao|joking|kidding|so tired|dead tired|so funny|laughs|laughing|factory|shift|with work' },
  { p: 'threatened/threatens/threaten/threatening to hurt/kill/beat/harm/attack/rape|threatened/threatens my family|going to hurt me', kind: 'violence' },

  // Food withheld as a punishment or a group left to go hungry: said by what is eaten, or not.
  { p: `không cho ${ME} *1 ăn|không cho *4 ăn gì/uống/cơm|không được ăn gì|không cho * ăn cơm/uống|phạt * nhịn/đói|phạt không cho ăn|cắt cơm|cắt bữa|cắt * bữa ăn|chỉ cho uống nước|chỉ được uống nước|chỉ có nước * uống|đói lả|đói meo|đói rã|hết gạo * không|không còn gì * ăn|không có cơm ăn|không có tiền * ăn * ngày|mấy ngày * chưa có gì * bụng|chỉ cho * gặm/ăn * bánh mì/mì gói|ăn cơm nguội * ngày`, kind: 'violence', unless: 'xét nghiệm|khám|mổ|phẫu thuật|nhịn ăn|ăn chay|ramadan|giảm cân|ăn kiêng|nội soi' },
  { p: 'no dinner/lunch/breakfast/meal/meals/food/rice * day/days/night/nights|no dinner/lunch/breakfast/meal/meals as * punishment|punish/punished/punishes/punishing * no/without food/dinner/lunch/meal/meals/eat/eating|not allowed * food|no food * left|ran out of food|run out of food|only * water * day/days|have not eaten * day/days|did not eat * day/days|locked * fridge/kitchen|starved|starving us', kind: 'violence', unless: 'fasting|ramadan|diet|surgery|operation|blood test' },
  // Made to end a pregnancy (a broker, an organisation, an employer): the act, with what forces it.
  { p: 'nạo thai|nạo hút|phá thai|bỏ thai|bỏ cái thai|hút thai|phá bầu|bỏ bầu|bỏ đứa bé|bỏ cái bầu|uống thuốc * thai|thuốc phá thai|abortion|abort * baby/pregnancy|get rid of the baby|terminate * pregnancy|end the pregnancy', kind: 'violence', needs: FORCED },
  { p: 'không được/cho * có thai/bầu/con * thì/nếu/không|có thai/bầu * thì * đuổi/về nước/mất việc/sa thải|có thai/bầu * bị đuổi|bị đuổi * vì có thai/bầu|đuổi *3 vì * có thai/bầu|đuổi *3 vì * mang thai/bầu|pregnant * fired/sent home/deported|fired * because * pregnant', kind: 'violence' },
  // Pictures demanded: "đòi em gửi ảnh không mặc đồ".
  { p: 'đòi/bắt/ép/bảo * gửi/chụp * ảnh/hình * không mặc/khỏa/khoả/nude/nóng/sexy/hở|ảnh/hình khỏa/khoả thân|ảnh/hình không mặc|ảnh nude|hình nude|send * naked/nude * photo/photos/pictures/picture/pics|nude photos|naked photos', kind: 'sexual_abuse' },
  { p: 'grab/grabs/grabbed/grabbing me|keeps grabbing|keeps touching|touching me|forced himself|kissed me|kiss me by force|comes into my room at night|came into my room at night', kind: 'sexual_abuse' },
  // Hurt, and care forbidden: no ambulance, no doctor, no hospital.
  { p: 'cấm/không cho * gọi/đi/đưa/chở * cấp cứu/cứu thương/bệnh viện/viện/bác sĩ/khám|không cho * đi khám|cấm * đi khám|không được * đi viện/khám/bác sĩ|no doctor|no hospital|not allowed *4 doctor/hospital/ambulance|not let *4 doctor/hospital/ambulance|forbid/forbids/forbade/forbidden *4 doctor/hospital/ambulance|says no ambulance|refuses * ambulance/doctor/hospital', kind: 'danger', unless: 'bảo hiểm|chi phí|tiền viện phí|giấy phép nghỉ|insurance|cost|fee|fees' },
  // Marks of harm on the body, and a person who did it ("burns on her arms, the son did it"): a blow
  // told by what it left, often by a volunteer or a relative.
  { p: 'burns/burn/bruises/bruise/bruised/cuts/wounds/scars/marks/welts * on * her/his/my/their/our/both arms/arm/face/back/body/hands/hand/legs/leg/neck/head/skin|vết bỏng/phỏng/bầm/thâm/roi/cắt/sẹo/cào * trên/ở/khắp/đầy * tay/mặt/lưng/người/chân/cổ/đầu/bụng|tay/mặt/lưng/người/chân/cổ * đầy vết', kind: 'violence', needs: HARM_DONE_BY, unless: 'cooking|kitchen|oil|sun|sunburn|accident|machine|nấu ăn|bắn dầu|dầu ăn|nắng|tai nạn|máy|ngã|té' },
  // Watched by armed men: guards, guns, the gate.
  { p: 'guards/guard/men/man * guns/gun/gate/gates/door/dorm/sticks/weapons|armed guards|armed men|men with guns|guns at the|watch/watches/watching * dorm/door/gate/us * night|bảo vệ * cầm gậy/súng/dao|bảo vệ * canh * cổng/cửa|có người * cầm súng/gậy * canh|canh cổng|canh cửa', kind: 'confinement', unless: 'bảo vệ tòa nhà|bảo vệ công ty|bảo vệ khu|security guard job|việc bảo vệ' },

  // ── confinement ──
  { p: `nhốt ${ME}|nhốt trong|nhốt * trong phòng|${BOSS} nhốt|giam lỏng|giữ ${ME} .|giữ ${ME} lại|holding me|held me|hold me|against my will|bị khóa cửa|bị khoá cửa|khóa cửa ${ME}|khóa trái|khoá trái|khóa * trong phòng|khóa * trong nhà|khóa ${ME}`, kind: 'confinement', unless: `${ANIMALS}|${EXAM}`, unlessAnywhere: WEATHER },
  // Shut out on a balcony or a roof ("bị nhốt ngoài ban công cả đêm"): a person, not a pet.
  { p: 'nhốt/khóa/khoá *2 ngoài ban công|nhốt/khóa/khoá *2 ngoài sân thượng|nhốt/khóa/khoá *2 ngoài mái/sân/hiên|locked/lock/locks/shut * out * balcony/roof|locked/shut * on the balcony/roof', kind: 'confinement', unless: ANIMALS, unlessAnywhere: WEATHER },
  { p: `không/chẳng/chả cho ${OUT}|không/chẳng/chả cho * ${OUT}|không/chẳng/chả được ra ngoài|không/chẳng/chả được ra khỏi|không/chẳng/chả được rời|không/chẳng/chả được phép ra/rời/đi|không/chẳng/chả được đi đâu|cấm * ra ngoài|cấm * ra khỏi`, kind: 'confinement', unlessAnywhere: WEATHER },
  { p: `không/chẳng/chả cho về ${NOT_ABOUT}|không/chẳng/chả cho ${ME} về ${NOT_ABOUT}|không chịu cho * về ${NOT_ABOUT}|không chịu/cho/được ký *3 cho ${ME} về|không thả * về|không cho * bỏ về|giữ * không cho về`, kind: 'confinement' },
  { p: `không cho/được liên lạc|không cho * liên lạc|không cho * nói chuyện/nhắn/chat/gặp/gọi với/cho/tin/về/ai|không cho * gọi về|giữ lại không cho|không cho đi !lam/hoc/xe/choi/du/lai|không cho gặp ai|không cho * gặp ai|không cho * tiếp xúc|cấm * gặp ai|giữ ${ME} lại|mới cho về|mới được về|mới thả|mới cho đi`, kind: 'confinement', unless: 'tiền môi giới|phí môi giới|phí xuất cảnh|mới cho đi ba/nhật/hàn/đài/đức/sang/qua/xuất/bay/học/đơn' },
  { p: `bị nhốt !ngoai/o|bị nhốt ở !ngoai/ben|khóa cửa * ngoài|khóa ngoài|khoá ngoài|khóa cửa * đi !ngu/tam/hoc|bị khóa trong|bị khóa ở trong|bị khoa/lock * trong phòng/nhà/kho|bị * khóa/khoá/lock trong|lock ${ME}`, kind: 'confinement', unless: `chìa khóa|chìa khoá|tài khoản|facebook|zalo|nick|thẻ ngân hàng|thẻ atm|sim|${ANIMALS}|${EXAM}`, unlessAnywhere: WEATHER },
  { p: `không/chẳng/chả/chưa cho/được lên/vào/cập bờ|không/chẳng/chả/chưa cho/được xuống/rời tàu|không/chẳng/chả/chưa cho * lên/vào/cập bờ|không/chẳng/chả/chưa cho * xuống/rời tàu|không/chẳng/chả cho * xuống tàu|bị giữ ở/tại/trong/trên|bị giữ lại ở/tại/trong/trên|giữ ${ME} ở/tại/trong/trên|đang bị giữ !luong/tien/ho/giay/the/hop/visa/bang/phep/coc/passport/dien/so|bị giữ làm con tin|làm con tin`, kind: 'confinement', unless: `ký quỹ|tiền|lương|cọc|bao lâu|deposit|${PAPERS_HELD}` },
  // Not let home — unless it is the leave for Tết or a funeral that was refused.
  { p: `không/chẳng/chả cho * về ${HOME}`, kind: 'confinement', unless: 'phép|ăn tết|về tết|nghỉ tết|thăm nhà|thăm quê|nghỉ lễ|đám cưới|đám giỗ|chịu tang|dự đám' },
  { p: 'không/chả/chẳng/chưa ai *2 chở/đưa/đem/dẫn *2 viện/bệnh/cấp/bác|không/chả/chẳng cho *2 đi viện/khám/bệnh/bác|chảy máu nhiều|máu chảy nhiều|mất nhiều máu|bất tỉnh|hôn mê|bleeding|unconscious|no one * take me to * hospital|nobody * take me to * hospital', kind: 'danger' },
  { p: 'không cho * gọi điện|không cho * gọi cho|không cho ai gọi|cấm * gọi điện|thu điện thoại|lấy điện thoại|tịch thu điện thoại|giữ điện thoại|không/chẳng/chả/chưa cho/được * dùng/xài/cầm/có điện thoại|không/chẳng/chả/chưa cho/được * sử dụng điện thoại|điện thoại * bị thu/lấy/giữ|điện thoại * bị tịch thu|điện thoại * bị * giữ/thu/lấy|điện thoại bị * thu/lấy/giữ|bị thu * điện thoại|bị lấy * điện thoại|bị giữ * điện thoại|tịch thu * điện thoại|nhắn +lén|nhắn trộm|lén nhắn|lén gọi|gọi +lén|+mượn lén|dùng +lén|nhắn tin +lén|lén lút nhắn', kind: 'confinement', unless: 'giờ làm|khi làm|lúc làm|trong ca|ca làm|hết ca|trong xưởng|at work|during work' },
  // Out of contact for weeks is danger now; a worker declared missing ("mất tích") is a Support
  // Fund case for the family, as the shared dev set labels it.
  { p: `bị bỏ rơi|bị bỏ lại|bị vứt lại|bị bỏ mặc|bị đuổi ra đường|ngủ ngoài đường|ngủ ngoài công/trời/ga/gầm/hè/ghế|phải ngủ ở/ngoài *2 công/ga/gầm/đường/trời|vô gia cư|lang thang ngoài đường|đứng ngoài đường|không có chỗ ngủ|không có chỗ ở|không nơi nương tựa|không biết đi đâu !choi/an/du/lam/mua/hoc/kham/cho/xem|không biết * đang ở đâu|không biết mình/em/tôi/tui/nó/đang ở đâu|không rõ * đang ở đâu|bị đuổi ra đường|đuổi * ra đường|đuổi ra đường|đuổi * ra khỏi nhà|người lạ * theo ${ME}|bám theo ${ME}|theo dõi ${ME}|rình rập|không thoát ra được|không thoát được|không trốn được|không trốn thoát|không có lối thoát|không chạy thoát|mất liên lạc * ngày/tuần/tháng/hôm/nay|tháng/tuần nay không gọi/liên/nhắn|không gọi về * ngày/tuần/tháng|không liên lạc * ngày/tuần/tháng|không nghe máy * ngày/tuần/tháng|bặt tin|không có tin tức gì|no news from|not heard from|lost contact|mất liên lạc với ${ME}|bặt vô âm tín|không liên lạc được với ${ME}|không liên lạc được * ngày/tuần/tháng|trốn thoát|trốn ra được|trốn được ra|trốn được khỏi|thoát được khỏi|chạy trốn khỏi|đang lẩn trốn|đang trốn ở/trong|can not escape|no way out|nowhere to go|no place to go|nowhere to stay|sleeping on the street|not eaten for|have not eaten|no food for|abandoned|stranded|left behind|do not know where * is/are/am|escaped from`, kind: 'danger' },
  { p: 'took/take/takes/taken my phone|no contact with my family|not allowed to call|lock the door|locked the door|locks the door|locked/lock/locks * me/us/in/up/inside|locked in|locked up|locked inside|trapped|confined|imprisoned|held captive|keep/keeps/kept me inside', kind: 'confinement', unlessAnywhere: WEATHER },
  { p: 'not/never allowed to leave/go|not * let me * leave/go/out|not * let us * leave/go/out|never let me * leave/go/out|can not leave the house/room/building/compound|can not go out|can not get out', kind: 'confinement', unlessAnywhere: WEATHER },

  // ── sexual abuse and harassment ──
  { p: `quấy rối|sàm sỡ|hiếp dâm|bị hiếp|hiếp !hoi/dinh/si/luc/uoc/dau/thuong/khach|cưỡng hiếp|cưỡng dâm|bị cưỡng bức|bị * cưỡng bức|xâm hại|lạm dụng tình dục|dâm ô|sờ soạng|sờ mó|sờ ngực|sờ người|gạ tình|gạ gẫm|gạ ngủ|ép quan hệ|bắt quan hệ|đòi quan hệ|ép * quan hệ !lao|bắt * quan hệ !lao|đòi * quan hệ !lao|ép ngủ|bắt ngủ với/cùng/chung|ép * ngủ với/cùng/chung|ép * bán dâm|bắt * bán dâm|ép * tiếp khách|bắt * tiếp khách|ép/bắt * đi khách|đòi ngủ|đòi * ngủ với/cùng/chung|bắt * ngủ với/cùng/chung|bảo * ngủ với/cùng/chung|ngủ với ${ME} mới|ngủ với ${ME} thì|rình * tắm|nhìn trộm|quay lén|chụp lén|rình mò|camera * phòng tắm`, kind: 'sexual_abuse' },
  { p: `sờ/rờ/đụng/chạm/touch/bóp/vỗ vào/vô người/ngực/mông/đùi/vú/chỗ/vùng/hạ|sờ/rờ/bóp/vỗ/touch mông/đùi/vú/chỗ/vùng|đụng chạm ${ME}|đụng chạm vào/vô|động chạm vào/vô|đụng chạm người|sờ/rờ/touch ${ME}|mò vào/vô phòng|lẻn vào/vô phòng|vào phòng * lúc * ngủ|cưỡng hôn|+hôn ${ME}|bắt/ép/đòi *3 massage/xoa|bắt/ép/đòi *3 mát xa|massage cho ông/chủ/sếp/hắn/nó|đòi vào/vô phòng|say rượu * vào/vô phòng|nửa đêm * vào/vô phòng|gõ cửa phòng * đêm|đêm * gõ cửa|gõ cửa * đòi vào/vô|kêu/gọi/bảo/bắt/đòi ${ME} vào/vô phòng *2 ngủ|gạ ${ME}|gạ * lên giường|lên giường với|dâm dê|dê xồm|ý đồ xấu|ý đồ đen tối|có ý đồ với|giở trò|chuốc thuốc|chuốc say|bị chuốc|bỏ thuốc vào|bị bỏ thuốc|vào/vô phòng ${ME} *3 đêm|đêm * vào/vô phòng ${ME}|mát xa cho ông/chủ/sếp/hắn/nó|bắt/ép/đòi * cởi|bắt/ép/đòi *2 nằm cạnh/chung/cùng/với|đòi * ảnh nóng|đòi * ảnh khỏa thân|gửi ảnh nóng|quay/chụp * tắm|quay/chụp * thay đồ/quần|camera * tắm|camera * thay đồ/quần|camera * phòng ngủ|camera trong phòng ${ME}|camera * phòng ${ME}`, kind: 'sexual_abuse', unless: PAPERS_WORD },
  // Coming into the worker's room at night is harassment when the worker says it frightens them
  // ("con trai ông chủ hay vào phòng em lúc khuya, em sợ lắm"); a visit to tidy up is not.
  { p: `${BOSS}/trai *3 vào/vô/sang phòng ${ME} *4 tối/đêm/khuya/nửa|tối/đêm/khuya *3 ${BOSS}/trai *3 vào/vô/sang phòng ${ME}|${BOSS}/trai *3 tối/đêm/khuya *3 vào/vô/sang phòng ${ME}|comes/came/come into my room *4 night`, kind: 'sexual_abuse', needs: 'sợ|hoảng|không dám ngủ|khóa cửa|chốt cửa|ám ảnh|scared|afraid|frightened' },
  { p: 'peeping|filmed me|secretly filmed|harass/harassed/harasses/harassing/harassment|rape/raped/raping/rapes|sexual/sexually|molest/molested/molesting|groped/grope/gropes|touch/touches/touched/touching me|touch/touches/touched/touching my body/breast/breasts/chest/butt/bottom/leg/legs/private|assault/assaulted me|sexual assault', kind: 'sexual_abuse' },

  // Held for money: the family paying and the captors not letting go ("họ ko thả con đâu"), a ransom;
  // a parent not letting a child out to play is no captor.
  { p: `không/chưa/chẳng/chả thả ${ME}|không/chưa chịu thả|không/chưa thả * về|not let me/us/him/her go|will not release|won't release|không/chưa cho ${ME} về *3 tiền/chuộc`, kind: 'trafficking', needs: 'chuyển tiền|gửi tiền|nộp tiền|đưa tiền|tiền chuộc|chuộc|đòi tiền|đòi thêm|transfer|ransom|pay|money', unless: 'đi chơi|đi nhậu|đi tiệc|đi bar|ra ngoài chơi|thả diều|con cá|con chim|party|go out' },
  // A hunger strike held for days: starving by choice to be heard is still starving.
  { p: 'tuyệt thực|hunger strike|nhịn ăn *3 ngày/hôm *3 đòi/phản đối/đình công|nhịn đói *3 đòi/phản đối', kind: 'danger' },
  // ── self-harm ──
  // "nóng muốn chết", "đói muốn chết": a physical state said strongly, not a wish (see notAfter).
  // Bored to death: "chán muốn chết" is hyperbole, unless despair is said beside it.
  { p: 'chán *2 muốn chết|chán chết|bored to death', kind: 'self_harm', strong: true, needs: DESPAIR_BESIDE_BOREDOM },
  { p: 'muốn chết', kind: 'self_harm', strong: true, unlessInSentence: ACCOUNT_TROUBLE, unless: 'chán|+lạnh|+rét|khát|nắng|# độ|vì/tại/do *2 hồ/thủ/giấy/visa/deadline/đơn/form|deadline|ôn thi|kỳ thi|đi thi|bài tập|kanji|tiếng nhật|tiếng hàn|tiếng anh|tiếng trung', notAfter: ['nong', 'lanh', 'ret', 'doi', 'khat', 'ngon', 'cuoi', 'vui', 'suong', 'them', 'ngua', 'thom', 'dep', 'hay', 'oi', 'buc', 'di', 'ca', 'deadline', 'hoc', 'chay', 'ban', 'nhuc', 'sot', 'xau', 'ngai', 'tuc', 'met'] },
  { p: `thà chết|chết đi cho|ước gì * chết|mong * chết|chết cho xong|chết quách|không/chẳng muốn sống ${NOT_THERE}|không thiết sống|chán sống ${NOT_THERE}|hết muốn sống ${NOT_THERE}|không còn muốn sống ${NOT_THERE}|chán đời|không/chẳng/chả còn thiết|không/chẳng/chả thiết sống|kết liễu|kết thúc cuộc đời|kết thúc cuộc sống|kết thúc đời|tự sát|+tự +tử|+tự +vẫn|nhảy lầu|nhảy cầu|uống thuốc ngủ|uống thuốc chuột|cắt cổ tay|rạch tay|treo cổ`, kind: 'self_harm', strong: true },
  { p: `muốn/định/sẽ/chắc/nghĩ/tính/phải/nên/hay/cũng/đã/để tự tử|muốn/định/sẽ/chắc/nghĩ/tính/phải/nên/hay/cũng/đã/để ${ME} tự tử|tự tử chết/mất|tự tử cho xong`, kind: 'self_harm', strong: true },
  { p: `sống làm gì|sống để làm gì|sống tiếp/thêm *1 làm gì/chi|sống tiếp tục *1 làm gì/chi|nhảy xuống/sông/cầu/lầu *3 cho xong/rồi|nhảy xuống *3 chết|ra/lên/tới/đến *3 cầu/sông/nóc *4 nhảy|ra/lên/tới/đến *3 sân/tầng thượng *4 nhảy|sống chi nữa|sống làm chi|lý do * để sống|lý do để sống|lý do gì để sống|không còn gì để sống|không/chẳng/chả thiết tha|không/chẳng/chả thiết gì|tự giải thoát|giải thoát cho bản thân|tìm đến/tới cái chết|tìm cái chết|về với ông bà|về với tổ tiên|đi theo ba/bố/ông mẹ/bà luôn|đi theo ba/bố/ông mẹ/bà cho|vĩnh biệt mọi/cuộc/bố/ba/mẹ/gia/tất/cả/anh/chị/em|tin nhắn cuối cùng|lời nhắn cuối cùng|lời trăn trối|biến mất khỏi|muốn biến mất|ước gì * biến mất|nếu/khi ${ME} *1 biến mất *6 nhẹ/đỡ/thanh/sướng/vui/tốt|nếu/khi ${ME} *1 chết *6 nhẹ/đỡ/thanh/sướng/vui|nếu/khi ${ME} *1 không còn *6 nhẹ/đỡ/thanh/sướng/vui|mọi người *4 nhẹ/đỡ *4 nếu/khi/khi mà ${ME}|better off without me|relieved if i|happier if i * gone/disappeared/died/dead|hơn nếu không có/thiếu ${ME}|hơn khi không có ${ME}|không bao giờ tỉnh dậy|không bao giờ dậy|ngủ *3 không dậy nữa|ngủ *3 không tỉnh lại|không bao giờ tỉnh lại|không muốn dậy nữa|không muốn tỉnh dậy|không muốn thức dậy nữa|ngủ mãi mãi|ngủ luôn không dậy|rạch cổ tay|thuốc chuột|thuốc diệt chuột|thuốc trừ sâu|uống * vỉ thuốc|uống hết * thuốc|uống cả * thuốc|uống hết vỉ|uống cả vỉ|uống quá liều|quá liều|nhảy sông|nhảy xuống sông|nhảy xuống từ|lao xuống sông|gieo mình|muốn/tính/định/sẽ/thà/chắc nhảy *2 sông/biển/lầu/cầu/xuống|đứng trên sân thượng|đứng trên mái/nóc/lan/thành|trèo lên sân thượng|trèo lên mái/nóc/lan/thành|kết thúc tất cả|kết thúc mọi thứ|kết thúc mọi chuyện|chết cho rồi|chết đi cho|chết luôn cho|ra đi mãi mãi`, kind: 'self_harm', strong: true, unless: 'phơi|ngắm|hút thuốc|tập thể dục|diệt chuột|bẫy chuột|nhà * chuột|cắt tay áo|móng tay' },
  { p: 'muốn kết thúc .|muốn giải thoát|muốn đi luôn|đi luôn cho xong|cắt tay|can not go on|want to disappear|give up on everything', kind: 'self_harm', strong: true, needs: DESPAIR },
  // Pills gathered with the end said beside them ("mua thuốc ngủ rồi. mai là hết"); bought for
  // sleeplessness or on a doctor's word, they are a remedy.
  { p: 'mua/gom/tích/trữ/sẵn *3 thuốc ngủ|mua/gom/tích/trữ/sẵn *3 thuốc an thần|chuẩn bị *3 thuốc ngủ|để dành *3 thuốc ngủ|bought/got/buy/collected/saved * sleeping pills', kind: 'self_harm', strong: true, needs: 'là hết|là xong|cho xong|hết rồi|kết thúc|vĩnh biệt|lần cuối|không còn gì|đêm nay|tối nay|mai là|it will be over|it ends|all over|goodbye|the end|tonight', unless: 'mất ngủ|khó ngủ|trằn trọc|bác sĩ|kê đơn|đơn thuốc|cho bà/ông/mẹ/bố/ba/má|insomnia|doctor|prescription|jet lag' },
  // The wish to sleep and not wake ("chỉ muốn ngủ mãi không dậy"); a lazy morning is no wish.
  { p: 'ngủ mãi/hoài/luôn *2 không dậy/tỉnh|ngủ một giấc *2 không dậy/tỉnh|ngủ mãi/hoài *2 đừng dậy/tỉnh|muốn ngủ mãi mãi|sleep forever|never wake up|not wake up again|not to wake up', kind: 'self_harm', strong: true, unless: 'cuối tuần|chủ nhật|ngày nghỉ|được nghỉ|báo thức|dậy muộn|trễ giờ|mùa đông|trời lạnh|chăn ấm|weekend|alarm|sunday|day off' },
  // The end of endurance, with despair beside it — unless it is the heat, the noise or the shift.
  { p: 'không chịu được nữa|không chịu nổi nữa|không thể chịu nổi/được/đựng|không chịu đựng nổi/được|chịu không nổi|hết chịu nổi|chịu hết nổi|không sống nổi|can not do this anymore|can not take it anymore|can not take this/the * anymore', kind: 'self_harm', strong: true, needs: DESPAIR, unlessInSentence: COMPLAINT },
  { p: 'drink/drinks/drinking/swallow/swallowed * bleach/poison/cleaning/chemical/chemicals/pesticide|uống * thuốc tẩy/nước tẩy/hóa chất/hoá chất/nước rửa/thuốc sâu|end everything|ending everything|nobody would miss me|no one would miss me|nobody will miss me|no one will miss me|if i was gone|if i were gone|better off without me|no reason to go on|no point living|no point in living|give up on life|overdose|took * pills|take all * pills|jump off|jump from|slit my wrist|cut myself|cutting myself|my last message|goodbye forever', kind: 'self_harm', strong: true },
  { p: 'not want live|no want live|not wanna live|want die|kill myself|killing myself|suicide|suicidal|want to die|wanna die|end my life|hurt myself|harm myself|self harm|no reason to live|better off dead|end it all|take my own life|ending my life|end my own life|kill myself|not want to live|no longer want to live|wish i was dead|wish i were dead|do not want to be alive', kind: 'self_harm', strong: true },

  // ── arrest and detention ──
  { p: `bị công an giữ|bị cảnh sát giữ|công an * giữ ${ME}|cảnh sát * giữ ${ME}|police * held/holding/hold me|bị bắt !lam/phai/tang/nop/dong/tra/ky/dau/an/uong/doi/chiu/mua/dung/nghi/thoi/buoc/ep/lai/quan/ngu/cho/di/gap/den/chuyen/viet/hoc/thi/chuoc/loi/phat|bị bắt đi !lam|bị bắt vì|bị bắt do|bị * bắt !lam/phai/tang/nop/dong/tra/ky/dau/an/uong/doi/chiu/mua/dung/nghi/thoi/buoc/ep/lai/quan/ngu/cho/di/gap/den/chuyen/viet/hoc/thi/chuoc/ca/duoc/tay/xe/loi/phat/ve|bị * bắt đi !lam`, kind: 'arrest', unlessAnywhere: OVERSTAY_AT_HOME, unlessInSentence: MINOR_OFFENCE },
  { p: 'công an * bắt !dau/buoc/lam/phai|cảnh sát * bắt !dau/buoc/lam/phai|di trú * bắt !dau/buoc|nhập cảnh * bắt !dau/buoc|nhập cư * bắt !dau/buoc|bắt giam|bắt giữ|tạm giam|tạm giữ|trại giam|nhà tù|ở tù|vào tù|đi tù|ngồi tù|trong tù|nhà giam|phòng giam|giam giữ|bị giữ lại !luong/tien/ho/giay/the/hop/visa/bang/phep/coc|bị dẫn về đồn|bị đưa về đồn|bị đưa lên đồn|bị giữ ở đồn|giữ * ở đồn|bị +còng|bị còng tay', kind: 'arrest', unlessAnywhere: OVERSTAY_AT_HOME, unlessInSentence: MINOR_OFFENCE },
  // "bị giam bằng lái", "bị giam xe": a licence or a vehicle impounded, not a person.
  { p: 'bị =giam !luong/gio/tien/ca/thu/gia/bot/phep/can/tai/nhiet/bang/xe', kind: 'arrest', unless: `${MONEY_HELD}|${PAPERS_HELD}`, unlessAnywhere: OVERSTAY_AT_HOME },
  { p: `bị hốt !hoang|bị tóm|bị gom|bị vồ|bị * hốt !hoang|${each(POLICE, '*3 hốt/tóm/gom/vồ/còng/lôi/giải/áp/túm !hoang')}|+còng tay|bị +còng|trại di trú|trại tạm giữ|trại tạm giam|trung tâm giam|trung tâm tạm giữ|trại giam giữ|quản thúc|bị quản chế|bị tạm giam|bị phạt tù|bị kết án|bị xử tù|đang ở đồn|đang trong đồn|ở trong đồn|bị đưa vào trại|detention center|detention centre|taken by * police/immigration|police took|police * taken|immigration took|immigration raid|raided`, kind: 'arrest', unless: 'giao thông|đội mũ|vượt đèn|đỗ xe|đậu xe|phạt tiền', unlessAnywhere: OVERSTAY_AT_HOME },
  { p: 'arrested|detained|detention|jailed|in jail|in prison|in custody|held in/at * police|held * police station|kept * police station|at the police station|in a cell|police * took me|police * caught|immigration * caught|immigration * took me|caught by * police|caught by immigration|held by police', kind: 'arrest', unlessAnywhere: OVERSTAY_AT_HOME },

  // ── trafficking and forced labour ──
  { p: `+bán ${ME}|bị +bán|bị =ban sang/cho/qua/vao/di/lam/den/ra/toi|bị mua bán|bị buôn|+bán +người|tiền chuộc|đòi chuộc|chuộc người`, kind: 'trafficking', notAfter: ['chong', 'phong', 'mua', 'buon', 've', 'luat', 'nan'], unless: '+tội|+tố +cáo' },
  // Asking where to report it is a hotline question; a victim says so ("bị bán", "bị nhốt").
  { p: 'buôn người|buôn bán người|mua bán người', kind: 'trafficking', notAfter: ['chong', 'phong', 'mua', 've', 'luat', 'nan'], unless: `+tội|+tố +cáo|${REPORT_IT}` },
  { p: 'bị buôn bán|buôn bán sang|đòi gia đình *2 đô/usd/đồng/trieu/tiền|lừa bán|bị lừa vào|đường dây lừa đảo|đòi gia đình * tiền|đòi * gia đình * tiền|bị lừa sang|bị lừa =qua !nhieu/troi/tien|bị lừa đi làm|bị lừa đưa|bị lừa bán|bị lừa * việc nhẹ|lừa * việc nhẹ lương cao|lừa * sang campuchia/cam/myanmar/lao/trung/thai/casino|bị đưa sang * làm', kind: 'trafficking' },
  // Made to work (overtime unpaid, Sundays, day and night: signs of forced labour) — but "bắt làm
  // lại", "làm bù" (redo, make up for) is a hard boss.
  { p: 'ép làm|ép đi làm|bị ép !ky/hop/dong/nop/mua/an|ép * làm việc|bắt làm !nong/xay/sai/trai/nghe/nganh/cong/o/tai/ben/thu/giay/ca|bị bắt làm|bắt !dau/duoc/gap/tay/chuyen/xe/ve/ca/phat/loi/buoc/chuoc/may/song/den/boi/nop/tra/dong *1 làm', kind: 'trafficking', unless: 'làm lại|làm bù|làm sai|làm chậm|làm tiếp|làm nốt|làm cho xong|làm cho kịp|vì làm|do làm|tại làm', unlessAnywhere: PAID_AND_GLAD },
  { p: 'cưỡng bức lao động|lao động cưỡng bức|lao động khổ sai|nô lệ|như nô lệ|làm không công !bang|làm việc không công !bang|không cho nghỉ ngơi', kind: 'trafficking' },
  { p: 'bắt/ép/buộc lừa|bắt/ép/buộc !dau/duoc/gap/dc *2 lừa|bắt/ép/buộc *3 scam|bị ép đi lừa|phải đi lừa|phải lừa người|lừa người việt|bị đưa/dẫn/chở/đẩy qua/sang/vượt biên|bị đưa * qua/sang biên giới|vượt biên bằng đường rừng|bị +bán lại|tricked into|lured into|lured to|scam company|scam companies|scam center|scam centre|fraud company|forced to scam|made to scam|make me scam|makes me scam', kind: 'trafficking' },
  { p: 'forced/made to work|force/forces/forced/forcing/make/makes/made/making me/us/her/him/them *2 to work|force/forces/forcing me/us/her/him/them * work', kind: 'trafficking', unlessAnywhere: PAID_AND_GLAD },
  { p: 'trafficking !hotline/hotlines/line/number/law/laws/prevention/cases/case/awareness/issues/statistics|trafficked|traffickers|sold me|was sold|were sold|been sold|forced labour|forced labor|forced me|force me|forces me|scam compound|ransom|slave|slavery', kind: 'trafficking', notAfter: ['anti', 'against', 'chong'] },

  // ── the body in danger now: bleeding, breath, a fall, gas — the worker often says no more ──
  // A nosebleed or bleeding gums is not this; a period is not "ra máu nhiều" at eight months.
  { p: 'ra máu nhiều|ra nhiều máu|ra máu * nhiều|băng huyết|sảy thai|nôn ra máu|ói ra máu|mửa ra máu|hộc máu|ho ra máu|đi ngoài ra máu|đau * dữ dội|đau dữ dội|co giật|lên cơn co giật|sốc phản vệ|vomiting blood|coughing blood|bleeding a lot|heavy bleeding|miscarriage|seizure', kind: 'danger', unless: 'chân răng|lợi|nướu|mũi|kinh nguyệt|hành kinh|đến tháng|nick|game' },
  { p: 'không thở được|không thở nổi|không thể thở|ngạt thở|ngộp thở|tắc thở|khó thở quá|thở không được|thở không nổi|can not breathe|could not breathe|not breathing|no breathing|hard to breathe', kind: 'danger', unless: 'ngột ngạt|nóng|đông người|tắc đường|cười|công việc|deadline|áp lực' },
  { p: 'rò/dò rỉ/gỉ khí/ga|rò khí|hở ga|hở bình ga|xì ga|ngộ độc khí|ngạt khí|ngộ độc thực phẩm * nhiều|gas leak|leaking gas|smell gas|smell of gas|carbon monoxide', kind: 'danger' },
  { p: `+bất +động !san|không cử động|không nhúc nhích|nằm im không|gọi không tỉnh|vẫn chưa tỉnh|chưa tỉnh lại|không tỉnh lại|not moving|not move .|can not move .|does not move .|fell/fall/falls/fallen from|ngã/té/rơi từ *3 xuống|nhảy từ *3 xuống|nhảy qua cửa sổ|nhảy ra cửa sổ|trèo qua cửa sổ|đang bị thương|no call * ambulance|not call * ambulance|not let * call * ambulance|no ambulance|không gọi cấp cứu|không cho gọi cấp cứu|không được gọi cấp cứu|không cho gọi xe cấp cứu|không cho gọi xe cứu thương|không được gọi xe cấp cứu|không được gọi xe cứu thương|không chịu gọi cấp cứu`, kind: 'danger', unless: 'nhẹ|không sao|khỏi rồi|đã khỏi|xước|bất động sản|cổ phiếu|thị trường|giá cả|giá nhà|hồ bơi|bể bơi|trampoline|điện thoại|hàng hóa|đồ đạc|quả|lá|mưa|tuyết|price|prices' },
  // (Unmarked "bat dong" is "bắt đóng", made to pay: lying still must be typed with its marks.)
  // Hiding now, someone at the door, someone coming for them. Having run away ("bỏ trốn", living
  // undocumented) is a return question, not this.
  { p: `đang trốn .|đang trốn ${BOSS}|đang chạy trốn|đang phải trốn|phải trốn trong/ở/vào|hiding from|i am hiding|we are hiding`, kind: 'danger' },
  { p: `đang đập/phá/đạp cửa|đập/phá/đạp cửa phòng ${ME}|đòi phá cửa|xông vào/vô phòng/nhà|banging on * door|breaking * door|break the door|broke the door|trying to get in`, kind: 'danger', needs: `sợ|hoảng|run|cứu|giúp|scared|afraid|help|terrified|${LINE_ASKED}|đòi/giật/lấy *3 điện thoại|đòi/giật/lấy *3 phone/máy` },
  { p: `tới/đến/sang/qua/sắp bắt ${ME} .|tới/đến/sang/qua bắt ${ME} đi !lam/hoc/lai/ve|đang tới/đến bắt|coming to get/take/arrest me|coming for me`, kind: 'danger' },
  // Someone who does not answer the door or the phone (a landlord's, a friend's worry). Not "hai
  // ngày không ra khỏi phòng": people stay in on their day off.
  { p: 'gõ cửa không trả lời|gõ cửa không ai trả lời|gõ cửa * không thấy trả lời|gõ cửa không ai mở', kind: 'danger' },
  // Guarded: "mỗi ngày có người canh".
  { p: `có người =canh !sat|bị =canh !sat/cao/bao/giac/tinh|=canh chừng ${ME}|=canh giữ ${ME}|người =canh gác|guarded|guards watch|watched all the time`, kind: 'confinement', unless: 'canh chua|canh cá|nấu canh|ăn canh|bảo vệ tòa nhà|bảo vệ công ty' },

  // ── danger, a cry for help ──
  { p: `help ${ME} với/gấp/đi|help với|help gấp|cứu ${ME}|cứu với|cứu giúp|cứu gấp|cứu mạng|^cứu !ho/thuong/hoa/tro/net/cap|ai cứu|làm ơn cứu|xin cứu|cứu cứu|sắp chết !doi/han|sắp bị giết|sắp bị đánh`, kind: 'danger', strong: true, notAfter: ['cap', 'giai', 'nghien', 'tra', 'chuyen'], unless: HOMEWORK, unlessAnywhere: `${PAPERWORK}|${PLAY}` },
  { p: 'help me .|help me please/now/quickly/asap/immediately/i/im/they/he/she/someone/somebody/sos/urgent/urgently|help us .|help us please/now/quickly|^help help|^help please/i/we/they/my/someone/somebody/now/urgent|please help .|please help us/quickly/now/urgent|sos|save me|save us|save my life|someone help|somebody help', kind: 'danger', strong: true, notAfter: ['can', 'could', 'will', 'would', 'you'], unlessAnywhere: `${PAPERWORK}|${PLAY}` },
  { p: 'bị người/bọn/tụi/nó/họ/ai/hắn *2 theo dõi|bị người/bọn/tụi/nó/họ/ai/hắn *2 đe dọa|bị người/bọn/tụi/nó/họ/ai/hắn *2 dọa/rình|following me|stalking me|chasing me|đuổi theo * em/tôi/mình|bị theo dõi|bị rình|need help urgently|urgent help|help urgently|in danger|life is in danger|i am not safe|not safe here|do not feel safe|afraid for my life|emergency !number/numbers/line/lines/hotline/hotlines/contact/contacts/passport/travel/services/service/call/phone/fund/loan/document/documents/visa/support/assistance/procedure', kind: 'danger', notAfter: ['of', 'for', 'in'] },
  { p: 'nguy hiểm !khong/chua/nhat/khi/the/nhu/gi|gặp nguy|nguy đến tính mạng|tính mạng * đe dọa|không an toàn|sợ bị giết|sống không bằng chết', kind: 'danger', notAfter: ['het', 'khoi', 'thoat', 'so', 'goi', 'duong', 'tong', 'truong', 'hop', 'neu', 'khi', 'co', 'cap', 'it', 'bot', 'muc', 'nganh', 'viec', 'cong', 'chieu', 'tuc', 'thong', 'hanh'] },
  // Urgency without what is wrong: about a form or a deadline, it is the paperwork's.
  { p: 'khẩn cấp !so/lien/goi/duong/tong/ho/cho/thi/thu|cần giúp gấp|cần hỗ trợ gấp|giúp * gấp !ve/thu/ho/giay/lam', kind: 'danger', notAfter: ['so', 'goi', 'duong', 'tong', 'truong', 'hop', 'neu', 'khi', 'co', 'cap', 'it', 'bot', 'muc', 'nganh', 'viec', 'cong', 'chieu', 'tuc', 'thong', 'hanh'], unlessAnywhere: PAPERWORK },
  // War where they live: rockets, sirens, shelling. The news and films are explained away as stories.
  { p: 'tên lửa * rơi/nổ/bắn|bị bắn phá|pháo kích|không kích|còi báo động * đêm/liên tục/suốt|chạy xuống hầm|hầm trú ẩn|bom * rơi/nổ|đánh bom|chiến sự * gần|rockets|missiles|missile|air raid|sirens|shelling|bombing|bomb shelter', kind: 'danger', unless: 'hỏi|thủ tục|if|nếu' },
  // A man sending pictures of himself, or pictures of the user spread: harassment said in English too.
  { p: 'send/sends/sending/sent * naked/nude/dirty/sexual * pictures/picture/photos/photo/pics/videos|naked/nude pictures/pics/videos|gửi * ảnh/hình/clip * khỏa/khoả/nóng/sex/đồi trụy|gửi ảnh/hình * bộ phận', kind: 'sexual_abuse' },
  // Made to end a pregnancy said without the word for it: "có bầu… bắt em phải phá", pills to make it come out.
  { p: `bắt/ép/buộc ${ME} *2 phá/bỏ .|bắt/ép/buộc ${ME} *2 phá/bỏ đi/nó/luôn|phải phá/bỏ nó/đi .|bắt/ép/buộc ${ME} phải phá/bỏ|đưa/cho/bắt * uống thuốc|thuốc * cho * ra|uống * cho nó ra|made me take * pills|must/forced/made/make/makes/have/has/forcing * swallow/take * pills/pill/medicine|pills to end|get rid of it`, kind: 'violence', needs: 'có thai|có bầu|mang thai|mang bầu|bầu bí|dính bầu|có em bé|pregnant|pregnancy' },
  // Someone close out of reach for days, those who should know saying they do not.
  { p: 'mất liên lạc *8 ngày/hôm/tuần/tháng nay|# ngày/hôm/tuần nay không liên lạc được|# ngày/hôm/tuần * không liên lạc được|không liên lạc được * # ngày/hôm/tuần|mấy ngày/tuần nay không liên lạc được|gọi mãi không được * ngày|không ai biết * đi đâu|không biết * anh/chị/em/nó/con/chồng/vợ * đi đâu|no one knows where|nobody knows where|can not reach * days|not answered * days', kind: 'danger', unless: 'môi giới|công ty xuất khẩu|trung tâm|agency|broker|văn phòng' },
  // A message left to be acted on if the writer falls silent ("nếu mai em không nhắn lại thì báo
  // đại sứ quán"): they fear for their safety. The supposition is the sign, so it is not explained away.
  // Silent again ("nhắn lại") or by a time ("mai", "2 ngày nữa"): not "không gọi được thì báo lãnh sự".
  { p: `nếu *3 ${ME} *2 không/chưa/ko nhắn/gọi/liên/trả/online *2 lại *3 thì *3 báo/gọi/nhắn/liên/tìm/nói *4 ${WHO_TO_ALERT}|nếu *2 mai/tối/sáng/đêm/chiều/trưa/tuần/ngày/hôm/tiếng/# *3 ${ME} *2 không/chưa/ko nhắn/gọi/liên/trả/online *4 thì *3 báo/gọi/nhắn/liên/tìm/nói *4 ${WHO_TO_ALERT}|if i *3 not/dont text/message/call/reply/answer/contact/write *6 call/tell/contact/inform/alert *3 police/embassy/consulate/family/mom/mother/dad/father`, kind: 'danger', strong: true },
  // Standing on a bridge or a ledge now, asking for someone to talk to or saying despair.
  { p: 'đang đứng trên/ở *2 cầu !thang/lông/thủ/vồng/trượt|đang ngồi trên/ở *2 cầu !thang/lông/thủ/vồng/trượt|đang đứng trên/ở *2 mép/lan can|standing on * bridge/ledge|on the edge of * bridge/roof', kind: 'self_harm', needs: `${WANTS_TO_TALK}|${DESPAIR}` },
  // A death threat in the words it was said to the worker ("bảo em 'mày mà khai ra thì mày chết ở đây'"):
  // quoted, it is still what was said to them. Laughed, it is banter (the clause's laughter).
  // A threat of what is coming, said in the idiom: "tối nay cho em biết tay", "mày sẽ biết tay tao" —
  // not the skill of a hand ("biết tay nghề").
  { p: `cho ${ME}/mày/mi/bây *2 biết tay !nghe/phai/trai|sẽ biết tay !nghe/phai/trai|biết tay tao/ông/bà/bố|cho * biết tay !nghe/phai/trai`, kind: 'violence' },
  // Chained or tied up: "bị chủ xích chân ở nhà kho", "trói tay em lại". "xích" without its marks
  // is also "xịch"; "xích mích" is a quarrel, "xích đu" a swing, "trời" is not "trói"; tied by a
  // contract or a debt ("bị 'trói' chân bởi hợp đồng") is a figure of speech.
  { p: `bị *3 =xích/+trói/+xiềng !mich/lo/du/dao|=xích/+trói/+xiềng chân/tay/cổ/lại|chained|tied * to * bed/chair/pole/post`, kind: 'confinement', unless: `${ANIMALS}|hợp đồng|hđ|nợ|bởi|công việc|contract|debt|work` },
  // A person named as the one chained ("chủ xích em ở ngoài chuồng gà"): the animals nearby do not make it a pet.
  { p: `=xích/+trói/+xiềng ${ME} !mich/lo/du|chain/chains/chaining/chained me/us/her/him|tied me/us/her/him`, kind: 'confinement', unless: 'hợp đồng|hđ|nợ|bởi|công việc|contract|debt|work' },
  { p: 'thì/là mày *1 chết|mày chết chắc|mày chết ở/với|mày sẽ chết|cho mày chết|tao *2 giết mày|giết mày|tao *2 giết chết|i will kill you|will kill you|you are dead|you will die', kind: 'violence', unless: `${PLAY}|${BOARD_GAME}` },
  ...WATER_RULES,
];

/**
 * Words that, just before a phrase (within its clause), deny it: "không bị đánh", "chưa từng bị
 * bắt", "not abused". Per language: Vietnamese "no" is nó or nợ ("bọn nó đòi tiền chuộc").
 */
export const NEGATORS = {
  vi: ['khong', 'chua', 'chang', 'cha'],
  en: ['never', 'not', 'no', 'nobody', 'noone', 'didnt', 'wasnt', 'havent', 'hasnt', 'isnt', 'arent', 'dont', 'doesnt', 'hardly', 'without'],
} as const;

/**
 * Words before a phrase in the same clause that make it a supposition, not a fact. In the pattern
 * language, so marks count: "lỡ"/"lo" suppose, but "ló" (the voice typing's "nó") does not;
 * "nêu" is not "nếu", "gia sư" is not "giả sử".
 */
export const HYPOTHETICAL = ['nếu', 'giả sử', 'giả như', 'lỡ như', 'lỡ', '=lo', 'trong truong hop', 'truong hop', 'phong khi', 'khi nao', 'nhung ai', 'ai bi', 'if', 'what if', 'in case', 'suppose', 'supposing', 'would', 'could i', 'will i', 'might', 'whether', 'cứ sợ', 'cứ lo', 'hay sợ', 'hay lo', 'sợ rằng', 'lo rằng', 'worried that', 'worries that', 'worry that', 'i be', 'we be', 'you be'];

/**
 * Words before a phrase (or after it in its clause: "years ago") that put it in the past, in
 * someone else's story, on a screen, or end it ("được thả"). Screens are named by what is done
 * with them ("xem phim", "đọc trên mạng"): "bị quay video" and "lừa đảo trên mạng" are not stories.
 */
export const DISTANT = ['tung', 'truoc day', 'hoi o', 'hoi con', 'hoi lam', 'hoi di', 'hoi sang', 'hoi moi sang', 'hoi ben', 'when i was in', 'when i worked', 'hoi truoc', 'hoi thang', 'hoi nam', 'hoi dau nam', 'hoi cuoi nam', 'hoi tet', 'luc truoc', 'truoc bi', 'hoi do', 'phim', 'nam chinh', 'nu chinh', 'nhan vat', 'tap cuoi', 'drama', 'series', 'nam ngoai', 'nam truoc', 'cho lam cu', 'noi lam cu', 'xuong cu', 'cong ty cu', 'ngay xua', 'hoi xua', 'used to', 'years ago', 'year ago', 'months ago', 'long ago', 'last year', 'in the past', 'nghe noi', 'doc bao', 'tren bao', 'bao dang', 'xem tin', 'doc tin', 'tin tuc', 'thay tren', 'doc tren', 'xem tren', 'tren mang noi', 'tren mang dang', 'tren tivi', 'xem phim', 'coi phim', 'bo phim', 'trong phim', 'phim nay', 'phim do', 'canh phim', 'doan phim', 'phim hanh dong', 'phim kinh di', 'phim hay', 'xem video', 'coi video', 'xem clip', 'coi clip', 'clip nay', 'thay clip', 'thay video', 'xem tiktok', 'coi tiktok', 'luot tiktok', 'xem youtube', 'coi youtube', 'xem facebook', 'luot facebook', 'luot face', 'xem reels', 'clip tren', 'video tren', 'video nay', 'choi game', 'game nay', 'tro choi', 'doc truyen', 'truyen', 'news', 'heard that', 'i read', 'movie', 'film', 'story', 'game', 'nghe ke', 'phong su', 'thesis', 'research on', 'report on', 'a report', 'essay on', 'article on', 'article about', 'study on', 'bai luan', 'khao sat', 'researching', 'writing about', 'leaflet', 'luan van', 'nghien cuu ve', 'viet bai', 'to roi', 'tai lieu ve', 'duoc tha', 'tha ra', 'da duoc tha', 'released', 'was released', 'got out'];

/** Hearsay words that do not make a story when the one it happened to is the user's own ("nghe nói chồng em bị bắt"). */
export const HEARSAY = ['nghe noi', 'nghe ke', 'nghe tin', 'heard that', 'tren mang', 'tren facebook', 'tren zalo', 'tren tiktok', 'tren youtube', 'co nguoi bao', 'co nguoi noi', 'nguoi ta noi', 'nguoi ta bao'];

/** Someone close, named with the user's "my" after it ("chồng em", "con tôi", "bạn mình"). */
export const CLOSE = ['chong', 'vo', 'con', 'bo', 'ba', 'me', 'anh', 'chi', 'em', 'ban', 'chau', 'nguoi nha', 'nguoi than', 'cau', 'chu', 'brother', 'sister', 'husband', 'wife', 'son', 'daughter', 'friend'];
/** The user as the owner in "chồng em", "con tôi". */
export const POSSESSORS = ['em', 'toi', 'minh', 'tui', 'tao', 'my'];

/** Words that make the subject anybody: "người lao động bị bắt thì liên hệ ai" asks in general. */
export const GENERIC = ['nguoi lao dong', 'lao dong', 'cong dan', 'nguoi ta', 'ai do', 'nguoi viet', 'nguoi nha', 'nguoi than', 'someone', 'a worker', 'workers', 'people'];

/** Words before a supposition that make it a threat: "dọa nếu bỏ trốn sẽ giết em". */
export const THREATS = ['doa', 'ham', 'threaten', 'threatens', 'threatened', 'threatening', 'warned', 'warn', 'warns', 'said', 'say', 'says', 'told', 'tell', 'tells'];

/** Words that end the reach of a negation or supposition ("không bị đánh nhưng bị nhốt"). */
export const SCOPE_BREAKS = ['nhung', 'ma', 'but', 'and', 'va', 'gio', 'now', 'bay', 'roi'];

/**
 * Signs that something is wrong that do not say what: a farewell ("đừng tìm con nữa", "tell my mom
 * I love her"), the end of endurance ("không chịu nổi nữa"). Alone such a message gets "are you safe
 * right now?"; a farewell that says several of them is a letter before self-harm. `weight` 2 is a
 * sign on its own, 1 only beside another.
 */
export const CONCERN_SIGNS: readonly { p: string; weight: 1 | 2; unlessInSentence?: InSentence }[] = [
  // The end of endurance — not when it is the weather, the noise or the shift that cannot be borne.
  { p: 'không chịu nổi nữa|không chịu được nữa|không chịu đựng nổi nữa|hết chịu nổi|chịu hết nổi|không trụ nổi nữa|không cố được nữa|không gắng được nữa|không còn sức * nữa|can not take it anymore|can not take this/the * anymore|can not do this anymore', weight: 2, unlessInSentence: COMPLAINT },
  { p: `đừng tìm ${ME}|đừng đợi/chờ ${ME} nữa|đừng đợi/chờ ${ME} .|đừng đợi/chờ * nữa|chào * lần cuối|lần cuối * chào/nhắn/gọi/nói|nhắn * lần cuối|lời cuối|là gánh nặng|làm gánh nặng|không làm phiền ai nữa|không làm phiền * nữa|buông xuôi|buông bỏ tất cả|kiếp sau|bất hiếu|dont look for me|do not look for me|do not wait for me|tell my mom/mother/mum/dad/father/family/parents/wife/husband * love|sorry for everything|will not be a burden|not be a burden|goodbye everyone|goodbye mom/mother/mum/dad/family|can not go on|can not keep going|do not think i can keep going/go/continue/last|will not be here tomorrow|not be here tomorrow|không còn ở đây để|viết sẵn *2 thư * để lại|sẵn *2 thư cho/gửi *2 mẹ/bố/ba/má/con/gia/vợ/chồng|thư tuyệt mệnh|thư từ biệt|thư vĩnh biệt|suicide note|goodbye letter|farewell letter`, weight: 2 },
  { p: 'xin lỗi mọi/bố/ba/mẹ/má/cả/gia/con|đừng buồn|nuôi con cho tốt|nuôi * con * giùm|chăm * con giùm|dạy con cho|đừng khóc|đừng lo cho|thương ba/bố/mẹ/má lắm|thương * lắm .|không về được nữa|không gặp lại|không bao giờ gặp|tha thứ cho|nhớ giữ gìn|say/said goodbye|to say goodbye|forgive me/her/him|should forgive|does not answer|not answering|no answer|not picking up|gọi không bắt máy|không bắt máy|không nghe máy nữa|con xin lỗi|em xin lỗi mọi người|giữ sức khỏe|giữ gìn sức khỏe|giữ sức khoẻ|cảm ơn mọi người * thời gian|cảm ơn * tất cả|đi trước đây|đi trước nhé|để lại cho|chưa làm được gì cho|mệt lắm rồi|mệt mỏi quá rồi|tạm biệt|vĩnh biệt|chăm sóc * bố mẹ/ba mẹ/mẹ/bố/con|thương mọi người|thương bố mẹ|i love you all|thank you for everything|take care of mom/mother/dad/my|so tired of everything|i am sorry|wrote/written/writing * letter/letters to my|viết *3 thư cho/gửi mẹ/bố/ba/má/con/gia/vợ/chồng|có gì/chuyện/j thì *3 báo/nhắn/gọi/nói *3 gia/nhà/mẹ/bố/ba/má/vợ/chồng|không ổn .|không ổn lắm|not okay|not ok .|không cần *2 nữa', weight: 1 },
  // A farewell said by what is put in order: a letter left, the parents entrusted to someone, the
  // money sent home, the way out; and not coming back. Each is ordinary alone.
  { p: `để/cất/dán *3 thư|để lại * thư|thư * để trong/ở/dưới/trên|thư để lại|left * letter/note/letters|wrote * note|lo/chăm/trông/nuôi/coi *3 ba/bố/mẹ/má/con/ông/bà/gia *3 giùm/giúp/hộ/dùm/nha/nhé|nhờ * lo cho|take care of my * for me|gửi * về hết|gửi hết * về|sent * all my|ra/lên/đến/tới *3 cầu/sông/biển/nóc|ra/lên/đến/tới *3 sân thượng|ra/lên/đến/tới *3 tầng thượng|ra/lên/đến/tới *3 đường ray|trên cầu|bridge|river|rooftop|railway|train tracks|không về * nữa|chắc không về|không quay lại nữa|not coming back|will not be back|won t be back`, weight: 1 },
  // "nếu mai em không còn thì…": if I am no longer — a death said without its word; and writing
  // this so that someone will know.
  { p: `nếu * ${ME} *1 không/ko còn thì|nếu * ${ME} *1 không/ko còn nữa|khi ${ME} *1 không còn nữa|${ME} không còn trên đời|if i am/im no longer here/around/alive|when i am/im gone|if i am/im gone`, weight: 2 },
  // Said softly: nobody need look, worry or call any more; tired of this life; afraid of oneself.
  { p: `đừng ai tìm *3 nữa|không ai phải lo cho *2 nữa|không phải lo cho ${ME} nữa|không cần gọi cho *2 nữa|tired of this life|tired of living|sick of this life|sợ chính mình|sợ bản thân mình|nghĩ quẩn|nghĩ dại|không sống tiếp nữa`, weight: 2, unlessInSentence: [['đừng nghĩ quẩn'], ['đừng nghĩ dại'], ['đừng có nghĩ']] },
  // …and what only beside another sign says it: far away tonight, a balcony high up, the river looks calm.
  { p: `đi thật xa|ngủ một giấc dài|đi cho xong|cho nhẹ người|ban công tầng #|ban công tầng 1/2/3/4/5/6/7/8/9|nhìn xuống sông|thấy cũng yên|không/chả/chẳng còn ai thương|chắc ${ME} đi đây|nhắn cho ai đó`, weight: 1 },
  { p: 'viết * này để|viết những/mấy dòng này|viết mấy chữ này|để * có người biết tại/vì sao|writing this so/in/because|so someone knows why', weight: 1 },
];
