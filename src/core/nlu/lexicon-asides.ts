// Everyday asides that borrow a topic's words: the day off, the cold "to death", the cut already
// stitched, a quake nobody was hurt in, a story told only to share, a shopping question after "the
// pay is fine". Each weighs out_of_scope and takes back the topic word it borrows, so the message
// gets the honest "not something I answer" instead of the wrong topic. Same pattern language and
// scale as ./lexicon.ts, which spreads these in.
import type { LexIntent } from './lexicon.ts';

type W = Partial<Record<LexIntent, number>>;

export const ASIDES: readonly (readonly [string, W])[] = [
  // A day off asked or refused ("xin nghỉ 2 hôm", "nghỉ ốm", "cho nghỉ 5 ngày"): no Fund case, and
  // only a hint of the contract — pay cut for it ("bị giảm lương vì nghỉ ốm") is still the contract.
  ['nghi om|nghỉ ốm|nghi benh|nghi bệnh|xin nghi 1/2/3/4/5/6/7/mot/hai/ba/nua hom/ngay/buoi|cho nghi 1/2/3/4/5/6/7/mot/hai/ba hom/ngay|nghi 1/2/3/4/5/mot/hai/ba/nua hom/buoi|sick leave|sick day|day off', { out_of_scope: 2, contract_liquidation: -1, support_fund: -2 }],
  // Illness that passes: the flu, a fever, what to eat to get well.
  ['=cúm|cum a|bi cum|bị sốt|sốt # độ|cảm sốt|mau khoe|mau khoi|nhanh khoi|nhanh khoe|chong khoe|an gi cho|the flu|a fever', { out_of_scope: 2.5, support_fund: -1.5 }],
  ['kham rang|nho rang|sau rang|rang khon', { out_of_scope: 3, contract_liquidation: -1.5 }],
  // Healed or treated already ("khâu rồi", "lành hẳn rồi", "nó nói ko sao"): nothing to claim.
  ['lanh han|da lanh|gio lanh|khoi han|da khoi han|hoi phuc roi|binh phuc roi|khau roi|da khau|khau * mui|bang bo roi|noi ko sao|noi khong sao|bao ko sao|bao khong sao|healed|recovered', { out_of_scope: 2, support_fund: -2 }],
  // Taken to hospital by the company ("kaisha đưa đi bệnh viện") is not the sending company.
  ['cong ty dua * benh vien|cong ty dua * vien|dua di benh vien|dua di vien|dua vao vien', { contract_liquidation: -1.2 }],
  // Cold or heat "to death" ("lạnh chết mất thôi"): a figure of speech, no death.
  ['chet mat thoi|chet mat .|chết mất luôn|lanh gan chet|nong gan chet|lạnh muốn chết|nóng muốn chết|lạnh chết đi|nóng chết đi|freezing to death', { support_fund: -2.5 }],
  // The weather felt: sun and sweat ("nắng quá", "mồ hôi chảy như tắm").
  ['+nắng quá|nóng quá|nắng gắt|mồ hôi|mo hoi|chống nắng|chong nang|so hot|so cold', { out_of_scope: 1.5 }],
  // Let off for the day ("chiều 3h là cho về", "tan ca"): home to the dormitory, not to Viet Nam.
  ['tan ca|tan lam|het ca|chieu *6 cho ve roi .|chieu *6 cho ve .|cho ve nghi', { return_registration: -1.5, out_of_scope: 1.5 }],
  // A quake felt, drilled for, warned of — and nobody hurt.
  ['dong dat nhe|rung nhe|dien tap|canh bao dong dat|bao dong dat|app * dong dat|earthquake drill|earthquake alert', { out_of_scope: 2.5, support_fund: -1.8 }],
  ['khong ai sao|ko ai sao|k ai sao|khong ai bi sao|ko ai bi sao|khong ai bi gi|ko ai bi gi|khong ai bi thuong|ko ai bi thuong|nobody * hurt|no one * hurt', { out_of_scope: 2, support_fund: -1.5 }],
  // Others' rescue read about and ended well ("về hết rồi, mừng"): nobody to bring home.
  ['ve het roi|deu ve roi|ve an toan roi|da ve het|mung qua|+mừng .|thank god', { out_of_scope: 2, return_registration: -1.5 }],
  // Told only to share ("chỉ kể để mọi người biết"): a story closed, no question of any topic.
  ['chi ke|ke de moi nguoi|ke cho moi nguoi|de moi nguoi biet|cho moi nguoi biet|chia se de moi nguoi|chi chia se|just sharing|just telling', { out_of_scope: 3, return_registration: -2, contract_liquidation: -2, support_fund: -2 }],
  // The new employer good now: the old trouble is not what is asked.
  ['chu moi tot|chu moi * tot|chu moi on|chu moi doi xu tot', { contract_liquidation: -1.5, out_of_scope: 1 }],
  // The pay fine ("lương đủ.", "lương đều"): said to set the wages aside.
  ['luong du .|luong deu .|luong on .|luong tot .|luong van du|luong van deu|tra luong deu dan', { contract_liquidation: -1.5, out_of_scope: 1 }],
  // What is cheap and where to buy it.
  ['nao re|re nhat|cho nao re|o dau re|kem chong nang|my pham|cheapest', { out_of_scope: 2 }],
  // A quarrel at home with a roommate, the room itself: life abroad, not the contract nor a person.
  ['ban cung phong|o chung phong|nguoi chung phong|thang chung phong|ban chung phong|doi phong|phong rieng|ky tuc xa|roommate|roommates', { out_of_scope: 2, contract_liquidation: -1 }],
  ['to tieng|cai nhau voi|cai nhau vi|ngay nhu sam|ngay to', { out_of_scope: 1.5 }],
  // Skiving said in jest ("cho e trốn khỏi thứ hai"): no running away.
  ['tron khoi thu hai|tron khoi thu 2|tron thu hai|tron thu 2|tron * deadline|tron * bao cao|tron di choi|tron di ngu', { return_registration: -2, out_of_scope: 1.5 }],
  // A chat about the day: the market, a good meal, happy.
  ['đi +chợ|sieu thi|mua duoc', { out_of_scope: 1.5 }],
  ['vui lam|vui ghe|ngon lam|ngon qua', { out_of_scope: 2.5 }],
  // Resigned to it ("thôi cũng được"): nothing is asked.
  ['thoi cung duoc|thoi cung dc|thoi ke|thoi ke no', { out_of_scope: 1.5 }],
  // Done online ("làm online thế nào", "nộp online được không"): the way a form is sent, not the online-job scam.
  ['lam online the nao|lam online nhu the nao|lam online duoc khong|lam online duoc ko|lam online dc ko|lam online o dau|lam online co duoc|nop online|lam * online the nao', { return_registration: -3 }],
  // Income tax settled or refunded in the host country: none of the four topics.
  ['hoan thue thu nhap|thue thu nhap|quyet toan thue|tax refund|tax return|income tax', { out_of_scope: 2.5, contract_liquidation: -1.5 }],
  // No liquidation record beside the Fund ("xin quỹ được không, ko có biên bản thanh lý"): what the
  // Fund accepts instead is asked, not the liquidation.
  ['khong co bien ban|ko co bien ban|k co bien ban|chua co bien ban|thieu bien ban|khong co giay thanh ly|ko co giay thanh ly', { support_fund: 2, contract_liquidation: -2 }],
  // An address changed is one's own, no address asked for.
  ['doi dia chi|thay dia chi|chuyen dia chi|sai dia chi|nham dia chi|changed my address|moved house', { hotline: -2 }],
  // A person asked for by the one who would talk ("có nhân viên nào nói chuyện giúp e"), or because
  // typing does not get it across ("gõ mãi ko ra").
  ['co nhan vien nao|co can bo nao|co ai * noi chuyen * giup|noi chuyen giup|noi chuyen * giup em|noi chuyen * giup e|noi chuyen * giup toi', { handoff: 2.5 }],
  ['go mai|go khong ra|go ko ra|khong biet go|ko biet go|kho go qua|viet khong ra|viet ko ra', { handoff: 1.5 }],
];
