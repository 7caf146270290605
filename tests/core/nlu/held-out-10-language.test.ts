// Rules of language the held-out-10 answers batch exposed, each shown on paraphrases written for this
// test (none is in a fixture), both ways: the danger or the slot read, and its look-alike not.
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../../src/core/content/index.ts';
import { createNlu } from '../../../src/core/nlu/index.ts';
import { kindsOf } from './read-danger.ts';

const content = loadContent();
const nlu = createNlu({ articles: content.articles, countries: content.countries, slots: content.slots, dangerClassifier: null });

describe('"đánh mất" a thing, unmarked, is losing it, not a blow to the face', () => {
  it.each(['chi danh mat vi o cho roi, lam sao de lam lai the', 'hom qua e danh mat dt tren xe buyt', 'nó danh mat hộ chiếu của mình rồi'])('%s', (text) => {
    expect(kindsOf(text)).toEqual([]);
  });
  it.each(['ông chủ đánh mặt em sưng hết', 'bà chủ tát vào mặt chị'])('a blow to the face still is: %s', (text) => {
    expect(kindsOf(text)).toContain('violence');
  });
  it('the lost passport is read as lost', () => {
    expect(nlu.understand('tui lỡ đánh mất hộ chiếu ở sân bay').slots?.passport).toEqual(['lost']);
  });
});

describe('"ho so cho" unmarked is papers for someone, not a touch', () => {
  it.each(['me muon gui ho so cho con gai o dai loan', 'ai lam ho so cho chau duoc khong'])('%s', (text) => {
    expect(kindsOf(text)).toEqual([]);
  });
  it('a touch still is', () => {
    expect(kindsOf('thằng quản lý sờ chỗ kín của em')).toContain('sexual_abuse');
  });
});

describe('someone coming into the worker\'s room at night, and the worker afraid', () => {
  it.each(['chú của bà chủ đêm nào cũng mò sang phòng cháu, cháu sợ không dám ngủ', 'tối nào ông chủ cũng vô phòng em, em phải khóa cửa', 'her husband comes into my room at night and i am scared'])('%s', (text) => {
    expect(kindsOf(text)).toContain('sexual_abuse');
  });
  it.each(['tối qua mẹ vào phòng em dọn đồ', 'đêm nào cũng có chuột vào phòng em, sợ quá', 'ông chủ tối nay vào phòng em sửa máy lạnh'])('not without someone and the fear: %s', (text) => {
    expect(kindsOf(text)).toEqual([]);
  });
});

describe('the passport kept, said in mixed English', () => {
  it.each(['my boss keep my passport, ko chiu tra', 'agency holding my passport, e muon doi lai'])('%s', (text) => {
    expect(nlu.understand(text).slots?.passport).toEqual(['kept']);
  });
});

describe('what is asked, read by its slots', () => {
  it('"số bao nhiêu" asks for the number, not an amount', () => {
    expect(nlu.understand('đường dây nóng của lao động hàn số bao nhiêu thế').slots?.asks).toEqual(['line']);
    expect(nlu.understand('tiền hỗ trợ được bao nhiêu').slots?.asks).toEqual(['amount']);
  });
  it.each(['em tự ý nghỉ làm về nước thì có được quỹ không', 'tu y bo ve som thi co duoc ho tro gi k'])('"tự ý" leaving is the worker\'s own choice: %s', (text) => {
    expect(nlu.understand(text).slots?.case).toEqual(['own']);
  });
  it.each(['chị tôi mất bên Hàn năm ngoái, quỹ có hỗ trợ không', 'ba nó mất do tai nạn ở công trường, gia đình xin quỹ được không'])('a relative who "mất" has died: %s', (text) => {
    expect(nlu.understand(text).slots?.case).toEqual(['death']);
  });
  it('"mất" a thing is not a death', () => {
    expect(nlu.understand('em mất ví ở ga tàu rồi').slots?.case).toBeUndefined();
  });
});

describe('read online, then asked whether it is so', () => {
  it('the frame is searched without, and the article found', () => {
    const out = nlu.understand('xem trên mạng thấy bảo về quê phải khai báo với xã trong một tháng, đúng không vậy');
    expect(out.article?.id).toBe('after-return-reporting');
  });
});
