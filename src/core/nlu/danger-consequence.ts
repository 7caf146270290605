// Danger told by its objects and consequences, never named: a hand gone black that the manager says
// a plaster will fix, the passport in the boss's safe "until two years are up", a daily quota of
// people to cheat, someone standing beside the phone. No single phrase says it, and each part alone
// is ordinary ("tay sưng", "công ty giữ hộ chiếu để làm visa", "chỉ tiêu sản xuất", "cúp máy"), so a
// composition counts only when a word of every one of its roles is in the message, near each other,
// and its key roles are not explained away (denied, supposed, past, someone else's story — the same
// reading as every danger phrase, given by ./danger.ts as `stands`). Each role is a word family in
// the pattern language of ./pattern.ts, so a new body part, a new way to say "worse" or a new holder
// widens every composition that uses it.
import { ANIMALS, type DangerKind } from './danger-rules.ts';
import { CHOSEN_DIET, PLIGHTS } from './danger-plight.ts';
import { PatternIndex, wordsOf, type Token } from './pattern.ts';

/** Whether the phrase at [start, end) stands: not denied, supposed, laughed at or told as the past. */
export type Stands = (start: number, end: number, own: ReadonlySet<string>) => boolean;

interface Role {
  p: string;
  /** A key role's phrase must stand; the others may be a threat's condition ("if I run away…"). */
  key?: true;
}

export interface Composition {
  kind: DangerKind;
  roles: readonly Role[];
  /** Anywhere in the message, a reason that makes the whole of it ordinary ("để làm visa, tuần sau trả"). */
  unless?: string;
}

/** Who is hidden, or whose phone is searched. */
const WHO = 'em/tôi/mình/tui/chị/anh/nó/bạn/cô/họ/con';

/** Any part of the body that can be hurt, and a wound itself. */
const BODY_PART =
  'tay|chân|ngón|bàn tay|cột sống|xương sống|sống lưng|xương sườn|xương chậu|spine|ribs|pelvis|neck|hip|bàn chân|cánh tay|cẳng|mặt|đầu|lưng|bụng|ngực|mắt|cổ|vai|gối|đầu gối|hông|xương|vết thương|vết bỏng|vết cắt|vết đứt|vết rách|chỗ bị thương|hand|hands|arm|arms|leg|legs|foot|feet|finger|fingers|toe|toes|face|head|eye|eyes|wound|wounds|knee|ankle|wrist|bone|skin';
/** What a hurt body part is doing: getting worse, or serious already. */
const WORSENING =
  '=đứt !day/dien/mang/song/quang/hang/doan/tinh/khoat/hop/lam/viec/diem/ganh/ruot/lien|cụt|mờ dần|mờ đi|mờ mắt|nhòe|nhoè|blurry|blurred|cut off|severed|sưng|sưng to|sưng vù|sưng tấy|phù|tím|tím tái|tím đen|thâm|đen|chuyển màu|đổi màu|mưng mủ|chảy mủ|có mủ|nhiễm trùng|hoại tử|thối|bốc mùi|lở loét|loét|gãy|nứt|dập|dập nát|nát|cán|kẹp|đứt lìa|cụt|bỏng nặng|bỏng rộp|phỏng|chảy máu|rỉ máu|ra máu|tê|tê liệt|mất cảm giác|không cử động|không nhấc|không đi được|không đứng được|không co được|biến dạng|sốt cao|đau nhức|đau dữ|đau quá|đau lắm|càng ngày càng|ngày càng|nặng hơn|swollen|swelling|black|purple|infected|infection|pus|rotting|smells|broken|fractured|crushed|mangled|burned|burnt|blistered|bleeding|numb|can not move|can not walk|can not stand|getting worse|worse|fever';
/** The body in danger without a part named: heat stroke, poisoning, a fall. */
const SERIOUS_STATE =
  'chóng mặt * nôn|nôn ói|ói mửa|nôn ra|ngất|xỉu|co giật|sốt cao|khó thở|không ăn uống được|không đi được|không đứng được|lay * không dậy|dizzy * vomit/vomiting|vomiting|fainted|passed out|high fever|can not walk|can not stand|can not breathe';
/**
 * Someone else decides there will be no care, or hides the hurt: "quản lý bảo dán cao là khỏi",
 * "bảo ráng làm hết ca", "không cho đi viện", "the boss hides her when inspectors come".
 */
const CARE_DENIED =
  `bảo/nói/kêu/kiu/biểu/bắt * dán/bôi/xoa/đắp/xức/uống/chườm/băng *4 khỏi/hết/lành/xong/được|bảo/nói/kêu/kiu/biểu *2 tự khỏi/lành|bảo/nói/kêu/kiu/biểu/bắt * ráng/cố *2 làm|bảo/nói/kêu/kiu/biểu/bắt * tiếp tục *2 làm|bắt * làm tiếp|vẫn bắt * làm|không cho/chịu/được *3 đi/đưa/chở/dẫn/vào/nhập *2 khám/viện/bác/bệnh/bv/cấp/phòng|chỉ để/cho *2 nằm *3 lán/phòng/nhà/ký/container/trại/kho|không đưa *2 đi khám/viện/bv|giấu/nhốt ${WHO} *4 khi|giấu ${WHO} ở/trong/trên|giấu không cho|cấm * kể/nói/báo|bảo * giữ bí mật|bảo/bắt * nói * là té/ngã/tự|nói là té/ngã|đừng/cấm *2 khai/báo *3 tai nạn|không được/cho *2 khai/báo *3 tai nạn|không khai tai nạn|giấu * tai nạn|khai là * tự/ngã/té|đi viện/khám *4 tự trả/chịu|tự trả tiền viện/khám/thuốc|bảo/nói/kêu/kiu/biểu *3 không sao *3 làm|bảo/nói/kêu/kiu/biểu *4 cứ làm|cứ làm tiếp|do/did not report * accident|not to report * accident|pay * yourself|says/said * fine * work|will/would/do/does/did not *2 take/bring/let/allow *4 doctor/hospital/clinic/ambulance|refuse/refuses/refused *4 doctor/hospital/clinic|not let * se/see * doctor|no doctor|says/said/told * plaster/bandage/painkiller/painkillers/ice|just * plaster/bandage/painkiller|keep/keeps * working|back to work|hide/hides/hid/hiding her/him/me/us/them|when * inspectors/inspector/inspection/police * come/comes/came|told * say * fell|say * accident`;

