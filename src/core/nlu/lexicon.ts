// What each intent sounds like: weighted phrases in Vietnamese (folded, so they match with or
// without marks; a word written with marks must be typed with those marks or none — "quỹ" is not
// "quy định") and English, in the pattern language of ./pattern.ts. A message's score for an
// intent is the sum of the weights of the entries it contains (each entry once, whichever of its
// "|" phrases matched; an entry can weigh several intents). Negative weights
// undo a word inside a phrase that means something else ("quy dinh" is a regulation, not the fund).
//
// Scale: ~3 a phrase that alone says the topic ("thanh ly hop dong", "hotline"); ~1.5-2 a strong
// hint; ≤1 a word that only helps another. An intent needs 1.5 to be taken (see ./intents.ts).

import { ASIDES } from './lexicon-asides.ts';

export const INTENTS = [
  'contract_liquidation',
  'return_registration',
  'support_fund',
  'hotline',
  'handoff',
  'greeting',
  'out_of_scope',
] as const;
export type LexIntent = (typeof INTENTS)[number];

type W = Partial<Record<LexIntent, number>>;
const C = (n: number): W => ({ contract_liquidation: n });
const R = (n: number): W => ({ return_registration: n });
const F = (n: number): W => ({ support_fund: n });
const H = (n: number): W => ({ hotline: n });
const P = (n: number): W => ({ handoff: n });
const G = (n: number): W => ({ greeting: n });
const O = (n: number): W => ({ out_of_scope: n });

type Entry = readonly [string, W];

/**
 * The mission and the offices by name. Naming one is not asking for its line: "đăng ký về nước ở
 * đại sứ quán", "how do I get a new passport at the embassy" ask how the office does it, and that
 * topic's answers say which office and how to reach it.
 */
export const OFFICES: readonly Entry[] = [
  ['su quan|lanh su|dai su|tong lanh su|co quan dai dien|van phong dai dien', H(1.5)],
  ['van phong kinh te|van phong kinh te van hoa|ban quan ly lao dong|bao ho cong dan|cuc lanh su|bo ngoai giao|ngoai giao', H(2)],
  ['embassy|consulate|consular|mission|embasy|embassi|ambassy|consulat', H(2)],
];
/**
 * Whom to contact: about wages or the Fund, a line; about going home, the mission, which the
 * return answers name ("muốn làm giấy tờ để về thì liên hệ ai").
 */
export const CONTACT: Entry = ['lien he|lien lac', H(2)];
/** Whom to tell: about harm, a line; about going home, the report to the home authority ("về nước xong phải báo ai"). */
export const REPORT_TO: Entry = ['bao ai|bao cho ai', H(1.5)];

