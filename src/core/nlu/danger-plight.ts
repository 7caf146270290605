// Plights told in everyday words, which the classifier used to be the only one to hear: care refused
// to someone hurt, food rationed by the one who feeds, a door locked from outside, the family at home
// threatened, a relative silent for days, a night visitor, a drink that took the memory away. Each
// is a composition of ./danger-consequence.ts (every role a word family, key roles read like any
// danger phrase: not denied, supposed, past or in a film), with the harmless look-alike that shares
// its words as `unless`: a diet, a storm, a doctor's drink, a friend coming to visit, a call returned.
import type { Composition } from './danger-consequence.ts';
import { ANIMALS, WEATHER } from './danger-rules.ts';

/** Someone hurt badly now: bleeding that does not stop, a burn, a blow to the head, breath failing. */
const HURT_BADLY =
  'máu *3 không ngừng|máu *2 không cầm được|máu ra nhiều|chảy máu nhiều|chảy nhiều máu|bị bỏng|bỏng nặng|bỏng rát|bỏng nước sôi|bỏng dầu|bỏng hóa chất|bỏng hoá chất|phồng rộp|dập nát|kẹp nát|gãy *2 xương|gãy chân|gãy tay|lòi xương|nôn liên tục|nôn *2 mấy lần|chóng mặt *3 nôn|lả đi|không ra hơi|tím tái|đau ngực|tức ngực|khó thở|sốt 39/40/41/42 độ|đứng không vững|ngủ li bì|gọi *2 không dậy|nói lắp bắp|lạnh ngắt|xuất huyết|co giật|méo miệng|đột quỵ|đột quị|tai biến|say nắng|ngất|xỉu|đen lại|sưng tím|không thấy gì nữa|không mở được|bleeding heavily|will not stop bleeding|burned|badly burnt|chest pain|can not breathe|fainted|collapsed|stroke';
/**
 * The one in charge decides there will be no care: no ambulance called, no hospital, wait till the
 * shift ends or Monday, bandage it yourself, it is nothing, she is pretending, every woman has that.
 */
const CARE_REFUSED =
  'không cho/được *2 gọi *3 cấp cứu|không cho/được *2 gọi *3 cứu thương|không cho/được *2 gọi *2 119/911/999/ambulance|đừng/cấm *2 gọi *3 cấp cứu|đừng/cấm *2 gọi *3 cứu thương|đừng/cấm *2 gọi *2 119/911/999/ambulance|cấm *3 đưa/đi/chở *3 viện/khám/bác|không được *2 đi *2 viện/khám|không đưa/chở/dẫn *3 đi *2 viện/khám|không ai chở/đưa *3 đi *2 khám/viện|bảo/nói/kêu *3 chờ/đợi *4 hết ca|bảo/nói/kêu *3 chờ/đợi *3 mai/thứ/tuần|chờ/đợi *2 hết ca|chờ/đợi *4 mới đưa/chở/cho *2 đi|để mai tính|bảo/nói *3 nghỉ *3 là khỏi|nghỉ # phút rồi làm tiếp|rồi làm tiếp|giả bệnh|giả vờ ốm|ai chẳng/chả thế|tự băng|tự băng bó|tự bắt taxi|tự chở *2 đi sau|không quay vào bờ|không cho nghỉ|không cho * nghỉ|chỉ băng lại|wait * end of * shift|wait until monday|no ambulance|will not call * ambulance';
/** Seen to already, or over: "đã đi viện", "giờ khỏi rồi". */
const CARED_FOR = 'vẫn đi làm được|vẫn làm được|đúng luật|đã đi viện|đã được đưa đi|đã đưa đi *2 viện|đã nhập viện|đã khám|khám rồi|khỏi rồi|đã khỏi|đỡ rồi|ổn rồi|bác sĩ *2 bảo/nói *3 không sao|is fine now|already at * hospital';

/** The one who feeds the worker: the employer, the company, the manager, "they". */
const FEEDER = 'chủ|ông chủ|bà chủ|madam|mama|baba|sajang|majikan|kafeel|công ty|cty|quản lý|cai|họ|bọn nó|tụi nó|boss|employer|they';
/** Food given by the ration, locked away or cut off. */
const RATIONED =
  'chỉ cho *3 ăn|chỉ được *2 ăn|cho ăn có|cho * ăn có|cho mỗi ngày 1/một|ngày được 1/một gói|mỗi ngày *3 1/một bữa|1/một bữa *3 mỗi/một ngày|một lần mỗi ngày|1 lần mỗi ngày|khóa/khoá tủ đồ ăn|khóa/khoá tủ lạnh|khóa/khoá bếp|cắt *2 cơm|không cho ăn|không cho * ăn|bỏ đói|chỉ được *3 ngụm nước|only one meal|one meal a day|locks * food|no food for';
/** The diet or the saving chosen by the writer. */
export const CHOSEN_DIET = 'ăn kiêng|giảm cân|tiết kiệm|nhịn ăn để|tự nấu|ăn chay|diet|saving money';