/** Breathing or touching what poisons: solvents, bleach, pesticide, fumes. */
const EXPOSURE =
  'hóa chất|hoá chất|dung dịch|dung môi|thuốc tẩy|nước tẩy|axit|a xít|thinner|khí độc|khói độc|thuốc trừ sâu|thuốc sâu|xăng dầu|keo dán|sơn|chemical|chemicals|solvent|solvents|bleach|acid|fumes|pesticide|pesticides|glue|paint|thinner';
/** What the poison does to the body: eyes, hands, breath, the stomach, the skin. */
const POISONED =
  'mờ mắt|mắt * mờ|mắt *2 mờ dần|không nhìn rõ|tê tay|tay * tê|tê liệt|tê bì|mất cảm giác|khó thở|tức ngực|chóng mặt|buồn nôn|nôn|ói|ngất|xỉu|bỏng rát|phồng rộp|lở loét|bong da|ho ra máu|dizzy|numb|blurry|can not see|hard to breathe|can not breathe|vomit|vomiting|fainted|blisters|skin peeling';
/** No gloves, no mask: nothing between the worker and it. */
const UNPROTECTED =
  'không có/được/cho *2 găng/bảo/đồ|không có/được/cho *2 khẩu trang|không có/được/cho *2 mặt nạ|không đeo *2 găng|không đeo *2 khẩu trang|không đeo *2 mặt nạ|không găng|no gloves|no mask|no masks|without gloves|without a mask|without masks|without protection|no protection|no protective';

/** Held down by what fell: a cabinet, a wall, a house after a quake. */
const PINNED =
  `đè/kẹp/chèn/kẹt *2 chân/tay/người/lưng/ngực/bụng/đầu|đè lên ${WHO}|bị đè|bị vùi|bị chôn vùi|không rút/kéo *2 chân/tay/người * ra|nằm dưới đống|mắc kẹt dưới|kẹt dưới|pinned|trapped under|stuck under|buried under|crushed under|can not pull * out|under the rubble`;
/** Out from under it, or seen to already: "đi khám rồi", "đã được cứu ra". */
const FREED = 'đi khám rồi|khám rồi|khỏi rồi|đã khỏi|bị nhẹ|nhẹ thôi|rút ra được rồi|kéo ra được rồi|đã được cứu|được cứu ra|không ai bị sao|không ai sao|nobody was hurt|no one was hurt|got out already|pulled out already';
const FALLEN = 'động đất|sập|đổ|rơi|lật|sạt lở|lở đất|đống đổ nát|earthquake|quake|collapsed|collapse|fell|fallen|rubble|landslide';

/** What holds a worker to a place: the passport ("sổ xanh"), the residence card, the phone, the papers. */
const DOCUMENT =
  'hộ chiếu|sổ xanh|sổ hộ chiếu|thẻ cư trú|thẻ ngoại kiều|thẻ lưu trú|zairyu|iqama|iqamah|arc|căn cước|giấy tờ|passport|passports|residence card|id card|work permit|papers|documents|điện thoại|phone|phones';
/** Held, locked away or taken — not by the worker: "lấy lại" is getting it back. */
const HELD_AWAY =
  'giữ|cất|cầm|=thu|tịch thu|lấy !lai|lấy hết|khóa|khoá|keep|keeps|kept|took|take|takes|taken|holds|held|hold|has|confiscated|confiscate|confiscates|locked';
/** Who holds it: another person, or the passive ("bị giữ"); the worker's own safe is not a leash. */
const HOLDER =
  'chủ|công ty|cty|môi giới|cò|nghiệp đoàn|kumiai|agency|agent|broker|boss|employer|madam|sponsor|kafeel|kafil|arbab|captain|thuyền trưởng|quản lý|họ|người ta|bọn|tụi|nó|hắn|lão|ổng|bả|they|he|she|company|majikan|sajang|a công|bên tuyển|trung tâm|bị';
/** What makes a held document a leash: a condition to get it back, a safe, fear of the street, no pay, no way out. */
const LEASH =
  'mới đưa/trả/cho/giao|mới được lấy|két|két sắt|tủ khóa|tủ khoá|safe|locked away|until * pay/paid/finish/work|đủ * năm/tháng * mới|hết hợp đồng * mới|trả hết nợ|không dám *2 ra|ra đường *3 bị|đi tù|bị bắt|jail|arrest|arrested|deported|run away|bỏ trốn|không biết * đi đâu|không trả lương|no salary|no pay|unpaid|not paid|không cập bờ|not docked|have not docked|haven t docked|dồn lên xe|bị đưa đi';
/** A procedure, a return soon: "giữ hộ chiếu để làm visa, tuần sau trả". */
const PROCEDURE =
  'để làm visa|để gia hạn|làm visa|gia hạn|làm thẻ|làm thủ tục|đổi visa|renew|renewal|visa * process|to process|processing|tuần sau trả|mai trả|vài hôm * trả|sẽ trả lại|will return|will give * back|give it back next';

/** A daily quota of people to cheat, or punished if it is not met: a scam compound. */
const QUOTA = 'chỉ tiêu|kpi|quota|target|targets|doanh số * ngày';
const DECEIVE = 'lừa|lừa đảo|+dụ|scam|scams|scamming|cheat|deceive|chat * khách|tiền ảo|crypto|đầu tư';
const BODILY_PUNISHMENT = 'bị phạt !tien/luong|phạt đứng|phạt chạy|chích điện|dí điện|bị đánh|bị đập|bị nhốt|bị bán|bán sang|bán đi|punished|beaten|electric|shocked|sold';

