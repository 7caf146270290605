// The second opinion on danger: a naive Bayes classifier, consulted when the rules find nothing.
// The shipped model must be the one the labelled files and today's normaliser give; the combination
// must keep every labelled emergency without false alarms; and it must hear danger said in words no
// rule has, without hearing it in chat that only sounds violent.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../../src/core/content/index.ts';
import {
  createDangerClassifier,
  DANGER_MODEL_URL,
  dangerFeatures,
  dangerModelSchema,
  shippedDangerClassifier,
} from '../../../src/core/nlu/danger-classifier.ts';
import { trainDangerModel, trainFromFiles, TRAINING } from '../../../src/core/nlu/danger-training.ts';
import { evaluate, parseEvalFile } from '../../../src/core/nlu/evaluate.ts';
import { analyze, createNlu } from '../../../src/core/nlu/index.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const dir = join(root, 'tests/fixtures/nlu');
const files = readdirSync(dir).filter((f) => f.endsWith('.jsonl')).sort();
const shippedJson = JSON.parse(readFileSync(DANGER_MODEL_URL, 'utf8'));
const content = loadContent();
const combined = createNlu({ articles: content.articles, countries: content.countries });
const rulesOnly = createNlu({ articles: content.articles, countries: content.countries, dangerClassifier: null });
const classifier = shippedDangerClassifier();
const tokensOf = (text: string) => analyze(text).tokens;

describe('the shipped model', () => {
  it('is what `npm run nlu:train` makes from every labelled file and today’s normaliser', () => {
    const fresh = trainFromFiles(files.map((name) => ({ name, text: readFileSync(join(dir, name), 'utf8') })));
    // If this fails, a labelled file, the normaliser or the rules changed: run `npm run nlu:train`.
    expect(fresh.trainedOn).toEqual(shippedJson.trainedOn);
    expect(fresh.threshold).toBe(shippedJson.threshold);
    expect(fresh.crossValidation).toEqual(shippedJson.crossValidation);
    expect(fresh.weights).toEqual(shippedJson.weights);
  }, 30_000);

  it('has a threshold that kept cross-validated false alarms within budget, and still finds danger in files it had not read', () => {
    const model = dangerModelSchema.parse(shippedJson);
    expect(model.trainedOn.files).toEqual(files);
    expect(model.crossValidation.falseAlarmBudget).toBe(TRAINING.falseAlarmBudget);
    expect(model.crossValidation.combinedFalseAlarmRate).toBeLessThanOrEqual(TRAINING.falseAlarmBudget);
    // A floor, not a target: below it the classifier has stopped adding anything to the rules.
    expect(model.crossValidation.classifierRecall).toBeGreaterThanOrEqual(0.45);
  });

  it('a broken model file is refused with the path of what is wrong', () => {
    const broken = { ...shippedJson, threshold: 'high', weights: [] };
    const parsed = dangerModelSchema.safeParse(broken);
    expect(parsed.success).toBe(false);
    const paths = parsed.error!.issues.map((i) => i.path.join('.'));
    expect(paths).toContain('threshold');
    expect(paths).toContain('weights');
  });
});

describe('rules OR classifier on the labelled files', () => {
  it.each(files)('%s: every emergency found, at most 3 false emergencies in 100', (name) => {
    const { summary, misses } = evaluate((t) => combined.understand(t), parseEvalFile(readFileSync(join(dir, name), 'utf8')));
    const danger = misses.filter((m) => m.expected.includes('emergency') !== m.got.emergency.length > 0);
    expect(summary.emergencyRecall, JSON.stringify(danger, null, 1)).toBe(1);
    expect(summary.falseEmergencyRate, JSON.stringify(danger, null, 1)).toBeLessThanOrEqual(0.03);
  });
});