/** Days without food, or on one meal, said with no pay, no papers or the boss gone. */
const DAYS_HUNGRY =
  '# ngày *3 chỉ ăn *2 1/một bữa|# ngày *3 chưa ăn gì|# ngày *3 không ăn uống|# ngày *3 không ăn|hết *3 đồ ăn *2 # ngày|# ngày nay hết *3 mì/gạo/đồ ăn|từ * hết gạo|hết gạo rồi|không lương không gạo|for # days * not eaten';
const AND_NOTHING = 'không lương|chưa trả lương|không trả lương|chưa có lương|không tiền|hết tiền|không có tiền|không hộ chiếu|không có hộ chiếu|bỏ đi|bỏ trốn|khóa máy|không đồ ăn|no pay|no money|no passport';

/** A door locked from outside, or a house the worker is never let out of. */
const LOCKED_IN =
  'khóa/khoá *4 từ/ở/phía *2 bên ngoài|khóa/khoá *3 từ/ở/phía ngoài|chỉ mở được từ *2 ngoài|mở được từ bên ngoài|khóa/khoá cửa *2 để *3 ở trong/nhà|khóa/khoá cửa *3 không cho *2 ra|cửa *4 lúc nào cũng khóa/khoá|giữ chìa khóa/khoá *2 cổng|chưa/không được/cho *2 bước ra *2 khỏi *2 nhà/cổng/cửa|chưa bước ra khỏi *2 nhà/cổng *3 lần nào|không được ra khỏi nhà|không cho *2 ra khỏi nhà|chưa được ra ngoài *3 lần nào|only door key|locked from * outside|locks * from * outside|never * allowed * out|not allowed to go out';
/** Kept in by the weather, an illness, a child's safety, one's own key or a pet. */
const KEPT_IN_HARMLESSLY = `${WEATHER}|ốm|bệnh|bác sĩ|sốt|an toàn|lười|ngại|tự khóa|tự khoá|quên chìa|mất chìa|forgot * key|lost * key|${ANIMALS}`;

/** The family or the home village reached: "biết nhà em ở quê", "cho người về tận nhà". */
const HOME_REACHED =
  'biết nhà *4 ở quê|biết nhà em/tôi/mình/con/cháu|biết số nhà|biết địa chỉ nhà|về tận nhà/quê|xuống tận nhà/quê|tìm về tận|cho người về/xuống *4 nhà/quê|tìm bố/ba mẹ|tìm gia đình|nhà bố mẹ|bố/ba/mẹ *2 em/tôi/con ở quê|biết em/tôi ở khu/đâu|knows where my family|knows * my family|my family in vietnam';
/** What will be done there. */
const HARM_THERE = 'xử|đốt|giết|chém|đánh|đòi nợ|trả thù|biết tay|không yên|tìm bố mẹ|tìm ba mẹ|tìm gia đình|tới|đến|hurt|kill|burn';
/** The condition set: if the worker leaves, tells or reports. */
const IF_THEY_TELL = 'nếu|ai bỏ|bỏ trốn|trốn|mách|kể|xin nghỉ|dọa|hăm|đừng nói|đừng kể|đừng báo|if i|if you';
/** A friend's visit, a delivery, paperwork: the home reached for a good reason. */
const VISIT = 'chơi|thăm|đón|ăn tết|hỏi thăm|quà|giao|thủ tục|hướng dẫn|hỗ trợ|visit';

/**
 * Someone close gone silent for days: no call home, the phone off, nobody picks up. "Missing" for
 * months is the Fund's case of a worker missing, asked about, not an emergency now.
 */
const SILENT =
  'không/chưa liên lạc được|mất liên lạc|không gọi về|tắt máy|máy tắt|im bặt|không ai bắt máy|không bắt máy|không nghe máy|gọi *3 không được|gọi *3 không liên lạc|điện thoại tắt|chưa về|không thấy về|facebook *2 không on|bặt tin|biệt tăm|lost contact|no contact|not answering|phone * off';
const FOR_DAYS =
  '#/1/2/3/4/5/6/7/8/9 ngày/tuần/tháng/hôm|mấy/vài/hai/ba/bốn/năm/sáu/bảy/tám/chín/mười ngày/tuần/tháng|từ hôm|từ tết|từ tối|từ sáng|hôm kia|tuần trước|tháng trước|đến giờ|tới giờ|đến nay|since|for # days/weeks';
/** Whom the writer is close to: a child, a spouse, a sibling, the roommate (not the broker). */
const CLOSE_ONE =
  'con gái|con trai|con tôi|con bé|thằng út|chồng|vợ|em trai|em gái|anh trai|chị gái|em tôi|cháu tôi|cháu nó|bạn cùng phòng|bạn cùng xưởng|bạn làm cùng|làm cùng xưởng|đồng nghiệp|anh tôi|chị tôi|bố tôi|ba tôi|mẹ tôi|chị giường bên|my son|my daughter|my husband|my wife|my brother|my sister|roommate';