/** Who watches a domestic worker: the employer, said in every voice ("bả", "ổng" are read as "bà", "ông"). */
const WATCHER = 'chủ/ông/bà/madam/mama/baba/kafeel/majikan/sếp/boss/hắn/lão';
/** What is read or watched that is no phone: a book, the news, a film. */
const NOT_THE_PHONE = '!sach/bao/truyen/phim/tivi/tv/bong/film/video/youtube/tiktok/clip/tin/thoi/kinh/nhac/ca';
/** The phone and what is on it. */
const PHONE = ['điện thoại', 'tin nhắn', 'máy/phone/tin/zalo/messenger/facebook'];
/** Watched now: someone beside the phone, the phone searched, messages read. */
const WATCHED =
  `${WATCHER} đang đọc/coi/xem/lục/nghe ${NOT_THE_PHONE}|${PHONE.map((x) => `${WATCHER} đang đọc/coi/xem/lục *2 ${x}|${WATCHER} đang kiểm tra *2 ${x}`).join('|')}|${WATCHER} đang ở/đứng/ngồi *2 cạnh/kế/sát|${WATCHER} đang ở/đứng/ngồi bên cạnh|có người đứng/ngồi * cạnh/bên/kế|có người *2 bên cạnh|nghe lén|đứng/ngồi cạnh * nghe|điện thoại *3 bị kiểm tra|điện thoại *3 bị xem/lục/đọc|bị kiểm tra *2 điện thoại/tin|bị lục/đọc/xem *2 điện thoại/tin|kiểm tra * điện thoại ${WHO}|lục * điện thoại ${WHO}|someone * next to me/her/him/us/them|someone * beside me/her/him/us/them|someone is listening|they are listening|they read my messages|check/checks/checked * my phone|they watch * my phone`;
/** …with the call cut, the messages hidden, the voice lowered, fear. */
const CONSTRAINED =
  'không nói được nhiều|không nói được lâu|không nói nhiều được|nói ít thôi|lúc/khi *3 ngủ|ngủ *2 em/tôi/mình/tui/con * nhắn/gọi|lúc/khi *3 đi vắng/vắng nhà|nếu * hiểu|hiểu ý|ám hiệu|mật hiệu|nghĩa là *3 không ổn|nghĩa là *3 nguy|cannot talk long|can not talk long|when she/he * asleep/sleeps|cúp máy|tắt máy|dập máy|nói nhỏ|thì thầm|nói khẽ|xóa|xoá|lén|trả lời ngắn|đừng gọi|đừng nhắn|sợ|hung up|hang up|whisper|whispering|delete|deleted|secretly|do not call|do not reply|scared|afraid';

/** A line of the mission or the police asked for… */
const LINE_ASKED =
  'số *3 đại sứ|số *3 lãnh sự|số *3 công an|số *3 cảnh sát|số *3 tổng đài|số *3 đường dây|số *3 dsq|embassy/police/hotline number|number of * embassy/police';
/** …with the asker's own silence asked for: no call back, no questions, the message deleted. */
const KEEP_QUIET =
  'đừng hỏi gì|đừng hỏi nhiều|đừng hỏi lại|đừng gọi lại|không gọi lại|đừng gọi vào số này|đừng gọi số này|đừng gọi cho em/tôi/mình/tui/chị|xóa tin nhắn|xoá tin nhắn|do not call back|do not call me|do not ask|delete * message/messages';
/** The silence for an ordinary reason: at work, in class, out of credit. */
const QUIET_AT_WORK = 'đang làm|đi làm|trong ca|đang họp|đang học|trên lớp|ồn|hết tiền điện thoại|at work|in class|busy';

/** Told to keep a night secret by the one who did it, and the body shows it. */
const SECRET = 'bảo/dặn/bắt/ép/cấm/dọa *2 giữ bí mật|bảo/dặn/bắt/ép/cấm/dọa *2 không được nói/kể|told me * not * tell|keep * secret';
const AFTERMATH = 'trễ kinh|chậm kinh|có thai|có bầu|mang thai|dính bầu|đêm đó|đêm hôm đó|cái đêm|tối hôm đó|pregnant|that night|late period';
const NIGHT_ACTOR = 'ông chủ|ông|chủ|sếp|quản lý|hắn|lão|ổng|he|boss|employer|manager';

/** Stuck somewhere the worker cannot leave by themselves: a road, a mountain, a car in the snow. */
const STRANDED =
  'mắc kẹt|kẹt !xe/đường|bị kẹt !xe/đường|sa lầy|lún * tuyết/bùn|chết máy|bị lạc|lạc đường|lạc * rừng/núi|không đi tiếp được|không ra được|hỏng máy|trôi dạt|trôi * trên/giữa/ngoài biển|drifting|adrift|engine * broke/failed/died/dead|stuck|stranded|lost in/on * mountain/mountains/forest/woods/snow|broke down|broken down';
/** What keeps them alive or in touch running out: fuel, battery, water, food. */
const RUNNING_OUT =
  'hết xăng|hết dầu|hết ga|hết pin|sắp hết pin|pin yếu|pin sắp hết|điện thoại còn #|pin còn #|còn # pin|sắp tắt nguồn|sắp sập nguồn|còn ít pin|pin còn ít|còn chút pin|hết nước|hết đồ ăn|hết thức ăn|không có đồ ăn|không có nước|out of gas/fuel/petrol/water/food|no gas/fuel/petrol/water/food|battery * low/dying/dead/almost|phone * dying|# percent';
/** The cold, the snow, the flood, the dark: what makes being stuck dangerous. */
const HARSH =
  'âm # độ|âm độ|dưới 0 độ|lạnh cóng|rét cóng|lạnh run|lạnh quá|tuyết|bão tuyết|bão|lũ|nước dâng|nước lên|trời tối|giữa rừng|trên biển|giữa biển|ngoài khơi|at sea|freezing|below zero|minus #|snow|snowing|blizzard|storm|flood|dark|night';
