// A registration as a person types it, message by message, for the end-to-end tests on a channel:
// the words and taps a worker in Taichung would use, and what the answers must add up to.
export interface Turn {
  /** Typed text, or the id of a button to press. */
  text?: string;
  choice?: string;
  /** What the bot's last reply must show (a regular expression on its text). */
  expect?: RegExp;
}

export const PERSON = {
  name: 'Nguyễn Thị Lan',
  passport: 'C7654321',
  phone: '0912345678',
};

/** From the menu to the review, in Vietnamese without diacritics where people type that way. */
export const REGISTRATION_SCRIPT: Turn[] = [
  // At the menu this is the topic's own button: its questions, with registering one tap away.
  { text: 'dang ky ve nuoc', expect: /^Đăng ký về nước$/m },
  { choice: 'reg_start', expect: /Chỉ cán bộ/ },
  { choice: 'reg_agree', expect: /Họ và tên/ },
  { text: 'Lan', expect: /ít nhất 2 chữ/ },
  { text: PERSON.name, expect: /Ngày sinh/ },
  { text: '31/2/1995', expect: /không có trên lịch/ },
  { text: '25/12/1995', expect: /Số hộ chiếu/ },
  { text: 'c 765 4321', expect: /Đài Loan phải không/ },
  { choice: 'reg_here', expect: /thành phố/ },
  { text: 'Dai Trung', expect: /điện thoại/ },
  { text: '0912 345 678', expect: /chủ sử dụng/ },
  { text: 'Cong ty Minh Phat', expect: /kết thúc/ },
  { text: '30/6/2026', expect: /Vì sao/ },
  { choice: 'reg_reason_early_employer_closed', expect: /tình trạng/ },
  { text: '1 4', expect: /khi nào/ },
  { text: 'cuoi thang 1', expect: /Quê bạn/ },
  { text: 'ha giang', expect: /Giới tính/ },
  { choice: 'reg_sex_female', expect: /ngành nghề/ },
  { choice: 'reg_sector_manufacturing', expect: /Tuyên Quang \(trước đây: Hà Giang\)/ },
];