/** Heard from since, or silent for an ordinary reason. */
const HEARD_FROM = 'gọi lại rồi|liên lạc được rồi|đã liên lạc được|đã gọi lại|tìm thấy|đã về rồi|về rồi|bình an|không sao rồi|vẫn khỏe|đi biển|hết pin|mất điện thoại|đổi số|called back|found';

/** A man of the house (or "they") coming into the worker's room, again or at night. */
const NIGHT_VISITOR = 'ông cụ|ông già|ông chủ|ông ấy|con trai chủ|con trai ông|sajang|quản lý|banjang|tụi nó|bọn nó|hắn|lão|ổng|thằng|he|they';
const INTO_THE_ROOM = 'vào phòng *2 em/nó/con/tôi/chị/mình|lại vào phòng|mò qua/sang/vào *2 phòng|gõ cửa phòng|đập cửa phòng *3 đòi vào|mở vào|sẽ vào phòng|comes into my room|come into my room|enter my room';
const AT_NIGHT = 'đêm|tối|khuya|say|uống rượu|rượu|lại|cứ|nào cũng|một mình|không khóa được|night|drunk|again';
/** A visit for the house's work: a check, a repair, a birthday. */
const ROOM_ERRAND = 'kiểm tra|sửa|dọn|phòng cháy|điều hòa|điều hoà|giao đồ|chúc|sinh nhật|đưa đồ|lấy đồ|check|repair|fix';

/** Made to drink something, then memory gone, dizzy, undressed. */
const DRUGGED = 'cho/ép/bắt *3 uống *3 gì đó|cho/ép/bắt *3 uống *2 thuốc gì|bỏ thuốc vào|pha gì vào|made me drink|gave me a drink|put something in my drink';
const AFTER_DRINK = 'không nhớ gì|không nhớ *2 gì|tỉnh dậy|sáng dậy|chóng mặt|quần áo *3 cởi/xé/rách|mê man|bất tỉnh|tắt máy|can not remember|woke up|dizzy';
const MEDICINE_GIVEN = 'bác sĩ|y tá|bệnh viện|nhà thuốc|dược sĩ|doctor|nurse|pharmacy';

/** Sex said without its word: "làm chuyện đó", "'phục vụ' khách", "ở lại 'làm vợ'". */
const EUPHEMISM = 'ép/bắt/cưỡng *3 làm chuyện đó/ấy|bắt/ép *3 phục vụ *3 bạn/khách của ông/bà|bắt/ép *3 phục vụ bạn ông|ở lại *2 làm vợ|làm vợ *4 trả nợ|ngủ chung không thì|ngủ cùng không thì';
const UNWILLING = 'không muốn|không dám|sợ|khóc|khóa/khoá cửa|nếu không|không thì|trả nợ|đuổi|i do not want|scared';

export const PLIGHTS: readonly Composition[] = [
  // Hurt badly, and the one in charge refuses the ambulance or the hospital, or says to wait.
  { kind: 'danger', roles: [{ p: HURT_BADLY, key: true }, { p: CARE_REFUSED, key: true }], unless: CARED_FOR },
  // Food rationed, locked away or cut by the one who feeds the worker — not a diet chosen.
  { kind: 'danger', roles: [{ p: FEEDER }, { p: RATIONED, key: true }], unless: CHOSEN_DIET },
  // Days hungry, with no pay, no papers or the boss gone.
  { kind: 'danger', roles: [{ p: DAYS_HUNGRY, key: true }, { p: AND_NOTHING }], unless: CHOSEN_DIET },
  // Locked in from outside, or never let out of the house: not a storm, an illness or a pet.
  { kind: 'confinement', roles: [{ p: LOCKED_IN, key: true }], unless: KEPT_IN_HARMLESSLY },
  // The family at home reached, harm named, on a condition: a threat, not a visit.
  { kind: 'violence', roles: [{ p: HOME_REACHED, key: true }, { p: HARM_THERE }, { p: IF_THEY_TELL }], unless: VISIT },
  // Someone close silent for days: missing, unless heard from since.
  { kind: 'danger', roles: [{ p: CLOSE_ONE }, { p: SILENT, key: true }, { p: FOR_DAYS }], unless: HEARD_FROM },
  // A man of the house coming into the room at night: not a check or a repair.
  { kind: 'sexual_abuse', roles: [{ p: NIGHT_VISITOR }, { p: INTO_THE_ROOM, key: true }, { p: AT_NIGHT }], unless: ROOM_ERRAND },
  // Made to drink something, then the memory gone or the clothes off: not a doctor's medicine.
  { kind: 'sexual_abuse', roles: [{ p: DRUGGED, key: true }, { p: AFTER_DRINK }], unless: MEDICINE_GIVEN },
  // Sex said without its word, and not wanted.
  { kind: 'sexual_abuse', roles: [{ p: EUPHEMISM, key: true }, { p: UNWILLING }] },
];