/** Out of it already: home, reached, rescued. */
const REACHED =
  'về tới/đến nhà|về nhà rồi|tới nơi rồi|đến nơi rồi|đi tiếp được rồi|đã đi tiếp|kéo ra được rồi|ổn rồi|an toàn rồi|safe now|ok now|fine now|đã được cứu|cứu hộ *2 đến rồi|cứu hộ *2 tới rồi|got home|made it home|were rescued|got rescued|help arrived|help came';

/** Cut off where they are: isolated, the water up to a floor, the way out blocked. */
const CUT_OFF =
  'bị cô lập|cô lập|mắc kẹt|bị kẹt !xe/đường|kẹt lại|kẹt trên/trong|không ra được|không thoát ra được|không ra ngoài được|ngập tới/đến/lên tầng|nước *3 tới/đến/lên tầng|lên mái|trên mái|chặn lối|chặn cửa|bít lối|lấp lối|cut off|trapped|stuck|isolated|water * floor|on the roof';
/** A disaster: water, fire, snow, the ground moving. */
const DISASTER =
  'lũ|lụt|ngập|nước dâng|nước lên|cháy|khói|tuyết|bão tuyết|lở đất|sạt lở|động đất|sập|flood|flooded|flooding|fire|smoke|snow|blizzard|landslide|earthquake|collapsed';
/** And nobody coming: no rescue, no answer. */
const NOBODY_COMING =
  'không ai tới/đến/cứu/vào|không có ai tới/đến/cứu/vào|chưa ai tới/đến/cứu/vào|chưa có ai tới/đến/cứu/vào|chẳng ai tới/đến/cứu|không thấy ai tới/đến|cứu hộ chưa|chưa có cứu hộ|không có cứu hộ|cứu hộ không|gọi không ai nghe|không liên lạc được cứu hộ|no one * coming/came/come/answers|nobody * coming/came/come/answers|no rescue|no help * came/coming';
/** Hunger counted in days, no money, and a plea: "đói. 4 ngày. không tiền. giúp". */
const HUNGRY = 'đói|đói bụng|hungry|starving';
const DAYS = 'ngày|hôm|tuần|day|days|week';
const NO_MONEY = 'không tiền|không có tiền|không còn tiền|hết tiền|hết sạch tiền|không một đồng|no money|out of money|no cash';
const HELP_NOW = 'giúp|giúp với|cứu|cứu với|help|please help';

/** Fallen down and not getting up: "nằm vật ra", "gục xuống", "ngất xỉu". */
const COLLAPSED =
  'nằm vật|ngã vật|té vật|ngã quỵ|ngã gục|gục xuống|gục ngã|đổ gục|quỵ xuống|lăn ra !ngủ/ngu|ngất xỉu|ngất đi|lịm đi|xỉu|ngất !ngây|collapsed|collapses|passed out|fainted';
/** …and the body in distress: breath, colour, no answer. */
const DISTRESS =
  'thở dốc|thở gấp|thở yếu|thở hổn hển|thở khò khè|khó thở|mặt tái|tái mét|tái nhợt|tím tái|trắng bệch|môi tím|gọi không trả lời|gọi không tỉnh|lay không dậy|không phản ứng|mắt trợn|sùi bọt|người nóng ran|co giật|gasping|breathing hard|pale|not responding|unresponsive|will not wake|wont wake';
/** Up again: "tỉnh lại rồi", "đỡ rồi". */
const RECOVERED = 'tỉnh lại rồi|đã tỉnh|tỉnh rồi|đỡ rồi|ổn rồi|khỏe lại|khoẻ lại|woke up|is fine now|recovered';
/** No money left: "tiền hết sạch", "cạn tiền", "không còn đồng nào". */
const BROKE = `${NO_MONEY}|tiền *2 hết/cạn|cạn tiền|không còn đồng nào|không còn xu|không một xu|broke|penniless`;
/** Sleeping where nobody lives: a park, a station, the floor, the street. */
const ROUGH_SLEEP =
  'ngủ *2 công viên|ngủ *2 ghế đá|ngủ *2 gầm cầu|ngủ *2 vỉa hè|ngủ *2 nhà ga|ngủ *2 sân bay|ngủ dưới/trên sàn|ngủ ngoài *2 trời/đường/hiên|ngủ bờ bụi|sleeping/sleep/slept in/at/on * park/station/street/streets/floor/bench|sleeping rough|sleeping outside';
/** Nobody helping: "không ai hỗ trợ", "chẳng ai giúp". */
const NOBODY_HELPS = 'không/chẳng/chả/chưa ai hỗ/giúp/lo/quan/đoái|không có ai hỗ/giúp/lo|no one * help/helps/helping/cares|nobody * help/helps/helping/cares';
/** Told not to say it was an accident at work: "sajang bảo không được nói là tai nạn lao động". */
const SILENCED =
  'không/chưa/ko được *2 nói/kể/khai/báo *3 tai nạn|cấm *2 nói/kể/khai/báo *3 tai nạn|đừng *2 nói/kể/khai/báo *3 tai nạn|bảo/bắt * nói là * tự/ngã/té/vấp|not to say * accident|not tell * accident|say * not * accident';
/** Hurt and down: "bị máy đè", "nằm không dậy được". */
const HURT_DOWN =
  'bị máy *2 đè/kẹp/cán/cuốn/ép|bị *2 đè|nằm *2 không dậy|không dậy được|không ngồi dậy được|không đứng dậy được|bị thương|gãy|chảy máu|injured|hurt badly';
/** Care not given yet: "chưa cho đi viện" is "không cho" until it is given. */
const CARE_NOT_YET =
  'chưa cho *3 đi/vào/nhập/chở/đưa *2 viện/khám/bệnh/bác/cấp/bv|chưa đưa/chở *3 đi *2 viện/khám/bệnh/bác/cấp/bv|chưa ai đưa/chở *3 viện/khám/bệnh/bác|chưa được *2 đi/vào *2 viện/khám/bệnh/bác|still not taken * hospital/doctor|not yet taken * hospital/doctor';