export const LEXICON: readonly (readonly [string, W])[] = [
  // ── contract liquidation: ending the contract, deposit, fees, wages, complaints ──
  ['thanh ly|thanh li', C(3)],
  ['thanh ly|thanh li hop dong', C(1)],
  ['bien ban thanh ly', C(1)],
  ['ky quy', C(3)],
  ['tien coc|dat coc|tien cọc|mất cọc|mat coc|mất ký quỹ|mat tien coc|tien bao lanh|bao lanh', C(2.5)],
  ['cọc', C(1)],
  // what is done with the company that sent the worker, once home: the contract's liquidation
  ['thu tuc * voi cong ty|thu tuc voi cong ty|voi cong ty da dua * di|voi cong ty dua * di', C(2.5)],
  ['cham dut', C(2)],
  ['cham dut hop dong', C(1.5)],
  ['don phuong', C(2)],
  ['pha hop dong|pha vo hop dong|huy hop dong|bo hop dong', C(3)],
  ['ket thuc hop dong|xong hop dong|het hop dong', C(3)],
  ['het han hop dong|hop dong het han|hop dong * het han|mãn hạn|man han hop dong', C(3)],
  ['hop dong', C(2)],
  ['ve truoc|ve nuoc truoc', { contract_liquidation: 1, return_registration: 0.5 }],
  ['gia han hop dong', C(0.5)],
  ['truoc han|truoc thoi han|het han', C(1)],
  ['ve truoc han|ve nuoc truoc han|ve truoc thoi han', { contract_liquidation: 1, return_registration: 0.5, support_fund: 0.3 }],
  ['ve som|ve nuoc som', { contract_liquidation: 0.8, return_registration: 0.6, support_fund: 0.5 }],
  ['no luong|quyt luong|giam luong|tru luong|cham luong|cham tra luong|luong thap|luong cham|luong * cham|tra cham|thieu luong|luong * thieu|tra thieu|khong du luong', C(2.5)],
  ['luong thang cuoi|luong con no|chua nhan luong|chua nhan duoc luong|luong * chua nhan|last salary|last month salary|final salary', C(2.5)],
  ['khong tra luong|chua tra luong|khong * tra luong|khong tra tien|khong * tra tien|chua tra tien|khong chiu tra|khong tra lai', C(2.5)],
  ['luong|tien luong|tien cong|tra luong|salary', C(1.5)],
  ['tinh luong|cach tinh luong|tinh tien luong|tinh cong', C(1)],
  ['bang luong|phieu luong|cat luong|bi cat luong|trừ tiền|bị trừ|khấu trừ|trừ lương|tru tien|trừ * lương|tru * luong', C(1.5)],
  ['bao hiem|so bao hiem|dong bao hiem|bao hiem xa hoi|nenkin|hoan thue|tien thue|luong huu', C(1.5)],
  ['gio lam !giay/sao/gi/the/lai/ho/thu/nhu/duoc/tiep/cach/dau|gio lam viec|thoi gian lam viec|lam viec * tieng|lam * tieng|=ca đêm|nghi phep|ngay nghi|nghi chu nhat|khong duoc nghi|khong cho nghi|khong cho * nghi|giam gio|giảm giờ|cat gio|it gio|het viec|thieu viec|khong co viec', C(1.5)],
  ['tang ca|lam them|lam them gio|ngoai gio', C(1)],
  ['phi dich vu|phi moi gioi|tien moi gioi|tien phi|phi xuat canh|phi xuat khau|tien xuat canh', C(2.5)],
  ['hoan phi|hoan tien|tra lai phi|tra lai tien|lay lai tien|doi lai tien|nhan lai tien|doi lai|lay lai|nhan lai', C(1.5)],
  ['phi|thu phi', C(0.8)],
  ['tra phi|dong phi|mat phi|tien phat|bi phat|dong phat|nop phat|den tien|den hop dong|phat hop dong|boi thuong hop dong|vi pham hop dong', C(1.5)],
  ['cong ty dich vu|cong ty phai cu|cong ty moi gioi|cong ty xuat khau lao dong|doanh nghiep dich vu|moi gioi|cong ty dua', C(1.2)],
  ['trung tam lao dong ngoai nuoc', C(1)],
  // The contract between the sending company and the foreign side: what it says is a contract question.
  ['hop dong cung ung|cung ung lao dong|supply contract', C(2)],
  // What the contract says ("hợp đồng ghi ai trả tiền vé") is asked of the contract, whatever it is about.
  ['hop dong ghi|hop dong co ghi|trong hop dong ghi|hop dong quy dinh|hop dong noi|theo hop dong thi|contract says|contract said|in the contract', C(2)],
  // Japan's trainee system itself (its end and what replaces it), not a trainee's own case.
  ['che do thuc tap sinh|he thong thuc tap sinh|thuc tap sinh ky nang|duc thanh tuu lao|ikusei shuro|ikusei shuuro|technical intern training|trainee system|skill development system', C(2)],
  // The system named with words between ("chế độ mới thay thực tập sinh").
  ['che do *3 thuc tap sinh|he thong *3 thuc tap sinh', C(2)],
  ['khieu nai|to cao|khởi kiện|kiện|khoi kien|kien cong ty|kien chu|phan anh|to giac', C(2)],
  ['bị lừa|lừa tiền|lừa đảo|lừa mất|bi lua|lua dao|lua tien', C(1.5)],
  ['tranh chap', { contract_liquidation: 1.5, support_fund: 0.5 }],
  ['boi thuong|den bu', C(2)],
  ['nghi viec|bo viec|thoi viec|xin nghi|nghi lam|bo lam|nghi ngang|bo ngang|ve ngang|giua chung|bo do', C(2)],
  ['sa thai|duoi viec|bi duoi|cho nghi viec|mat viec|bi cho nghi', { contract_liquidation: 2, support_fund: 0.4 }],
  // The one cared for, or the employer, died: the worker needs a new employer or to go home.
  ['cham * mat roi|cham * qua doi|cham * mat .|chu * qua doi|chu * mat roi|ong cu * mat|ba cu * mat|nguoi benh * mat|nguoi gia * mat', { contract_liquidation: 3, support_fund: -2 }],
  // The employer ran off: wages and the contract, not the worker absconding.
  ['cong ty * bo tron|chu * bo tron|cong ty bo tron|chu bo tron|cong ty * bo chay|chu * bo chay|employer ran away|company ran away', { contract_liquidation: 3, return_registration: -2 }],
  ['doi chu|chuyen chu|doi cong ty|chuyen cong ty|chuyen viec|doi viec|chuyen xuong', C(2)],
  ['nguoc dai|bi chui|chui mang|bi mang', C(1.5)],
  ['quyen loi|quyen cua|co quyen|quyen han|quyen|nghia vu|trach nhiem', C(1.5)],
  ['contract|contracts|contrack|contrat|kontrak', C(2)],
  ['liquidate|liquidation|liquidating|liquidated', C(3)],
  ['deposit|deposits', C(3)],
  ['terminate|termination|terminating|terminated', C(2.5)],
  ['end * contract|break * contract|cancel * contract|leave * contract|finish * contract', C(1.5)],
  ['contract * ended|contract * ends|contract * expired|contract * expires|contract * finished|contract * over', C(1.5)],
  ['quit|quitting|resign|resigning|resignation', C(2)],
  ['fired|dismissed|laid off|sacked', { contract_liquidation: 2, support_fund: 0.4 }],
  ['salary|salaries|wage|wages|pay|paid|payslip|overtime', C(1.5)],
  ['deduct|deducted|deducts|deduction|deductions|settle|settlement|guarantee money|security deposit|guarantee|bond|cheated|scammed|tricked|fraud', C(2)],
  ['change * job|new job|switch * job|another job|finish * contract|finished * contract|completed * contract', C(2)],
  ['unpaid|not * paid|not * pay|never paid|owes me|owe me', C(2)],
  ['fee|fees|broker|brokerage|recruitment fee|placement fee', C(2)],
  ['refund|refunded|money back|get * back', C(1.2)],
  ['agency|sending company|recruiter', C(1)],
  ['complain|complaint|complaints|report * employer|sue', C(2)],
  ['dispute|disputes', { contract_liquidation: 1.5, support_fund: 0.5 }],
  ['compensation|compensate', { contract_liquidation: 1.5, support_fund: 0.5 }],
  ['change employer|change * employer|new employer|transfer * employer', C(2.5)],
  ['employer|boss|company', C(0.5)],
  ['mistreat|mistreated|mistreatment', C(1.5)],
  ['my rights|rights|obligations|duties', C(1.5)],

  // ── return registration: going home, passports, papers, status, flights, after return ──
  ['dang ky ve nuoc|dang ky ve|dang ky tro ve|dang ky hoi huong', R(3.5)],
  ['ve nuoc|ve viet nam|ve lai viet nam|ve vn|ve lai nuoc', R(1.5)],
  ['hoi huong|ve nuoc bang|cach ve nuoc|lam sao ve nuoc|lam sao de ve|muon ve nuoc|muon ve viet nam|can ve nuoc', R(1.5)],
  ['ve que|ve nha|tro ve|quay ve|tro lai viet nam|quay lai viet nam', R(2)],
  ['muon ve|xin ve|can ve|duoc ve|cho ve|de ve|cach ve|lam sao ve|ve bang|ve duoc|muon ve voi', R(1.5)],
  ['em muon ve|toi muon ve|minh muon ve|muon ve que|muon ve nha|muon ve ngay|thu tuc ve|ve thi thu tuc|ve * thu tuc|gio ve', R(1.5)],
  ['phai ve', R(0.8)],
  ['lam giay ve|lam giay to ve|lam giay de ve|lam giay|lam giay to', R(1.5)],
  // Calling or sending home is not going home.
  ['goi ve|goi video ve|goi dien ve|nhan tin ve|gui ve|goi video', R(-1.5)],
  ['ve voi gia dinh|ve voi bo me|ve voi vo|ve voi chong|ve voi con', R(1.5)],
  // Bringing someone home (a sick husband, a daughter): the family registers the return.
  ['dua * ve nuoc|dua * ve viet nam|dua * ve que|dua * ve nha|don * ve nuoc|don * ve viet nam|bring * home|bring * back to vietnam', R(2)],
  ['uu tien ve|duoc uu tien ve|uu tien * ve nuoc', R(1.5)],
  ['ho chieu|passport|hộ chiếu|pasport|passpord|paspor|pass port|hc', R(2)],
  ['mat ho chieu|mat passport|lam mat ho chieu|ho chieu bi mat|lam lai ho chieu|cap lai ho chieu|xin lai ho chieu|ho chieu het han|ho chieu rut gon|gia han ho chieu|doi ho chieu', R(2)],
  ['giay thong hanh|thong hanh', R(3.5)],
  ['giay to|giay to tuy than|mat giay to|khong co giay to|khong giay to|mat het giay to', R(1.5)],
  ['the ngoai kieu|the cu tru|the luu tru|the arc|zairyu', R(2)],
  ['visa|thi thuc', R(1.5)],
  ['qua han visa|visa het han|het han visa|visa qua han|het visa|qua han|ở lậu|o lau|bat hop phap|khong hop phap|cu tru bat hop phap|lao dong chui|lam chui|o chui|di chui|chui o|trốn|bo tron|tron ra ngoai|tron ra|bất hợp pháp', R(2)],
  ['truc xuat', R(2)],
  ['so di tru|cuc di tru|xuat nhap canh|immigration office', R(1.5)],
  // Skiving is not running away.
  ['tron viec|tron hoc|tron ca|tron lam', { return_registration: -2, out_of_scope: 1.5 }],
  // An offer weighed before going: "is it a scam", or money asked ahead "to hold a place" — a
  // scam warning is the answer, not a deposit refund.
  ['co phai lua|phai lua dao khong|la lua dao khong|co lua dao khong|co phai scam|is it a scam|is this a scam|is that a scam', R(3)],
  ['dat coc giu cho|coc giu cho|coc giu suat|giu suat di|giu cho di|tien giu cho|tien giu suat', R(3)],
  ['viec nhe luong cao|lua sang|lua qua|bi lua sang|bi lua qua|lừa đi|lam online|lua dao online|easy job|high pay|scam compound', R(3)],
  ['chuyen bay|may bay|ve may bay|dat ve|mua ve|chuyen bay giai cuu|giai cuu|so tan|chuyen bay ve', R(2.5)],
  ['dang ky cong dan|dang ky bao ho', R(2.5)],
  ['khai bao|trinh bao|bao cao|dia phuong|uy ban|xa phuong|cong an xa|chinh quyen', R(1.2)],
  ['sau khi ve|da ve|ve roi|ve den nha|ve toi nha|ve toi|ve den|ve nuoc roi|ve que roi|tro ve roi', R(1.5)],
  ['mang thai|co thai|co bau|bau bi|dang bau', R(1.5)],
  ['ve gap|ve ngay|ve luon|can ve gap|ve som nhat|phai ve gap|ve han|ve dut|ve han luon|ve lam an', R(2)],
  ['dau thu|tu thu|tự thú|ra dau thu|san bay|cam nhap canh|cấm nhập cảnh|cam quay lai|cam sang lai|entry ban', R(2.5)],
  ['go home|going home|gone home|get home|go back home|going back|go back|fly home', R(3)],
  ['come home|came home|coming home|went home|sent home|send me home', R(2)],
  ['return home|return to vietnam|returning to vietnam|back to vietnam|fly home|flying home|fly back|travel home|leave the country|leave * country', R(3)],
  ['return|returning|returned', R(1)],
  ['return procedure|return procedures|procedure to return|procedure * go home|how to return|ask return|want return', R(2)],
  ['repatriation|repatriate|repatriated|evacuation|evacuate|evacuated', R(3)],
  ['flight|flights|ticket|tickets|plane|airport', R(2)],
  ['took my passport|keeps my passport|kept my passport|has my passport|passport * kept|citizen registration|register as a citizen|need to return|return quickly|return urgently|go home urgently', R(1.5)],
  ['lost * passport|passport * lost|passport * expired|new passport|replace * passport|emergency passport|travel document|travel documents', R(2)],
  ['overstay|overstayed|overstaying|undocumented|illegal|illegally|runaway|ran away|no papers|without papers|residence card', R(2.5)],
  ['deport|deported|deportation', R(2)],
  ['register|registration|registering', R(1.5)],
  ['register with|before leaving|leaving the country|leave for good|for good', R(2)],
  ['after returning|after * return|after i return|back home', R(1)],
  ['arrive back|arrive home|arrived back|arrived home|arrive in vietnam|back in vietnam|arrival', R(2.5)],
  ['pregnant', R(1.5)],
  // Papers to go home from a host country that will not let the worker stay.
  ['xac minh nhan than|cap giay ve|cap giay to ve|giay ve nuoc|khong cho o lai|khong cho em o lai|khong cho toi o lai', R(2)],

  // ── the Overseas Employment Support Fund ──
  ['quỹ', F(2.5)],
  ['quy dinh|quy trinh|quy tac|quy doi|quy che|quy khach|quy mo|quy cach|quy luat|quy hoach|quy doan|quy uoc|quy gia', F(-2.5)],
  ['quy ho tro|quy viec lam|quy ho tro viec lam ngoai nuoc|ho tro viec lam ngoai nuoc', F(2)],
  ['quỹ có|quỹ * hỗ trợ|quỹ chi trả|quỹ trả|quỹ * trả|quỹ bù|quỹ * bù|quỹ * đền|tiền quỹ|xin quỹ', F(1.5)],
  // Asking for the Fund's papers is a Fund question whatever story of the contract comes before it
  // ("… không có biên bản thanh lý thì xin quỹ bằng giấy gì").
  ['xin quy * giay|xin quy * ho so|xin quy * can gi|ho so xin quy|giay to xin quy|giay xin quy|xin quy duoc', F(3)],
  ['ho tro', F(1)],
  ['duoc ho tro|tien ho tro|muc ho tro|xin ho tro|de nghi ho tro|nhan ho tro|che do ho tro|ho tro gi|ho tro bao nhieu|ho tro khong|ho tro k', F(1.5)],
  ['tro cap|chi tra|tien bao hiem', F(1.5)],
  ['ho tro rui ro|gap rui ro', F(2)],
  ['dong quy|dong gop|muc dong|tien dong|da dong|dong tien quy|dong vao quy', F(2)],
  ['đau lưng|đau chân|đau tay|dau lung|khong lam duoc nua|khong the lam viec|het suc|tram cam|tâm thần|benh tam than|stress|suy nhuoc|mất ngón|mat ngon|chết đuối|chet duoi', F(2)],
  ['tai nan|tai nan lao dong|bi thuong|gay chan|gay tay|thuong tat|tan tat|mat suc lao dong|mat kha nang lao dong|bị gãy|gãy xương|bị bỏng|bỏng nặng|bị cụt|cụt chân|cụt tay|bị liệt|bai liet|tàn phế', F(2.5)],
  ['benh|bi benh|om|bi om|ốm|om dau|benh nang|nam vien|phau thuat|ung thu|suc khoe yeu|đột quỵ|tai biến|đau tim|nhồi máu|suy thận|phải mổ|bị mổ|điều trị|chữa bệnh|dieu tri', F(2)],
  ['chet|qua doi|tu vong|mat tich|đã mất|bi mat tich|thiet mang|hy sinh', F(2.5)],
  ['than nhan|gia dinh|nguoi nha|nguoi than', F(0.5)],
  ['pha san|giai the|dong cua|ngung hoat dong|cat giam|thu hep san xuat|cat giam san xuat|thien tai|dich benh|chien tranh|bat kha khang|dong dat', { support_fund: 1.8, contract_liquidation: 0.8 }],
  ['hoc nghe|dao tao lai|dao tao nghe|hoc phi|khoa hoc', F(2.5)],
  ['luat su|chi phi luat su|tro giup phap ly|phap ly', F(1.5)],
  ['ho so|ho so de nghi|giay to can|thu tuc xin', F(0.8)],
  ['uy quyen|nop ho so|nộp hồ sơ|gui ho so', F(1.5)],
  ['bao nhieu tien|duoc bao nhieu|bao nhieu', F(0.5)],
  ['ho tro * * trieu|trieu * ho tro|bao nhieu trieu|muc tien ho tro', F(1.5)],
  // Who is in charge now: the Fund and the overseas-labour department moved ministries (content says which).
  ['cuc quan ly lao dong ngoai nuoc|cuc quan ly lao dong|bo noi vu|bo lao dong|bo lao dong thuong binh|thuoc bo nao|bo nao quan ly|bo nao phu trach|co quan nao quan ly|which ministry|ministry of home affairs|ministry of labour|ministry in charge', F(2)],
  // A loan for the deposit: "vay" alone is also "vậy".
  ['vay tien ky quy|vay ky quy|vay tien dat coc|vay ngan hang|ngan hang chinh sach|duoc vay|cho vay|vay o dau|vay von|borrow * deposit|deposit loan|loan for * deposit', C(2)],
  ['34 2025|quyet dinh 34|decision 34|40 2021|quyet dinh 40|decision 40|qd 34|qd 40', F(3)],
  ['fund|the fund|support fund|employment support', F(3)],
  ['support|assistance|help from', F(1.2)],
  ['accident|accidents|injury|injured|injuries|hurt at work|disabled|disability', F(2.5)],
  ['sick|illness|ill|disease|hospital|surgery|cancer', F(2)],
  ['died|dies|die abroad|death|dead|passed away|missing|deceased', F(2.5)],
  ['family|relatives|relative', F(0.5)],
  ['bankrupt|bankruptcy|closed down|shut down|went under|closure|war|disaster|pandemic|epidemic', { support_fund: 1.8, contract_liquidation: 0.8 }],
  ['contribute|contributed|contribution|contributions|pay into', F(2.5)],
  ['benefit|benefits|allowance|subsidy|grant|entitled|eligible|eligibility', F(1.5)],
  ['retraining|training|vocational|course', F(2)],
  ['lawyer|legal aid|legal costs|legal fees', F(1.5)],
  ['any money|how much money|how much|get money|receive money|get * money', F(1.5)],
  ['apply|application|claim', F(0.8)],

  // ── hotlines and missions ──
  ['so dien thoai|so lien lac|so lien he|so dt', H(3)],
  // an office's number asked for by the office ("số văn phòng lao động ở Đài Bắc"): naming the office alone is not
  ['so van phong|so cua van phong|so phong lao dong|so cua phong lao dong', H(3)],
  // A line named by what it is for ("số tư vấn tiếng Việt", "số hỗ trợ lao động").
  ['so tu van|so ho tro|so tro giup|so giup do', H(3)],
  // "hồ sơ hỗ trợ" (the Fund's dossier) folds to "ho so ho tro": that "so ho tro" is no line.
  ['ho so ho tro', H(-3)],
  // The lines people know by name (their numbers live in content/hotlines.yaml). No place names
  // here: a lexicon word counts as an everyday word, and the place reader then passes it by.
  ['otit|houterasu|fresc|veco|whatsapp|zalo dai su|zalo lanh su', H(2.5)],
  ['tim luat su|hoi luat su|luat su mien phi|tu van phap ly|tro giup phap ly|luat su noi tieng viet|free lawyer', H(2)],
  ['dien thoai', H(1.2)],
  ['hot line|hotline|duong day nong|tong dai|so khan cap|so cap cuu|so nong', H(3.5)],
  ['duong day|dau moi|so canh sat|so cuu hoa|so cong an|so benh vien|so dai su|so lanh su|so su quan|so cuu thuong', H(2.5)],
  ['so may|so nao|so gi|la so|goi so|so bao nhieu', H(1.5)],
  ['xin số|cho số|số của|số ben|cho xin số', H(2)],
  ['gọi|goi dien|goi cho|goi toi|nhan tin cho', H(1.2)],
  ['goi ai|goi cho ai|goi so nao|goi dau|nho ai|tim ai', H(1.5)],
  REPORT_TO,
  ['goi canh sat|goi cong an|goi cap cuu|goi cuu thuong|goi cuu hoa|goi xe cap cuu', H(2)],
  CONTACT,
  ['dia chi|email|e mail|hop thu|website|trang web|fanpage', H(2)],
  ...OFFICES,
  ['canh sat|cong an|cap cuu|cuu thuong|cuu hoa|benh vien gan nhat', H(1)],
  // A short number asked about ("số này là số gì", "gọi số …"): which numbers exist lives in content/hotlines.yaml.
  ['so #|goi #|# la so|# la gi|# la cua|# goi|call #|dial #|number #|# number|what is #', H(2.5)],
  ['phone|phones|telephone|call|calling|dial|helpline|hotline|hotlines', H(2.5)],
  ['number|numbers|contact|contacts|email|address|whatsapp', H(1.8)],
  ['phone number|contact number|emergency number|emergency numbers|emergency line|emergency contact|contact the|contact details', H(1.5)],
  ['police|ambulance|fire brigade', H(1.5)],

  // ── a person ──
  ['cán bộ !viec/tron/hop/cong/lam/di/nha/qua/xu/bot/het/ngay/ho', P(2.5)],
  // Going to an office to ask there ("muốn lên hỏi trực tiếp") asks where it is, not for a person here.
  ['len hoi truc tiep|den hoi truc tiep|toi hoi truc tiep|qua hoi truc tiep|ra hoi truc tiep|lên * hỏi trực tiếp|đến * hỏi trực tiếp|tới * hỏi trực tiếp', P(-3)],
  ['nhan vien that|admin that|nguoi that|can bo that|gap can bo|gap lanh su|gap nguoi|noi chuyen truc tiep|tu van truc tiep|tu van rieng|nguoi that|nguoi tu van|tu van vien|nhan vien tu van|nguoi ho tro|chuyen vien|hỏi trực tiếp|hỏi người|gap ai|gap ai do|gap truc tiep', P(3)],
  ['tu van qua|duoc tu van|can tu van|xin tu van|muon tu van|nho tu van', P(1.5)],
  ['nguoi o lanh su|nguoi o dai su|nguoi cua dai su|nguoi cua lanh su|nguoi ben dai su|nguoi ben lanh su', P(1.5)],
  ['noi chuyen voi|nhan tin voi|chat voi|trao doi voi', P(1.5)],
  ['noi chuyen', P(0.8)],
  ['nhan vien|truc tiep|tu van|mot nguoi', P(0.6)],
  ['voi nguoi|voi mot nguoi|voi ai do|cho gap|cho toi gap|cho em gap|muon gap|can gap|xin gap|chuyen cho|chuyen sang|ket noi', P(1.2)],
  ['goi lai cho', P(1.5)],
  // "chuyển cho anh chị lãnh sự giúp em": passed on to a person, not asked for their line.
  ['chuyen cho * lanh su|chuyen cho * can bo|chuyen cho * nhan vien|chuyen cho * nguoi|chuyen * sang * can bo|chuyen * sang * lanh su|chuyen * sang nguoi|pass me to|pass this to', P(2.5)],
  ['bot|may tra loi|tra loi tu dong|khong phai may|robot', P(1.2)],
  ['officer|officers|human|staff|agent|operator|consul|representative', P(2.5)],
  ['real person|a person|live person|someone|somebody|real human|not a bot|not a robot|live chat|live agent|a human', P(2)],
  ['call me back|call back|callback|ring me', { handoff: 3, hotline: -1 }],
  ['talk to|talk with|speak to|speak with|chat with|connect me|transfer me|put me through', P(1.5)],

  // ── greetings and thanks ──
  ['^chao|^xin chao|^chao ban|chao ad|chao admin|chao anh|chao chi|chao buoi', G(2.5)],
  ['xin chao|chao ban', G(1)],
  ['^hi|^hello|^helo|^hey|^alo|^hallo|^hii|^yo', G(2.5)],
  // Hello in the host country's language.
  ['^konnichiwa|^konichiwa|^konnichi wa|^ohayo|^ohayou|^annyeong|^annyonghaseyo|^annyeonghaseyo|^anyong|^ni hao|^nihao|^salam|^assalamualaikum|^selamat pagi|^selamat|^marhaba|^sawasdee', G(2.5)],
  ['alo|hello', G(1)],
  ['^admin oi|^anh oi|^chi oi|^em oi|^ban oi|^admin a$', G(1.6)],
  ['good morning|good afternoon|good evening|good night|^morning|how are you|nice to meet', G(3)],
  ['co ai doc|co ai tra loi|ai doc tin|co ai nghe|co ai online|co ai ben do', G(2.5)],
  ['em chao|e chao|toi chao|chao anh chi|chao ca nha|chao moi nguoi|chao bot', G(2.5)],
  ['co ai khong|co ai o do|co ai ko|co ai truc|ai do khong|anyone there|anybody there|is anyone|are you there|anyone here', G(2.5)],
  ['cam on|thank you|thanks|thank|many thanks|tam biet|bye|goodbye', G(2)],

  // ── clearly something else ──
  ['gia vang|ty gia|gia do|gia xang|chung khoan|bitcoin|tien ao|gold price|exchange rate|stock', O(3)],
  ['bong da|the thao|football|soccer|world cup|match tonight', O(3)],
  ['thoi tiet|troi mua|co mua|nang nong|weather|rain|forecast', O(3)],
  // A storm or a power cut told about ("trận bão… mất điện 2 ngày, giờ ổn rồi"). Marked: "bao" is bao nhiêu, báo, bảo.
  ['tran bao|con bao|+bão|sieu bao|typhoon|storm', O(1.5)],
  ['mat dien|cup dien|power cut|blackout', O(1.5)],
  // The news read ("đọc lại báo vụ 39 người chết…"): a story, not the reader's case.
  ['doc bao|doc lai bao|tin tuc|thoi su|tren bao|bao dang|bao chi|tren tivi|in the news|the news|news', O(3)],
  // A trip, and going (back) abroad to work: recruitment and work visas are not what is answered here.
  ['du lich|di choi|tham quan|tourist|holiday|vacation|sightseeing', O(2.5)],
  ['visa du lich|dien du lich|tourist visa', O(-2.5)],
  ['di lam lai|sang lai|quay lai lam|di lai * hop phap|tai xuat canh|dieu kien di|dien lao dong|lao dong thoi vu|tuyen dung|don hang|thi tuyen|tokutei|ginou|visa lao dong|xin visa|work visa|working holiday|seasonal worker', O(3)],
  // Insurance for a vehicle or a life is not the worker's social insurance.
  ['bao hiem xe|bao hiem xe may|bao hiem o to|bao hiem nhan tho|bao hiem du lich|car insurance', { out_of_scope: 3, contract_liquidation: -1.5 }],
  // Fiction being written or read: its characters' trouble is not the user's.
  ['cot truyen|viet truyen|tieu thuyet|truyen ngan|truyen dai|fiction|novel', O(3)],
  ['nhan vat chinh|nhan vat', O(2.5)],
  // Death and killing as figures of speech.
  ['ngu *2 nhu chet|chet cuoi|cuoi chet|chet may|het pin|sap nguon|muon chet|giet thoi gian|chet di duoc|^chet roi|chet thoi|chet cha', { out_of_scope: 2, support_fund: -2.5 }],
  // A file "dead" at review ("hồ sơ bị 'chết' ở khâu duyệt"): stuck, not a death.
  ['ho so *3 chet|chet o khau|chet o buoc|chet ho so|don * chet|application * dead|file * dead', { out_of_scope: 1, support_fund: -2.5 }],
  ['khong co viec gi lam|chang co viec gi lam|khong co gi lam|chan qua|buon qua|vui qua|met qua|nho nha|so tired|very tired|so bored|boring|haha|lol', { out_of_scope: 1.5, contract_liquidation: -1 }],
  // Venting ("bực mình ghê") asks nothing.
  ['buc minh|buc qua|buc ghe|buc ca minh|tuc qua|tuc ghe|chan ghe|nan qua|annoying|so annoyed', O(1.5)],
  ['danh bai|danh bac|co bac|ca do|ca cuoc|thua do|danh lo', O(3)],
  ['xo so|lo de|ket qua so|lottery|vé số|ve so|danh de|đánh đề', O(3)],
  ['uong thuoc|thuoc gi|mua thuoc|kham benh|bac si|phong kham|dau bung|dau dau|cam cum|bi cam|so mui', O(2)],
  ['nau|nau an|cach nau|mon an|nha hang|quan an|restaurant|recipe|cook', O(3)],
  ['food|buy|to buy|shopping', O(1.5)],
  ['phone * stolen|lost my phone|phone * broken|broke my phone|phone * lost', { hotline: -2.5, out_of_scope: 2 }],
  // Tickets for the train or the bus are not the flight home.
  ['ve tau|ve xe|ve xe buyt|ve tau dien|ve metro|train ticket|bus ticket', { return_registration: -2.5, out_of_scope: 2 }],
  ['best phone|phone to buy|buy a phone|new phone|mobile plan|sim card', O(3)],
  ['hoc tieng|tieng nhat|tieng han|tieng anh|tieng trung|learn japanese|learn korean|learn english|bang lai|thi bang|driving licence|driving license', O(2.5)],
  ['mua sam|mua iphone|mua dien thoai|dien thoai moi|iphone|samsung|shopping|buy a phone', O(2.5)],
  ['phim|ca si|bai hat|nghe nhac|movie|film|=song|music|game|joke|funny|story', O(2.5)],
  ['karaoke|ca khuc|link nhac|link bai|loi bai|lyrics', O(3)],
  ['nguoi yeu|tinh yeu|hen ho|love|girlfriend|boyfriend|dating', O(2.5)],
  // "chuyện tiền lương", "chuyen tien tang ca" (the matter of the wages) is no money transfer.
  ['chuyển tiền !luong/tang/lam/ky/coc/bao/phi/thue/no/cong/ho/moi/hoc/quy|gui tien ve|gui tien|send money|remittance|money transfer|gui hang|gui do|ship hang|van chuyen|chuyen phat', O(3)],
  ['danh roi|roi mat|hong dien thoai|sua dien thoai|sac dien thoai', O(1.5)],

  // ── what the unseen-k voices asked, said as families ──
  // Reporting to the home authority after the return, or the departure report abroad: the return.
  ['bao cong an xa|bao cong an phuong|bao cong an dia phuong|bao dia phuong|bao voi dia phuong|bao chinh quyen dia phuong|trinh bao dia phuong|khai bao xuat canh|bao xuat canh|khai bao * xuat canh|departure report', R(4)],
  ['dang ky voi dai su quan|dang ky voi lanh su|dang ky o dai su quan|dang ky tai dai su quan|dang ky * voi dai su|register with the embassy', R(3)],
  // Wages paid short: "không được trả đủ".
  ['khong duoc tra du|tra khong du|khong tra du|chua tra du|khong duoc tra het|not paid in full|underpaid', C(2.5)],
  // The deposit is not the Fund: "quỹ" inside "ký quỹ".
  ['ky quy', F(-2.5)],
  // Put through to a person: "nối máy", "chuyển máy", the officer in charge.
  // Marked: "nói mấy lần" folds to the same letters.
  ['nối máy|chuyển máy|nối máy cho|chuyển máy cho', P(3)],
  ['nguoi phu trach|can bo phu trach|nguoi chiu trach nhiem', P(1.5)],
  // Hello in the host country's language.
  ['^konnichiwa|^konichiwa|^annyeong|^annyeonghaseyo|^ni hao|^nihao|^ohayo|^ohayou|^marhaba|^assalamualaikum|^salam|^selamat pagi|^selamat', G(2.5)],
  // Everyday trouble that is none of the four topics: an account hacked or frozen, a traffic jam,
  // a tourist visa for family, an exam failed, a question asked for fun.
  ['bi hack|hack mat|hack nick|nick facebook|nick zalo|facebook bi|zalo bi khoa|hacked|account hacked', O(3)],
  ['ngan hang * phong toa|tai khoan * phong toa|tai khoan * bi khoa|the * bi khoa|bi phong toa|bank account * frozen/locked|account * frozen', O(3)],
  ['ket xe|tac duong|tac xe|traffic jam|stuck in traffic', O(2)],
  ['visa du lich|tourist visa|visit visa|sang * choi|qua * choi|sang du lich|qua du lich', { out_of_scope: 3, return_registration: -1.5 }],
  ['bài thi|kỳ thi|kì thi|thi trượt|trượt * lần|thi đậu|thi đỗ|jlpt|exam|exams', { out_of_scope: 2.5, support_fund: -2 }],
  ['hoi vui|hoi cho vui|ngoai hanh tinh|just curious', { out_of_scope: 3, support_fund: -2.5, hotline: -1 }],
  // A joke owned up to: death said in it is no Fund case; what is asked after it still is asked.
  ['dua thoi|noi dua|gion thoi|chet voi tao|just kidding', { out_of_scope: 1.5, support_fund: -2.5 }],

  // ── what the unseen-l voices asked, said as families ──
  // Whether someone is there: "ad còn online ko", "có ai ở đại sứ quán trực không" (a person on duty).
  ['con online|online khong|online ko|co online|dang online|still online|are you online', G(2.5)],
  ['co ai *4 truc khong|co ai *4 truc ko|co can bo truc|co nguoi truc|can bo truc|nhan vien truc|anyone on duty|someone on duty', { handoff: 3, hotline: -1.5 }],
  // A check-up, the dentist: life abroad, none of the four topics.
  ['nha khoa|chua rang|nho rang|tram rang|dau rang|dentist|dental', { out_of_scope: 3, contract_liquidation: -1.5 }],
  // What the Fund gives asked after the story: "quỹ có hỗ trợ em không", "có được quỹ cho tiền không".
  ['được quỹ|quỹ cho tiền|quỹ * cho tiền|quỹ có hỗ trợ * không/ko|quỹ có cho|quỹ có chi', F(1.5)],
  // Going home asked plainly after where and how the worker is: "muốn về thì làm sao nhanh nhất".
  ['muốn về thì làm sao|muốn về thì làm gì|muốn về thì sao|muốn về nước thì làm sao|muốn về nước thì sao', R(2)],
  ['men gan|kham suc khoe dinh ky|kham dinh ky|xet nghiem mau|huyet ap cao|health check|check up|checkup', { out_of_scope: 2.5, return_registration: -1.5 }],
  // ── what the unseen-m voices asked, said as families ──
  // An animal or a plant dead, a thing "missing": no person, so no Fund case.
  ['con +chó/+mèo/+cún/+cá/=chim/+gà *4 chết|+chó/+mèo/+cún *3 chết|cây *4 chết|chết khô|chết héo|pet * died|dog/cat/fish * died', { out_of_scope: 2.5, support_fund: -2.5 }],
  ['thẻ/ví/vali/hành/điện/đồ/túi/chìa *6 mất tích|luggage/baggage/wallet/card * missing', { out_of_scope: 2.5, support_fund: -2.5, return_registration: -1.5 }],
  // The deposit given back: "hoàn cọc", "trả cọc", "lấy lại cọc".
  ['hoan coc|tra coc|tra lai coc|lay lai coc|doi coc|nhan lai coc|refund * deposit|deposit back', C(2.5)],
  // Home already, and what must be reported: the return.
  ['ve nuoc xong|ve que xong|ve viet nam xong|ve vn xong|bao cu tru|khai bao cu tru|dang ky cu tru|bao tam tru|khai bao tam tru|dang ky tam tru', R(2.5)],
  // Going home asked with registering, or whether one can go: "về trước hạn thì đăng ký ở đâu", "có về được ko".
  ['ve *4 dang ky o dau|ve *4 thi dang ky|co ve duoc khong|co ve duoc ko|co ve duoc k|ve duoc khong|ve duoc ko', R(2)],
  // ── what the unseen-n voices asked, said as families ──
  // "đăng kí" is spelled with i as often as with y; registering someone else ("đăng ký cho hai mẹ con về").
  ['dang ki ve nuoc|dang ki ve|dang ki tro ve|dang ki hoi huong|dang ky cho *4 ve nuoc|dang ky cho *4 ve vn|dang ki cho *4 ve nuoc|mo dang ky ve|mo dot dang ky|mo dang ki ve', R(3.5)],
  // What the family must declare at home when the worker comes back: "nó về thì khai báo gì ở xã".
  ['khai bao *3 o xa/phuong/que/thon|khai bao *3 dia phuong|bao *3 o xa/phuong/thon|ve thi *3 khai bao|ve *4 phai khai bao|khai bao gi khi ve', R(2.5)],
  // Wishes and thanks said to the staff: a greeting ("chúc các anh chị năm mới an khang").
  ['chuc *3 nam moi|chuc mung nam moi|an khang|van su nhu y|chuc * suc khoe|chuc cac anh chi|chuc ca nha|happy new year|merry christmas', { greeting: 3, handoff: -1.5 }],
  // Passed on to whoever is in charge: "nhờ chuyển cho anh chị phụ trách lao động".
  ['chuyen cho *3 phu trach|nguoi phu trach|can bo phu trach|anh chi phu trach|pass * to * in charge|person in charge', P(2.5)],
  // Feared missing and found ("tưởng nó mất tích, ai ngờ nó đổi sim"): nobody is lost, the Fund is not asked.
  ['tuong *3 mat tich|tuong *3 gap chuyen|tuong *3 bi sao|thought * was missing', { support_fund: -2.5, greeting: 1 }],
  // A relative introducing themselves after hello: "tôi là ông nội của cháu Long".
  ['toi/em/chau/minh la *3 cua chau/con/em/anh/chi', { greeting: 1.5, handoff: -1 }],
  // The Fund asked in basic English: "ask about fund money", "fund for go home early".
  ['fund money|about fund|the fund|support fund|fund support|fund help|money from fund', F(2.5)],
  // ── what the unseen-o voices asked, said as families ──
  // Death as a figure of speech: a passport or a card "dying" (running out), "chết dở" (oh no),
  // frozen "chết cóng", "tưởng chết" (I thought I'd die) — no death, so no Fund case.
  ['chết +dở|chết cóng|chet cong|tưởng chết|tuong chet|tuong * chet luon|hộ chiếu *4 chết|visa *4 chết|thẻ cư trú *4 chết|thẻ lưu trú *4 chết|thẻ arc *4 chết|thẻ ngoại kiều *4 chết|passport * dying', { out_of_scope: 2, support_fund: -2.5 }],
  // A story seen, not lived: the news read, a clip or an old picture shared on a group.
  ['doc tin !nhan|xem tin !nhan|nghe tin|doc duoc tin|tin * tu vong|anh cu|share lai|duoc share|chia se lai|dang tren group|tren group|xem clip|old photo|shared again', { out_of_scope: 2, support_fund: -1 }],
  // Everyone fine after a quake or a storm: nothing happened to ask the Fund about.
  ['ko sao ca|khong sao ca|k sao ca|deu khong sao|deu ko sao|deu binh an|bao * yen tam|everyone * fine|everyone * safe', { out_of_scope: 2, support_fund: -1.5 }],
  // The host country's health insurance is not the Fund and not the contract.
  ['bao hiem quoc dan|bao hiem y te|the bao hiem y te|kokumin kenko|kokumin hoken|health insurance|national insurance', { out_of_scope: 3, support_fund: -2, contract_liquidation: -1.5 }],
  // An old ordeal remembered, or turned into wanting to help others: nothing is asked of the four topics.
  ['tu dung nho|nho hoi|nho lai hoi|gio nghi lai|nghi lai van|van thay may|van con thay may|looking back', { out_of_scope: 2.5, return_registration: -1 }],
  ['lam tinh nguyen vien|tham gia tinh nguyen|di tinh nguyen|muon tinh nguyen|become a volunteer|volunteer with|to volunteer', { out_of_scope: 5, return_registration: -3, hotline: -1.5 }],
  // The passport still there after a theft: nothing to replace.
  ['ho chieu van con|ho chieu * van con|van con ho chieu|ho chieu con nguyen|still have * passport|passport * still there', R(-2.5)],
  // Stopped and let go at once, or a quarrel with no blows: nothing to report.
  ['tha di lien|tha di ngay|tha ra lien|tha ra ngay|xong tha|chui nhau thoi|cai nhau thoi|cai nhau to|chu khong danh|let me go right away|let go at once', { out_of_scope: 2.5, hotline: -1.5 }],
  // The press asking for the ministry's press office: not a worker's line.
  ['phong vien|+nhà +báo|viet bai|phong bao chi|journalist|reporter|press office', { out_of_scope: 4, hotline: -2, return_registration: -2 }],
  // Helped already, and all well now, said with thanks: a story closed, no topic asked.
  ['gio on !dinh|gio on roi|gio da on !dinh|gio * on roi|gio * tot lam|gio * on lam|da giai quyet xong|giai quyet xong roi', { out_of_scope: 2.5, hotline: -1.5, contract_liquidation: -1.5 }],
  // The Fund asked after an old story: "em có được hỗ trợ gì từ quỹ không".
  ['hỗ trợ * từ quỹ|hỗ trợ gì từ quỹ|từ quỹ không|từ quỹ ko|from the fund', F(3.5)],
  // How someone arrested abroad is brought home: the return.
  ['thu tuc dua ve|thu tuc dua * ve|dua ve ra sao|dua * ve ra sao|dua ve the nao|dua * ve the nao|lam sao dua * ve', R(3.5)],
  // What to do at home on the return: "cần làm thủ tục gì ở VN khi về".
  ['thu tuc gi o vn|thu tuc gi o viet nam|thu tuc * o vn khi ve|lam thu tuc gi khi ve|can lam gi khi ve|phai lam gi khi ve|o vn khi ve|o viet nam khi ve', R(4)],
  // A new phone number of one's own is no line asked for; registering again is the return.
  ['doi so dien thoai|doi so dt|doi sdt|thay so dien thoai|thay so dt|doi sim|changed my number|change my number', { hotline: -3 }],
  ['dang ky lai|dang ki lai|register again', R(1.5)],
  // Japan's trainee system said short ("hệ thực tập sinh", "hệ TTS") or its end asked about.
  ['he thuc tap sinh|he tts|che do tts|he thong tts|thuc tap sinh *3 sap bo|bo he thuc tap|xoa bo *3 thuc tap sinh|bai bo *3 thuc tap sinh', C(2.5)],
  // Two lines compared, or which to call: a hotline question (two numbers joined by "vs", "gọi cái nào").
  ['# vs #|# va # khac|# voi # khac|# hay # khac|goi cai nao|nen goi cai nao|call which', H(2.5)],
  // A number asked for by what it helps with: "có số nào hỗ trợ trường hợp này không".
  ['co so nao|so nao ho tro|so nao giup|so nao tu van', H(1.5)],
  // "bảo ai cũng đóng" (they say everyone pays) folds to "báo ai": nobody is to be told.
  ['bao ai cung', H(-1.5)],
  // Which papers are needed belongs to whatever they are for: not the return by itself.
  ['lam giay to gi|can giay to gi|giay to gi|giay to nao|can nhung giay to', R(-1.5)],
  // ── everyday asides that borrow a topic's words (./lexicon-asides.ts) ──
  ...ASIDES,
];