describe('what the classifier hears that no rule has words for', () => {
  // Not in any labelled file.
  const heard = [
    'hai hôm nay cậu ấy không ra khỏi phòng',
    'họ lấy hết giấy tờ, mỗi ngày có người trông, không biết đây là đâu',
    'họ giữ tụi em trong một căn nhà ở biên giới',
    'em sợ ông chủ lắm, tối nào cũng say rồi chửi bới ném đồ',
    'my madam lock food, I eat only bread one time a day',
  ];

  it.each(heard)('%s', (text) => {
    expect(classifier.flags(tokensOf(text))).toBe(true);
    const out = combined.understand(text);
    expect(out.intent).toBe('emergency');
    expect(out.emergency.length).toBeGreaterThan(0);
    // Where the rules are silent, the hit is the classifier's: kind 'danger', a lower confidence.
    if (rulesOnly.understand(text).emergency.length === 0) {
      expect(out.emergency).toEqual(['danger']);
      expect(out.confidence).toBeLessThan(0.95);
    }
  });

  it('some of them only the classifier finds today', () => {
    expect(heard.filter((t) => rulesOnly.understand(t).emergency.length === 0).length).toBeGreaterThan(0);
  });

  it('keeps the topic asked alongside', () => {
    const out = combined.understand('họ lấy hết giấy tờ, mỗi ngày có người trông, không biết đây là đâu, làm sao để về nước');
    expect(out.emergency.length).toBeGreaterThan(0);
    expect(out.topicIntent).toBe('return_registration');
  });
});

describe('chat that only sounds like danger', () => {
  it.each([
    'đánh răng xong chảy máu chân răng',
    'chết cười với ông chủ em',
    'bão vào nên công ty cho nghỉ',
    'con mèo bị nhốt ngoài ban công',
    'this overtime is killing me haha',
    'giết thời gian bằng game bắn súng',
    'em bị sếp mắng vì đi muộn',
    'hôm qua cả xưởng đi nhậu, say quá ngủ luôn ở quán',
    'cháy nồi cơm, may không ai sao',
    'em bị cảm sốt nhẹ, xin nghỉ 1 ngày có bị trừ lương không',
    'I kicked the ball',
    'em muốn hỏi thủ tục khi bị chủ cho nghỉ việc trước hạn',
  ])('%s', (text) => {
    expect(classifier.flags(tokensOf(text))).toBe(false);
    expect(combined.understand(text).emergency).toEqual([]);
  });
});

describe('the classifier itself', () => {
  it('reads words, the pairs of neighbouring words in one clause, and the letter trigrams of words', () => {
    expect(dangerFeatures(tokensOf('bị nhốt, cứu'))).toEqual(['bi', 'bi_nhot', 'nhot', '#^nh', '#nho', '#hot', '#ot$', 'cuu', '#^cu', '#cuu', '#uu$']);
  });

  it('gives no opinion on a message with no word it knows', () => {
    expect(classifier.score([])).toBe(0);
    expect(classifier.score(tokensOf('qqqzx wvvkj'))).toBe(0);
    expect(classifier.flags(tokensOf('qqqzx wvvkj'))).toBe(false);
  });

  it('is trained and thresholded the same way on any labelled messages', () => {
    const messages = [
      ...['bị đánh', 'bị nhốt trong phòng', 'chủ đánh em', 'họ nhốt em', 'cứu em', 'bị đánh đập'].map((text, i) => ({ text, danger: true, fold: `f${i % 3}` })),
      ...['thanh lý hợp đồng', 'số điện thoại đại sứ quán', 'xin chào', 'quỹ hỗ trợ', 'về nước thế nào', 'tiền ký quỹ'].map((text, i) => ({ text, danger: false, fold: `f${i % 3}` })),
    ];
    const model = trainDangerModel(messages, ['made-up']);
    expect(model.trainedOn).toEqual({ files: ['made-up'], lines: 12, danger: 6, calm: 6 });
    expect(model.crossValidation.folds).toBe(3);
    expect(model.crossValidation.combinedFalseAlarmRate).toBeLessThanOrEqual(TRAINING.falseAlarmBudget);
    const small = createDangerClassifier(dangerModelSchema.parse(model));
    expect(small.score(tokensOf('bị nhốt'))).toBeGreaterThan(small.score(tokensOf('thanh lý hợp đồng')));
  });
});

describe('place names', () => {
  // A city named in a few danger stories must not make a worker's "where I am" an emergency.
  it('are not read as evidence: answering where one works is never an emergency', () => {
    const cities = ['Saitama', 'saitama', 'Osaka', 'Aichi', 'Busan', 'Đài Trung', 'Cluj', 'Riyadh', 'Johor'];
    for (const city of cities) {
      for (const text of [`Dạ em ở ${city} ạ`, `em ở ${city}`, `e lam o ${city}`]) {
        expect(combined.understand(text).emergency, text).toEqual([]);
      }
    }
  });

  it('leave the danger in the rest of the message heard', () => {
    expect(combined.understand('em ở Saitama, chủ nhốt em trong phòng không cho ra').emergency.length).toBeGreaterThan(0);
  });
});