/** Down and not coming to: "ngất ko tỉnh", "bất tỉnh", "chưa tỉnh lại". */
const NOT_COMING_TO =
  'không tỉnh|chưa tỉnh|không tỉnh lại|chưa tỉnh lại|không chịu tỉnh|bất tỉnh|not waking|not waking up|still unconscious|unconscious';
/** Someone not out of a fire or a collapse: "còn anh Tuấn ở kho chưa thấy đâu". */
const UNACCOUNTED =
  'chưa thấy đâu|không thấy đâu|chưa thấy * ra|chưa ra được|chưa thoát ra|vẫn còn * trong|còn kẹt|mất tích|chưa tìm thấy|không tìm thấy|still inside|still in there|missing|unaccounted|can not find';
/** …unless found, out, or the missing one is a pet. */
const ACCOUNTED = `${REACHED}|tìm thấy rồi|đã tìm thấy|đã thấy|ra được rồi|đã ra|mọi người * an toàn|found|got out|con mèo|con chó|mèo|chó|cat|dog`;
/** A place of arrival or crossing: where someone waits to be met. */
const ARRIVAL = 'sân bay|phi trường|cửa khẩu|biên giới|nhà ga|bến xe|airport|border|bus station|train station';
/** Nobody came to meet them: "người đón không đến", "không ai ra đón". */
const NOT_MET =
  'người đón không/chưa đến/tới|không/chưa/chẳng có ai đón|không/chưa/chẳng ai *2 đón|không thấy ai đón|đón * không/chưa đến/tới|bỏ rơi|no one * pick/picked/meet/met/came|nobody * pick/picked/meet/met/came|was not picked up|not picked up';
/** Care that cannot wait: "phải mổ gấp", "cần mổ ngay", "emergency surgery". */
const URGENT_CARE = 'mổ gấp|phải mổ ngay|cần mổ ngay|mổ cấp cứu|phẫu thuật gấp|cần phẫu thuật ngay|emergency surgery|urgent surgery|surgery now|operate now';
/** …and money asked before it: a deposit, an advance. */
const PAY_FIRST = 'đặt cọc|tiền cọc|ứng trước|đóng tiền trước|trả trước|nộp tiền trước|đóng trước|deposit|pay first|pay upfront|pay before';
/** Nobody giving food: "ko ai cho tui ăn", "không được ăn", "nothing to eat". */
const NOT_FED =
  'không/chẳng/chả/chưa ai cho *2 ăn|không/chẳng/chả cho *2 ăn|không/chưa được *2 ăn|không có gì *2 ăn|nobody feeds|no one feeds|nothing to eat|not given food|not fed';

/** Someone close, or who shares the worker's room or village: who is reported dead or missing. */
const KIN =
  'bố/ba/cha/mẹ/má/anh/chị/em/chồng/vợ/con/cháu/cô/chú/bác/dì/cậu/mợ/thím/bạn/người/ông/bà/roommate/brother/sister/husband/wife/son/daughter/father/mother/dad/mom/friend/cousin/uncle/aunt';
/** Dead, said of a person: "bố cháu mất bên Romania", "đột tử", "passed away" (not "mất hộ chiếu"). */
const DIED = `${KIN} *3 +mất/chết ở/bên/tại/trong/vì/do/hồi/khi/.|${KIN} *3 qua đời/đột tử/tử vong|đột tử|qua đời|tử vong|died|passed away|was killed|found dead`;
/** …and the time said with it: "anh họ em mất sáng nay", "vừa mất ở viện", "died this morning". */
const DIED_JUST_NOW = `${KIN} *3 +mất/chết sáng/tối/đêm/chiều/trưa/hôm/rạng nay/qua/nãy/thứ/sáng|${KIN} *3 vừa/mới +mất/chết/qua .|${KIN} *3 vừa/mới +mất/chết ở/bên/tại/trong/vì/do/sáng/tối/đêm/chiều/trưa/hôm/lúc|${KIN} *3 vừa/mới qua đời|died/passed * this morning/tonight/yesterday/today|died/passed * last night`;
/** An animal or a plant: the dead one is not a person ("con cá cảnh chết sáng nay"). */
const NOT_A_PERSON = `${ANIMALS}|cá cảnh|con cá|=chim|con chim|con vẹt|con thỏ|hamster|cây cảnh|chậu cây|fish|bird|parrot|rabbit|plant`;
/** Just now: this morning, last night, on Tuesday, a moment ago. */
const JUST_NOW =
  'sáng nay|tối nay|tối qua|đêm qua|đêm nay|hôm qua|hôm nay|chiều nay|chiều qua|trưa nay|trưa qua|sáng qua|rạng sáng|vừa|vừa mới|lúc nãy|ban nãy|hồi nãy|hôm thứ|sáng thứ|tối thứ|chiều thứ|đêm thứ|tuần này|this morning|last night|yesterday|today|tonight|just now|on monday/tuesday/wednesday/thursday/friday/saturday/sunday';
/** A last message or call, and what it said: fear, a cry. */
const LAST_WORD =
  'lần cuối *3 nhắn/gọi/nói/liên/thấy|lần cuối cùng *3 nhắn/gọi/nói/liên|tin nhắn cuối|cuộc gọi cuối|câu cuối|last message|last text|last call|last time * called/texted/messaged/spoke|last heard';
const AFRAID = 'sợ|hoảng|khóc|run|cứu|giúp|đánh|đe dọa|dọa|scared|afraid|crying|help|terrified';
/** And silence since: "đến giờ không liên lạc được", "gọi không được", "tắt máy". */
const SILENT_SINCE =
  'không liên lạc được|ko liên lạc được|mất liên lạc|không nghe máy|không bắt máy|không trả lời|gọi không được|gọi mãi không|tắt máy|thuê bao|không online|không thấy online|bặt tin|không có tin|can not reach|cannot reach|no answer|not answering|lost contact|phone * off|no news';
/** Nothing to eat: the rice gone, nothing eaten, the food run out. "đói" needs its marks ("đòi" is to demand). */
const NO_FOOD =
  'hết gạo|hết đồ ăn|hết thức ăn|hết lương thực|hết cơm|hết sạch đồ ăn|không có gì *2 ăn|không còn gì *2 ăn|chưa ăn gì|chưa được ăn|không được ăn|chưa có gì *2 bụng|nhịn đói|+đói|nothing to eat|no food|out of food|ran out of food|have not eaten|not eaten|hungry|starving';
/** Why nobody will feed them: the employer gone, no money, nobody helping, the power and water cut. */
const LEFT_WITHOUT =
  `bỏ trốn|bỏ chạy|ôm tiền *2 trốn/chạy|trốn mất|biến mất|phá sản|bỏ đi|bỏ rơi|bỏ mặc|cắt điện|cắt nước|điện nước *3 cắt|fled|ran away|disappeared|vanished|bankrupt|abandoned|${BROKE}|${NOBODY_HELPS}`;
/** Days gone by without it ("3 hôm rồi", "4 ngày nay", "for three days"), not days to wait ("5 ngày nữa mới lĩnh lương"). */
const DAYS_GONE =
  'ngày/hôm/tuần nay|ngày/hôm/tuần rồi|ngày/hôm liền|ngày/hôm/tuần liên tục|mấy/vài ngày/hôm !nua/toi/sau|cả tuần !nua/toi/sau|từ hôm/tuần|for * day/days/week/weeks|since * days|in days';
/** A demand that is a night: a hotel or a dinner alone with him, or staying over. */
const NIGHT_DEMAND =
  'với ông/ổng/hắn/lão/sếp/chủ/anh *4 khách/nhà sạn/nghỉ|với ông/ổng/hắn/lão/sếp/chủ/anh *4 qua đêm|với ông/ổng/hắn/lão/sếp/chủ/anh *4 ngủ lại|khách/nhà sạn/nghỉ *3 với ông/ổng/hắn/lão/sếp/chủ/anh|ăn/đi riêng với ông/ổng/hắn/lão/sếp/chủ/anh|qua đêm với|ngủ lại với|ngủ lại phòng|ở lại phòng ông/ổng/hắn/sếp/chủ|spend/stay the night with|hotel room with|to his hotel/room|dinner alone with|go to * hotel with';
/** …set as the price of something: a visa, the contract, the wage, or punished when refused. */
const AS_THE_PRICE =
  'muốn *6 thì|thì mới|mới cho/được/ký/gia/đổi/duyệt|nếu muốn|không thì|từ chối *4 bị|không chịu *4 bị|không đi *4 bị|if you want|if i want|or else|in exchange|unless i|refused * fired/cut/docked/deducted';
/** Taken away where the boss cannot see: "người đến đưa em đi", "trốn ra", "get me out". */
const TAKEN_AWAY =
  `đưa/đón/chở/cứu ${WHO} *2 đi/ra|đến/tới *2 đưa/đón/chở/cứu|ra khỏi nhà/đây/chỗ|trốn ra|trốn đi|trốn khỏi|bỏ trốn|thoát ra|thoát khỏi|get me out|take me away|pick me up|come and get me|escape|run away`;
const UNSEEN_BY_BOSS =
  'mà/để *3 chủ/madam/sếp/baba/mama/boss/họ/ông/bà *2 không/ko/chẳng biết|không/đừng để/cho *2 chủ/madam/sếp/baba/mama/boss/họ *2 biết|chủ/madam/sếp/baba/mama/boss/họ *2 không/ko/chẳng hay biết|lén chủ/madam/sếp|giấu chủ/madam/sếp|without * boss/employer/madam/sponsor/them/her/him * knowing|without * knowing';
/** Gravely ill: cancer at its end, a stroke, paralysed, dying. */
const GRAVELY_ILL =
  'ung thư|giai đoạn cuối|bệnh nặng|ốm nặng|bệnh hiểm nghèo|hấp hối|sắp mất|sắp chết !doi/han|nguy kịch|bại liệt|liệt nửa người|đột quỵ|tai biến|suy thận|xơ gan|terminal|terminally ill|dying|stroke|paralysed|paralyzed|cancer';
/** With nobody to care: alone in a room, nobody looking after them. */
const NOBODY_CARES =
  'không/chẳng/chả/chưa *2 ai chăm/trông/lo/nuôi/coi/đoái|không có ai *2 chăm/trông/lo|không người chăm/trông|nằm *4 một mình|một mình *3 nằm|bỏ mặc|nobody to care|no one to care|nobody looks after|no one looks after|nobody takes care|no one takes care|all alone';
/** …and no means: no insurance, no money, the visa run out. */
const NO_MEANS = `không có bảo hiểm|không bảo hiểm|hết bảo hiểm|hết visa|hết hạn visa|quá hạn visa|hết hạn cư trú|no insurance|visa expired|${BROKE}`;

/** Dealt with, said softly: "ổng lại 'xử' nó", "tẩn cho một trận", "dạy cho một bài học". */
const DEALT_WITH =
  "+xử !lý/ly/án/an/tù/phạt/kiện|+tẩn|+dần !dần/dan|+nện|+uýnh|+quánh|+thụi|cho *2 ăn đòn|cho *3 một trận|cho *3 1 trận|dạy *3 bài học|ra tay với|beat * up|roughed * up|dealt with him/her/them|taught * a lesson";
/** …and the body after it: groaning all night, not getting up. */
const PAIN_AFTER =
  'nằm rên|rên *2 cả đêm|rên rỉ|rên suốt|rên hừ hừ|kêu đau *2 cả đêm|không dậy *3 được/nổi|không ngồi dậy *2 được/nổi|không đứng dậy *2 được/nổi|đi không nổi|lết không nổi|bầm dập|mặt mũi *2 sưng|sưng vù|groaning|moaning in pain|could not get up|can not get up|black and blue';
/** With child: "có bầu 7 tháng", "mang thai", "pregnant". */
const PREGNANT = 'có bầu|có thai|mang thai|mang bầu|dính bầu|bầu # tháng|bầu * tháng|pregnant|pregnancy';
/** What a pregnancy must not do: bleeding, the waters breaking, cramps. */
const PREGNANCY_ALARM =
  'ra máu|chảy máu|ra huyết|băng huyết|vỡ ối|rỉ ối|ra nước ối|đau bụng dữ|đau bụng quặn|đau quặn|co thắt liên tục|bleeding|spotting|water broke|waters broke|cramps';
/** Seen to already: a doctor said it is normal, it stopped. */
const PREGNANCY_SEEN =
  'đã đi khám|đi khám rồi|khám rồi|bác sĩ bảo/nói *3 bình thường|bình thường rồi|ổn rồi|đỡ rồi|hết ra máu|đã cầm máu|doctor said * normal|checked * already|fine now|stopped bleeding';
/** Moved somewhere else by the boss: "mai chở em sang tỉnh khác làm". */
const MOVED_AWAY = `chở/đưa/dẫn/chuyển/mang/đem ${WHO} *4 khác|chở/đưa/dẫn/chuyển/mang/đem *2 ${WHO} *3 đi/sang/qua/tới/đến/lên *2 khác|chở/đưa/dẫn/chuyển *3 sang/qua/đi/tới/đến/lên *2 tỉnh/chỗ/nơi/vùng/nước/bang khác|bán/đưa/chở ${WHO} *3 đi đâu|take/taking/move/moving/send/sending/drive/driving me/us * another/other city/place/province/state/country`;
/** …without the phone: "không cho mang điện thoại", "took my phone". */
const NO_PHONE =
  'không cho *3 mang/cầm/dùng/giữ/đem *2 điện thoại|không cho *3 mang/cầm/dùng/giữ/đem *2 đt/phone|không được *3 mang/cầm/dùng/đem *2 điện thoại|thu *3 điện thoại|bỏ/để điện thoại lại|cấm *3 mang/dùng *2 điện thoại|without * phone|no phone|take/took/takes * my phone|not allowed * phone';
/** …and not told where, or afraid. */
const NOT_TOLD =
  'đi đâu *3 không/chẳng/chả nói|đi đâu *3 không/chẳng/chả trả lời|đi đâu *3 không/chẳng/chả cho biết|không nói *3 đi đâu|không nói *3 ở đâu|không cho biết *3 đâu|không biết *4 đi đâu|chưa biết *3 đi đâu|sợ|scared|afraid|do not know where|not told where|will not say where|would not tell where|did not say where';

export const CONSEQUENCES: readonly Composition[] = [
  // Cut off by a flood, a fire or the snow, and nobody coming: trapped in a disaster.
  { kind: 'danger', roles: [{ p: CUT_OFF, key: true }, { p: DISASTER }, { p: NOBODY_COMING, key: true }], unless: REACHED },
  // Hungry for days with no money, and asking for help: starving, however few the words.
  { kind: 'danger', roles: [{ p: HUNGRY, key: true }, { p: DAYS }, { p: NO_MONEY }, { p: HELP_NOW, key: true }] },
  // Stranded in the cold or a flood with the fuel, the battery or the food running out.
  { kind: 'danger', roles: [{ p: STRANDED, key: true }, { p: RUNNING_OUT, key: true }, { p: HARSH }], unless: REACHED },
  // A body part getting worse, and someone deciding there will be no doctor.
  { kind: 'danger', roles: [{ p: BODY_PART }, { p: WORSENING, key: true }, { p: CARE_DENIED, key: true }] },
  { kind: 'danger', roles: [{ p: SERIOUS_STATE, key: true }, { p: CARE_DENIED, key: true }] },
  // Poisoned at work: what was breathed or touched, what it does, and no protection or no care.
  { kind: 'danger', roles: [{ p: EXPOSURE }, { p: POISONED, key: true }, { p: UNPROTECTED }] },
  { kind: 'danger', roles: [{ p: EXPOSURE }, { p: POISONED, key: true }, { p: CARE_DENIED, key: true }] },
  // Held down under what fell.
  { kind: 'danger', roles: [{ p: PINNED, key: true }, { p: FALLEN }], unless: FREED },
  // The papers or the phone held by another, and held as a leash.
  { kind: 'confinement', roles: [{ p: HOLDER }, { p: DOCUMENT, key: true }, { p: HELD_AWAY, key: true }, { p: LEASH }], unless: PROCEDURE },
  // A quota to cheat people, or punishment for a missed one.
  { kind: 'trafficking', roles: [{ p: QUOTA, key: true }, { p: DECEIVE }] },
  { kind: 'trafficking', roles: [{ p: QUOTA, key: true }, { p: BODILY_PUNISHMENT }] },
  // Not free to talk.
  { kind: 'confinement', roles: [{ p: WATCHED, key: true }, { p: CONSTRAINED }] },
  // The mission's number asked for, and no call back, no questions: asked from where they are watched.
  { kind: 'danger', roles: [{ p: LINE_ASKED }, { p: KEEP_QUIET, key: true }], unless: QUIET_AT_WORK },
  // A secret imposed after a night.
  { kind: 'sexual_abuse', roles: [{ p: NIGHT_ACTOR }, { p: SECRET, key: true }, { p: AFTERMATH }] },
  // Someone collapsed and in distress (heat, a seizure, a blow): down, and breathing hard or pale.
  { kind: 'danger', roles: [{ p: COLLAPSED, key: true }, { p: DISTRESS, key: true }], unless: RECOVERED },
  // Sleeping rough with no money or hungry: homeless now.
  { kind: 'danger', roles: [{ p: ROUGH_SLEEP, key: true }, { p: `${BROKE}|${HUNGRY}` }], unless: REACHED },
  // Stuck (an airport, a border) with no money and nobody helping, or sleeping on the floor.
  { kind: 'danger', roles: [{ p: STRANDED, key: true }, { p: BROKE }, { p: `${NOBODY_HELPS}|${ROUGH_SLEEP}`, key: true }], unless: REACHED },
  // A part cut or crushed, and the accident to be kept quiet.
  { kind: 'danger', roles: [{ p: BODY_PART }, { p: WORSENING, key: true }, { p: SILENCED, key: true }] },
  // Hurt and down, and not yet taken to a doctor.
  { kind: 'danger', roles: [{ p: HURT_DOWN, key: true }, { p: CARE_NOT_YET, key: true }] },
  // Down and not coming to: unconscious, however few the words ("bạn em ngất ở công trường ko tỉnh").
  { kind: 'danger', roles: [{ p: COLLAPSED, key: true }, { p: NOT_COMING_TO, key: true }], unless: RECOVERED },
  // A fire or a collapse, and someone not yet out of it.
  { kind: 'danger', roles: [{ p: DISASTER }, { p: UNACCOUNTED, key: true }], unless: ACCOUNTED },
  // Waiting where nobody came to meet them, with no money: stranded at the border or the airport.
  { kind: 'danger', roles: [{ p: ARRIVAL }, { p: NOT_MET, key: true }, { p: BROKE, key: true }], unless: REACHED },
  // Care that cannot wait, money asked first, and none: the surgery will not happen.
  { kind: 'danger', roles: [{ p: URGENT_CARE, key: true }, { p: PAY_FIRST }, { p: BROKE, key: true }] },
  // Nobody gives them food, for days, and hungry: starving however terse.
  { kind: 'danger', roles: [{ p: NOT_FED, key: true }, { p: DAYS }, { p: HUNGRY }] },
  // A death just now, reported by a relative or a roommate: not a pet, not last year.
  { kind: 'danger', roles: [{ p: DIED, key: true }, { p: JUST_NOW }], unless: NOT_A_PERSON },
  { kind: 'danger', roles: [{ p: DIED_JUST_NOW, key: true }], unless: NOT_A_PERSON },
  // A relative silent since a last message that was afraid: missing.
  { kind: 'danger', roles: [{ p: LAST_WORD }, { p: AFRAID }, { p: SILENT_SINCE, key: true }] },
  // Nothing to eat for days, with the employer gone, no money or nobody helping.
  { kind: 'danger', roles: [{ p: NO_FOOD, key: true }, { p: DAYS_GONE }, { p: LEFT_WITHOUT }], unless: CHOSEN_DIET },
  // A night with the boss as the price of a visa, a contract or the wage.
  { kind: 'sexual_abuse', roles: [{ p: NIGHT_DEMAND, key: true }, { p: AS_THE_PRICE }] },
  // Asking how to be taken away without the boss knowing: held.
  { kind: 'confinement', roles: [{ p: TAKEN_AWAY, key: true }, { p: UNSEEN_BY_BOSS }] },
  // Gravely ill with nobody to care for them and no means: dying alone.
  { kind: 'danger', roles: [{ p: GRAVELY_ILL, key: true }, { p: NOBODY_CARES, key: true }, { p: NO_MEANS }] },
  // Dealt with, said softly, and groaning all night or not getting up: beaten.
  { kind: 'violence', roles: [{ p: DEALT_WITH }, { p: PAIN_AFTER, key: true }] },
  // Pregnant and bleeding (or the waters broken): an emergency of the body, unless seen to.
  { kind: 'danger', roles: [{ p: PREGNANT }, { p: PREGNANCY_ALARM, key: true }], unless: PREGNANCY_SEEN },
  // Taken elsewhere by the boss without the phone, not told where or afraid: being moved on.
  { kind: 'trafficking', roles: [{ p: MOVED_AWAY }, { p: NO_PHONE, key: true }, { p: NOT_TOLD }] },
];

/** How far apart (in words) the parts of one composition may be: one story, not two. */
const WINDOW = 45;

interface CompiledRole {
  index: PatternIndex<true>;
  own: ReadonlySet<string>;
  key: boolean;
}
const COMPILED = [...CONSEQUENCES, ...PLIGHTS].map((c) => ({
  kind: c.kind,
  roles: c.roles.map((r): CompiledRole => ({ index: new PatternIndex<true>([[r.p, true]]), own: new Set(wordsOf([r.p])), key: r.key === true })),
  unless: c.unless ? new PatternIndex<true>([[c.unless, true]]) : undefined,
}));

/** The kinds of danger the message tells by its consequences. */
export function detectConsequences(tokens: readonly Token[], stands: Stands): DangerKind[] {
  const found: DangerKind[] = [];
  for (const c of COMPILED) {
    if (found.includes(c.kind)) continue;
    if (c.unless && !c.unless.scan(tokens).next().done) continue;
    const spans = c.roles.map((r) => [...r.index.scan(tokens)].filter((m) => !tokens[m.start]!.j && (!r.key || stands(m.start, m.end, r.own))).map((m) => [m.start, m.end] as const));
    if (spans.some((s) => s.length === 0)) continue;
    if (fits(spans, 0, [])) found.push(c.kind);
  }
  return found;
}

/** One span per role, none overlapping another, all within WINDOW words. */
function fits(spans: readonly (readonly (readonly [number, number])[])[], role: number, chosen: (readonly [number, number])[]): boolean {
  if (role === spans.length) return true;
  for (const s of spans[role]!) {
    if (chosen.some(([a, b]) => s[0] < b && a < s[1])) continue;
    const lo = Math.min(s[0], ...chosen.map((x) => x[0]));
    const hi = Math.max(s[1], ...chosen.map((x) => x[1]));
    if (hi - lo > WINDOW) continue;
    if (fits(spans, role + 1, [...chosen, s])) return true;
  }
  return false;
}
