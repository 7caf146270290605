// The understanding layer as the engine calls it: one message in, what it asks, whether the person
// is in danger, where they are, and the article that answers it. Everything is built once at
// start-up (patterns indexed, articles indexed); a message is then a few lookups.
import type { NluOutput } from '../conversation.ts';
import type { Earlier } from '../effects.ts';
import type { Article, Country, SlotFile } from '../content/index.ts';
import { createAnswerSelector, SELECTION, type AnswerSelector, type Picked } from './answer-select.ts';
import { createEmergencyAnswer } from './emergency-answer.ts';
import { shippedDangerClassifier, type DangerClassifier } from './danger-classifier.ts';
import { animalDied, animalShutIn, complaintOnly, CONCERN_INTENT, detectConcern, detectDanger } from './danger.ts';
import { saidForEffect } from './danger-framing.ts';
import { decide, MIN_INTENT_SCORE, scoreIntents, TOPIC_INTENTS } from './intents.ts';
import { CONTACT, OFFICES, REPORT_TO } from './lexicon.ts';
import { analyze } from './normalize.ts';
import { createPlaces, type Place } from './places.ts';
import { PatternIndex, type Token } from './pattern.ts';
import { createRetriever, type Retrieved } from './retrieval.ts';
import { createSlotReader, type ReadSlots, type Slots } from './slots.ts';

type Topic = (typeof TOPIC_INTENTS)[number];

export interface NluDeps {
  articles: readonly Article[];
  countries: readonly Country[];
  /** The second opinion on danger; the shipped model unless given, none with `null` (rules only). */
  dangerClassifier?: DangerClassifier | null;
  /** The slot phrases of content/slots.yaml; without them no slot is read and retrieval alone picks. */
  slots?: SlotFile;
}

export interface Nlu {
  /** `earlier`: what the conversation was asking about; a follow-up is read with its case. */
  understand(text: string, earlier?: Earlier): NluOutput;
}

/** How sure an emergency is: rules, not guesses, so high; the flow treats any kind as an emergency. */
const EMERGENCY_CONFIDENCE = 0.95;
/** Something is wrong, but not what: the bot asks whether the user is safe. */
const CONCERN_CONFIDENCE = 0.6;
/** Found by the classifier alone: a confident guess, answered as an emergency all the same. */
const CLASSIFIED_EMERGENCY_CONFIDENCE = 0.7;
/** An article found without the lexicon's help makes its topic a (modest) guess… */
const RETRIEVED_TOPIC_CONFIDENCE = 0.55;
/** …and only when the message is (nearly) one of its questions. */
const MIN_QUALITY_WITHOUT_TOPIC = 0.9;
/** One word shouted: "HELP!!!", "cứu!". */
const SHOUTED_HELP = /^\W*(?:help|cứu|cuu|sos)\W*$/i;
/** How close to an article's question a message must be for that article's topic to break a near tie… */
const MIN_QUALITY_TO_SWITCH = 0.75;
/** …and how close the two topics' scores must be. */
const SWITCH_RATIO = 0.6;
/** A match on the message without its slot phrases, against one on the whole message. */
const SUBJECT_WEIGHT = 0.9;
/** How much better an article of another topic must fit to take the question there. */
const CROSS_TOPIC_MARGIN = 0.2;
/** The slot that says what the question is about (the deposit, the ticket), as against what happened or what is asked of it. */
const ASKED_SLOTS = ['subject'];
/** The last words of a question that does not end with a question mark ("…, hạn mấy ngày", "… được không"). */
const QUESTION_END = new Set(['khong', 'chua', 'gi', 'sao', 'nao', 'dau', 'may', 'nhieu', 'ntn']);
/** Politeness after the question word ("… có sao không ạ", its "ạ" read as "anh"; "… được không chị"): the question still ends there. */
const TRAILING_POLITE = new Set(['ah', 'a', 'anh', 'chi', 'em', 'ban', 'nhe', 'nha', 'nhi', 'vay', 'oi', 'admin', 'ad', 'mn', 'u']);
/** Whether the last word, politeness set aside, is a question word. */
function endsWithQuestionWord(tokens: readonly Token[]): boolean {
  let k = tokens.length - 1;
  while (k > 0 && TRAILING_POLITE.has(tokens[k]!.f)) k--;
  return QUESTION_END.has(tokens[k]?.f ?? '');
}
/** Question words that ask wherever they stand in the clause ("khi nào thì áp dụng vậy"). */
const ASKING_PAIRS = new Set(['khi nao', 'bao gio', 'bao nhieu', 'o dau', 'the nao', 'lam sao', 'vi sao', 'tai sao', 'nhu nao', 'ra sao']);
/** Whether the last clause asks: it ends with a question word, or holds one that asks wherever it stands. */
function lastClauseAsks(tokens: readonly Token[]): boolean {
  if (endsWithQuestionWord(tokens)) return true;
  const clause = tokens[tokens.length - 1]?.c;
  const own = tokens.filter((t) => t.c === clause);
  return own.some((t, i) => i > 0 && ASKING_PAIRS.has(`${own[i - 1]!.f} ${t.f}`));
}
/** Tag values an article of another topic must fit to take the question there by its tags alone. */
const MIN_MATCHED_TO_SWITCH = 2;
/** Lexicon entries that name an office or whom to contact rather than ask for a line. */
const NOT_A_LINE = new Set(OFFICES);
const NOT_A_LINE_FOR_RETURN = new Set([...OFFICES, CONTACT]);
/** Home already ("về nước xong phải báo ai"): whom to tell is the report to the home authority, not a line. */
const NOT_A_LINE_AFTER_RETURN = new Set([...OFFICES, CONTACT, REPORT_TO]);
const HOME_ALREADY = new PatternIndex<true>([['về nước/quê/vn/nhà xong|về việt nam xong|về xong|sau khi về|đã về nước/quê/vn/nhà|về nước/quê/vn rồi|về được # ngày|back home|after returning', true]]);
/** Text beyond this is still checked for danger, but not scored for topics. */
const MAX_SCORED_TOKENS = 400;

export function createNlu(deps: NluDeps): Nlu {
  const places = createPlaces(deps.countries);
  const classifier = deps.dangerClassifier === undefined ? shippedDangerClassifier() : deps.dangerClassifier;
  const retriever = createRetriever(deps.articles);
  const slotReader = createSlotReader(deps.slots ?? {});
  const selector = createAnswerSelector(deps.articles);
  /** For a message without danger: an article written for danger is found by its questions only. */
  const calmSelector = createAnswerSelector(deps.articles, (a) => !a.danger?.length);
  /** The selector for a message with danger of these kinds: without the articles written for other kinds only. */
  const selectors = new Map<string, AnswerSelector>();
  const selectorFor = (kinds: readonly string[]): AnswerSelector => {
    const key = [...kinds].sort().join(' ');
    let s = selectors.get(key);
    if (!s) {
      s = createAnswerSelector(deps.articles.filter((a) => !a.danger?.length || a.danger.some((k) => kinds.includes(k))));
      selectors.set(key, s);
    }
    return s;
  };
  const emergencyAnswer = createEmergencyAnswer(deps.articles, selector);
  /** Whether some article of `topic` is tagged for `slot=value`. */
  const tagIndex = new Set(deps.articles.flatMap((a) => Object.entries(a.tags ?? {}).flatMap(([slot, vs]) => vs.map((v) => `${a.topic}:${slot}=${v}`))));
  /** Whether some article of the topic is tagged for the slot at all. */
  const slotIndex = new Set(deps.articles.flatMap((a) => Object.keys(a.tags ?? {}).map((slot) => `${a.topic}:${slot}`)));
  const answers = (topic: string | undefined, slot: string, value: string) => topic !== undefined && tagIndex.has(`${topic}:${slot}=${value}`);
  const isTopic = (s: string | undefined) => (TOPIC_INTENTS as readonly string[]).includes(s ?? '');
  /**
   * The article for the need the message names (its case: unpaid wages), when that article has
   * lines of its own for the country: tagged for the case, contradicting none of the message's tags.
   */
  const needAnswer = (slots: Slots, country: string): Picked | undefined => {
    const cases = slots.case ?? [];
    let best: Picked | undefined;
    for (const a of deps.articles) {
      if (!a.byCountry?.[country] || !a.tags?.case?.some((v) => cases.includes(v))) continue;
      const w = selector.weigh(a.id, slots, SELECTION.tagOnlyQuality);
      if (w && w.conflicting === 0 && (!best || w.total > best.total)) best = w;
    }
    return best;
  };

  function understandOne(text: string, earlier?: Earlier): NluOutput {
    const analysis = analyze(text);
    const { tokens, lang } = analysis;
    const emergency = detectDanger(tokens, lang);
    // A farewell or the end of endurance: a letter before dying is self-harm; less is a concern.
    const concern = emergency.length === 0 ? detectConcern(tokens, lang) : undefined;
    if (concern === 'self_harm') emergency.push('self_harm');
    // "HELP!!!" shouted is a cry; a plain "help" is the help command.
    if (emergency.length === 0 && SHOUTED_HELP.test(text) && (/!/.test(text) || text === text.toUpperCase())) emergency.push('danger');
    // The rules found nothing: a message the classifier is confident about is danger all the same.
    // A concern is asked about, not guessed into an emergency by the classifier.
    // Place names are left out of its reading: a city says where the worker is, not what happened,
    // and a city named in a few danger stories ("Saitama") must not make "em ở Saitama" one.
    // A pet shut in is not a person confined, however alike the words; the heat that cannot be
    // borne is not a life. A threat said as a catchphrase or a joke, and heat said from the cool,
    // are said for effect.
    const found = places.find(tokens, lang, text);
    const classified =
      emergency.length === 0 &&
      concern === undefined &&
      classifier !== null &&
      !animalShutIn(tokens) &&
      !animalDied(tokens) &&
      !complaintOnly(tokens) &&
      !saidForEffect(tokens) &&
      classifier.flags(withoutSpans(tokens, found.spans));
    if (classified) emergency.push('danger');
    const scored = tokens.length > MAX_SCORED_TOKENS ? tokens.slice(0, MAX_SCORED_TOKENS) : tokens;
    const scores = scoreIntents(scored);
    const decision = decide(scores);
    let intent = decision.intent;
    let confidence = decision.confidence;
    let topic = isTopic(intent) ? intent : decision.topic;
    // A story, then its question: the question's own topic, when it has one, is the topic ("…
    // cả nhóm định thuê luật sư kiện công ty. Quỹ có hỗ trợ chi phí không?" asks about the Fund).
    const lastSentence = scored.at(-1)?.sentence ?? 0;
    const endsAsking = /\?\s*$/.test(text) || lastClauseAsks(scored);
    if (lastSentence > 0 && endsAsking) {
      const last = decide(scoreIntents(scored.filter((t) => (t.sentence ?? 0) === lastSentence)));
      if (isTopic(last.intent) && last.intent !== topic) {
        if (intent !== 'handoff') intent = last.intent;
        topic = last.intent;
      }
    }
    // "…, không có biên bản thanh lý thì xin quỹ bằng giấy gì": after the last "thì" of the last
    // sentence comes what is asked; a phrase there that alone says a topic makes it the topic.
    if (endsAsking && topic) {
      const inLast = scored.filter((t) => (t.sentence ?? 0) === lastSentence);
      const k = inLast.findLastIndex((t) => t.f === 'thi');
      const asked = k > 0 ? inLast.slice(k + 1) : [];
      if (asked.length >= MIN_ASKED_WORDS) {
        const own = scoreIntents(asked);
        const best = (TOPIC_INTENTS as readonly Topic[]).reduce((a, b) => (own[b] > own[a] ? b : a));
        if (best !== topic && best !== 'hotline' && own[best] >= OWN_TOPIC_SCORE && own[topic as Topic] < OWN_TOPIC_SCORE) {
          if (intent === topic) intent = best;
          topic = best;
        }
      }
    }
    // Without slot phrases no slot is read, the danger's case neither.
    const read = deps.slots ? caseOfDanger(slotReader.read(analysis), emergency) : slotReader.read(analysis);
    const within = (spans: readonly [number, number][]) => (i: number) => spans.some(([a, b]) => i >= a && i < b);
    // A place read inside a slot phrase is that phrase: "tai nan" is an accident, not Tainan.
    // A phrase that says the scheme by the country ("bên Hàn": EPS) still says where the worker is.
    const caseSpans = read.spans.filter((_, k) => read.spanSlots[k] !== 'scheme');
    const placeIsSlot = found.spans.length > 0 && found.spans.every(([a, b]) => caseSpans.some(([c, d]) => a >= c && b <= d));
    const place: Place = placeIsSlot ? { spans: [] } : found;
    const inPlace = within(place.spans);
    const inSlot = within(read.spans);
    // "ở Nhật", "in Japan" say where, not what: the articles are searched without them.
    // "nghe nói …, đúng không" asks whether what was heard is so: the frame is searched without.
    const heard = hearsaySpans(tokens);
    const inHeard = within(heard);
    const asked = place.spans.length === 0 && heard.length === 0 ? analysis : { ...analysis, tokens: tokens.filter((_, i) => !inPlace(i) && !inHeard(i)) };
    const candidates = retriever.search(asked);
    // Searched again without the words that say the case ("hết hạn hợp đồng, muốn rút tiền ký quỹ"
    // is about the deposit); a match on what is left counts for a little less than a match on it all.
    const subject = read.spans.length === 0 ? undefined : retriever.search({ ...analysis, tokens: tokens.filter((_, i) => !inPlace(i) && !inSlot(i)) });
    const retrieved = [...candidates.all(), ...(subject?.all() ?? []).map((r) => ({ ...r, quality: r.quality * SUBJECT_WEIGHT }))];
    // What the message asks about (the deposit, an amount) that only `other`'s articles are tagged for.
    const asksOnlyAnswered = (other: string, here: string | undefined) =>
      ASKED_SLOTS.some((slot) => (read.slots[slot] ?? []).some((v) => answers(other, slot, v) && !answers(here, slot, v)));
    // Danger found: an article written for another kind of danger is not its answer ("bị đánh,
    // có được bỏ hợp đồng không" is not answered by the one for sexual harassment).
    // Danger the classifier found has no kind: nothing is ruled out.
    const chooser = emergency.length === 0 ? calmSelector : !emergency.includes(UNKNOWN_DANGER) ? selectorFor(emergency) : selector;
    // What happened (not yet sent abroad) that this topic has no article about at all, and `other` has:
    // "nộp hồ sơ 8 tháng mà cty chưa cho xuất cảnh, có đòi lại tiền được ko" is not the Fund's.
    const situationOnlyAnswered = (other: string, here: string | undefined) =>
      here !== undefined &&
      SITUATION_SLOTS.some((slot) => !slotIndex.has(`${here}:${slot}`) && (read.slots[slot] ?? []).some((v) => answers(other, slot, v)));
    const select = (t?: string) => chooser.pick(retrieved, read.slots, t, candidates.looseScore);
    let article: Retrieved | undefined = topic ? select(topic) : undefined;
    // Two topics nearly tied in the lexicon: when the message is close to one of an article's
    // own questions, the article's topic settles it (the content knows where the question belongs).
    if (topic) {
      const overall = candidates.best();
      const other = overall && deps.articles.find((a) => a.id === overall.id)?.topic;
      const close = other !== undefined && scores[other as Topic] >= Math.max(MIN_INTENT_SCORE, SWITCH_RATIO * scores[topic as Topic]);
      if (overall && other && other !== topic && overall.quality >= MIN_QUALITY_TO_SWITCH && close) {
        if (intent === topic) intent = other;
        topic = other;
        article = select(other) ?? overall;
      }
    }
    // The message is close to an article's own question in another topic, and that article fits
    // its slots better than anything in the lexicon's topic ("my employer went bankrupt and I have
    // to go home" is about the contract, not the registration) — or danger came with no topic.
    if (topic || emergency.length > 0) {
      const across = select();
      const here = article ? chooser.pick([article], read.slots, topic, candidates.looseScore)?.total ?? 0 : -Infinity;
      if (across && across.topic !== topic && across.quality >= MIN_QUALITY_TO_SWITCH && across.total > here + CROSS_TOPIC_MARGIN) {
        if (intent === topic) intent = across.topic;
        topic = across.topic;
        article = select(across.topic) ?? across;
      }
    }
    // Another topic's article fits what the message said by its tags — two of the values it gave,
    // none against — far better than anything here ("bị quấy rối, em muốn về nước trước hạn" is
    // the right to end the contract; "phá sản, tiền ký quỹ có lấy lại được không" is the deposit).
    if (topic || emergency.length > 0) {
      const here = article ? chooser.pick([article], read.slots, topic, candidates.looseScore) : undefined;
      for (const other of TOPIC_INTENTS) {
        if (other === topic) continue;
        const there = select(other);
        if (!there || there.matched <= (here?.matched ?? 0) || there.total <= (here?.total ?? -Infinity) + CROSS_TOPIC_MARGIN) continue;
        // Only when this topic cannot answer what the question is about at all (the hotline list has
        // no articles: it answers by its numbers), or has no answer and the other fits twice.
        // Or it fits two more of them than this topic's best ("về sớm thì vé máy bay ai trả": the
        // early return, the ticket and who pays, against the registration's "who pays" alone).
        const fitsMore = there.matched >= (here?.matched ?? 0) + MIN_MATCHED_TO_SWITCH;
        if ((topic !== 'hotline' && asksOnlyAnswered(other, topic)) || (!article && there.matched >= MIN_MATCHED_TO_SWITCH) || fitsMore) {
          if (intent === topic) intent = other;
          topic = other;
          article = there;
          break;
        }
      }
    }
    // What happened that this topic has no article about at all, and another topic's article fits
    // by its tags: the question without an answer goes there, not to this topic's first question.
    if (topic && topic !== 'hotline' && !article) {
      for (const other of TOPIC_INTENTS) {
        if (other === topic || !situationOnlyAnswered(other, topic)) continue;
        const there = select(other);
        if (!there || there.matched === 0) continue;
        if (intent === topic) intent = other;
        topic = other;
        article = there;
        break;
      }
    }
    // A story, then its question ("… công ty chưa gọi gì. Nếu em không liên hệ thì công ty có tự
    // thanh lý luôn không?"): when the whole message fits no article, its last sentence alone may.
    // An answer found by its tags alone gives way to one whose question is the last sentence's.
    const byTagsOnly = article !== undefined && (article as Picked).byTags === true;
    if (topic && (!article || byTagsOnly) && lastSentence > 0 && endsAsking) {
      const last = retriever.search({ ...analysis, tokens: tokens.filter((t, i) => (t.sentence ?? 0) === lastSentence && !inPlace(i)) });
      const own = last.all(topic);
      // Those found by tags were weighed already: the last sentence's own questions decide now.
      // Only when the tagged one is about a subject nobody asked (the deposit, for "nếu em không
      // đến thanh lý thì có sao"), and answers nothing the last sentence itself says ("… phá sản.
      // Về rồi thanh lý cần giấy tờ gì?" keeps the closure's papers; "chủ cầm hộ chiếu … muốn về
      // thì sao" keeps the kept passport's answer).
      if (byTagsOnly) {
        const tags = deps.articles.find((a) => a.id === article!.id)?.tags ?? {};
        const unasked = ASKED_SLOTS.some((slot) => tags[slot] && !read.slots[slot]);
        const lastSlots = slotReader.read({ ...analysis, tokens: tokens.filter((t) => (t.sentence ?? 0) === lastSentence) }).slots;
        const asked = selector.weigh(article!.id, lastSlots, 0)?.matched ?? 0;
        if (own.length > 0 && unasked && asked === 0) article = chooser.pick(own, read.slots) ?? article;
      }
      else article = chooser.pick(own, read.slots, topic, last.looseScore);
    }
    // Danger found, and asked whom to call ("… giữ hộ chiếu, dọa tố cáo. bạn ấy cần gọi ai để được
    // về?"): the numbers come first anyway, so what the message says of its case answers the rest —
    // the article its tags fit best, of whichever topic.
    if (emergency.length > 0 && topic === 'hotline' && !article) {
      const byTags = TOPIC_INTENTS.filter((t) => t !== 'hotline')
        .map((t) => select(t))
        .filter((p): p is Picked => p !== undefined && p.matched > 0)
        .sort((x, y) => y.total - x.total);
      if (byTags[0]) {
        topic = byTags[0].topic;
        article = byTags[0];
      }
    }
    // Danger found: after the numbers comes the article written for it, when it fits better than
    // the answer to the question ("bị lừa sang Campuchia làm online, công ty không cho về").
    if (emergency.length > 0) {
      const own = emergencyAnswer(emergency, read.slots, article);
      if (own) {
        topic = own.topic;
        article = own;
      }
    }
    // Asked whom to call about something no article of the topic answers ("muốn tư vấn bằng tiếng
    // Việt về lương tăng ca bị trừ thì gọi đâu"): the country's lines, each labelled with what it is
    // for, answer it — the topic's question tree would ask what the message did not need.
    // Naming the mission is not asking for a line: going home is done there, and its answers say
    // where ("đăng ký về nước ở Hàn thì liên hệ đại sứ quán Seoul hay Busan").
    const notALine = topic !== 'return_registration' ? NOT_A_LINE : HOME_ALREADY.scan(scored).next().done ? NOT_A_LINE_FOR_RETURN : NOT_A_LINE_AFTER_RETURN;
    const asksLine = () => scoreIntents(scored, notALine).hotline >= MIN_INTENT_SCORE;
    if (topic && topic !== 'hotline' && !article && emergency.length === 0 && scores.hotline >= MIN_INTENT_SCORE && asksLine() && asksForLine(scored)) {
      if (intent === topic) intent = 'hotline';
      topic = 'hotline';
    }
    // Asked whom to call about a need an article answers with that country's own lines ("bị nợ
    // lương ở Đài Loan thì gọi số nào"): what to do, with the lines for it there, answers it.
    if (topic === 'hotline' && emergency.length === 0 && place.country) {
      const forNeed = needAnswer(read.slots, place.country);
      if (forNeed) {
        if (intent === topic) intent = forNeed.topic;
        topic = forNeed.topic;
        article = forNeed;
      }
    }
    // Nothing in the lexicon, but the message is (almost) one of an article's own questions.
    if (!topic && (intent === 'out_of_scope' || intent === 'greeting') && emergency.length === 0) {
      const best = candidates.best();
      const a = best && deps.articles.find((x) => x.id === best.id);
      if (best && a && best.quality >= MIN_QUALITY_WITHOUT_TOPIC) {
        intent = a.topic;
        topic = a.topic;
        confidence = RETRIEVED_TOPIC_CONFIDENCE;
        article = best;
      }
    }
    // A question the lexicon could not place, whose words say what happened that only one topic's
    // articles are tagged for ("đã 7 tháng vẫn chưa được xuất cảnh, công ty có trả lại hồ sơ không"):
    // that topic's article answers it.
    if (!topic && intent === 'out_of_scope' && endsAsking && emergency.length === 0) {
      const byTags = TOPIC_INTENTS.map((t) => select(t)).filter((p): p is Picked => p !== undefined && p.matched > 0);
      if (byTags.length === 1) {
        intent = byTags[0]!.topic;
        topic = byTags[0]!.topic;
        confidence = RETRIEVED_TOPIC_CONFIDENCE;
        article = byTags[0];
      }
    }
    // "thế nếu chủ phá sản cho về thì sao" after the Fund's amount for an accident: the same question
    // for another case. A supposition that names no topic strongly is read in the earlier topic, its
    // case in place of the earlier one — when an article there fits what it says.
    if (earlier?.topic && isTopic(earlier.topic) && topic && topic !== earlier.topic && emergency.length === 0 && scores[topic as Topic] < OWN_TOPIC_SCORE && WHAT_IF.test(tokens.map((t) => t.f).join(' '))) {
      const there = chooser.pick(retrieved, { ...earlier.slots, ...read.slots }, earlier.topic, candidates.looseScore);
      if (there && (chooser.weigh(there.id, read.slots, 0)?.matched ?? 0) > 0) {
        if (intent === topic) intent = earlier.topic;
        topic = earlier.topic;
        article = there;
      }
    }
    // Beside a question ("không chịu nổi nữa, muốn thanh lý hợp đồng") it is a complaint: answer it.
    // A goodbye is asked about whatever else it says ("con không về được nữa đâu, ba đừng buồn").
    const worried = emergency.length === 0 && (concern === 'farewell' || (concern === 'concern' && !topic));
    const out: NluOutput =
      emergency.length > 0
        ? { intent: 'emergency', confidence: classified ? CLASSIFIED_EMERGENCY_CONFIDENCE : EMERGENCY_CONFIDENCE, emergency }
        : worried
          ? { intent: CONCERN_INTENT, confidence: CONCERN_CONFIDENCE, emergency: [] }
          : { intent, confidence, emergency: [] };
    // The topic asked alongside danger ("bị giữ hộ chiếu và không cho về"). Not alongside a
    // request for a person: the flow would take it for a question and not hand over.
    if (emergency.length > 0 && topic) out.topicIntent = topic;
    if (place.country) out.country = place.country;
    if (place.city) out.city = place.city;
    if (article && (isTopic(out.intent) || out.topicIntent)) {
      out.article = { id: article.id, score: article.score };
      if (deps.articles.find((a) => a.id === article.id)?.unknown) out.article.unknown = true;
    }
    if (Object.keys(read.slots).length > 0) out.slots = read.slots;
    // No topic read, but the message is close to an article's question ("có phải báo công an
    // không, hạn mấy ngày" after "em vừa về quê"): the flow answers it inside that article's topic.
    if (!topic && emergency.length === 0 && !worried && out.intent !== 'handoff') {
      // Read as the follow-up of the question before it, the message adds to that question's case
      // ("tiền ký quỹ lấy lại thế nào" then "e đi Hàn theo EPS" asks for the EPS deposit) — when it
      // says something of its own: a thanks alone is not a question again.
      const picked = earlier?.topic && isTopic(earlier.topic) ? calmSelector.pick(retrieved, { ...earlier.slots, ...read.slots }, earlier.topic, candidates.looseScore) : undefined;
      // The answer must come of the message too: among what its words found, or fitting what it said.
      const carried = picked && (retrieved.some((r) => r.id === picked.id) || (selector.weigh(picked.id, read.slots, 0)?.matched ?? 0) > 0) ? picked : undefined;
      const near = carried ?? selector.pick(retrieved, read.slots);
      const a = near && deps.articles.find((x) => x.id === near.id);
      if (near && a) out.followUp = { id: a.id, topic: a.topic, ...(a.unknown ? { unknown: true } : {}) };
    }
    return out;
  }

  return {
    understand(text, earlier) {
      const out = understandOne(text, earlier);
      if (out.emergency.length > 0 || !out.article || !isTopic(out.intent)) return out;
      // Two questions of two topics in the last sentence ("… Về rồi thanh lý hợp đồng trong bao lâu
      // và quỹ hỗ trợ bao nhiêu ạ"): each is read with the story before it, and both are answered.
      const joined = joinedQuestions(text);
      if (!joined) return out;
      const [a, b] = joined.halves.map((h) => ({ h, o: understandOne(`${joined.story}${h}`) })) as [Half, Half];
      // Each half names its own topic, as a phrase that alone says it would ("cần mang giấy tờ gì"
      // after a contract question is still the contract), and asks something.
      const own = ({ h, o }: Half) => scoreIntents(analyze(h).tokens)[o.intent as Topic] >= OWN_TOPIC_SCORE;
      const asks = ({ h, o }: Half) => /\?\s*$/.test(h) || (o.slots?.asks?.length ?? 0) > 0 || endsWithQuestionWord(analyze(h).tokens);
      const answered = (x: Half) => x.o.emergency.length === 0 && isTopic(x.o.intent) && x.o.article !== undefined && own(x) && asks(x);
      if (!answered(a) || !answered(b) || a.o.intent === b.o.intent) return out;
      const first = a.o.article!;
      const second = b.o.article!;
      if (first.id === second.id) return out;
      return { ...out, intent: a.o.intent, article: first, also: [{ id: second.id, ...(second.unknown ? { unknown: true } : {}) }] };
    },
  };
}

/** A question put as a supposition ("thế nếu … thì sao", "còn trường hợp … thì thế nào", "what if …"). */
const WHAT_IF = /^(?:(?:the|vay|con|the con|vay con|con neu)\s+)?(?:neu|lo|truong hop)\b.*\bthi (?:sao|the nao|nhu the nao|ra sao)\b|^(?:and )?what if\b/;
/** Slots that say where the worker is in the journey, which a topic may not deal with at all. */
const SITUATION_SLOTS = ['stage', 'passport'];
/** The kind of danger found by the classifier alone, or a shouted cry: not which danger. */
const UNKNOWN_DANGER = 'danger';
/** Danger done to the worker by someone: the case is abuse when the message names no other. */
const ABUSE_KINDS = new Set(['violence', 'confinement', 'sexual_abuse']);

/**
 * "반장 ngày nào cũng đánh, … nhốt e lại. e có được bỏ hợp đồng ko": beaten, shut in or abused, the
 * worker's case is abuse even when no phrase of the case was written — the danger says it.
 */
function caseOfDanger(read: ReadSlots, emergency: readonly string[]): ReadSlots {
  // Asked about a subject of its own (the deposit, the ticket), the question is chosen by it.
  if (read.slots.case?.length || read.slots.subject?.length || !emergency.some((k) => ABUSE_KINDS.has(k))) return read;
  return { ...read, slots: { ...read.slots, case: ['abuse'] } };
}

interface Half {
  h: string;
  o: NluOutput;
}

/** Words after "thì" that make a question of their own ("xin quỹ bằng giấy gì"). */
const MIN_ASKED_WORDS = 3;
/** What a phrase that alone says a topic weighs in the lexicon ("thanh lý hợp đồng", "quỹ"). */
const OWN_TOPIC_SCORE = 3;
/** Words that join two questions in one sentence. */
const JOIN = /\s+(?:và|va|and)\s+/iu;
/** What the last sentence begins after: a sentence end followed by a space. */
const SENTENCE_BREAK = /[.!?\n…]+\s+/gu;

/**
 * The two questions of the message's last sentence when it joins two (and only two) with "và"/"and",
 * and the story before that sentence; undefined otherwise.
 */
function joinedQuestions(text: string): { story: string; halves: [string, string] } | undefined {
  const trimmed = text.trim();
  let start = 0;
  for (const m of trimmed.matchAll(SENTENCE_BREAK)) if (m.index + m[0].length < trimmed.length) start = m.index + m[0].length;
  const story = trimmed.slice(0, start);
  const halves = trimmed.slice(start).split(JOIN);
  if (halves.length !== 2 || halves.some((h) => h.trim().split(/\s+/).length < 3)) return undefined;
  return { story, halves: [halves[0]!.trim(), halves[1]!.trim()] };
}

/**
 * Whether the words that ask — the last sentence, after its last "thì" when words follow it — ask
 * for a line: a call in the story ("công ty chưa gọi gì") or in a supposition ("nếu em không liên
 * hệ thì…") says what happened, not whom to call.
 */
function asksForLine(scored: readonly Token[]): boolean {
  const lastSentence = scored.at(-1)?.sentence ?? 0;
  const inLast = scored.filter((t) => (t.sentence ?? 0) === lastSentence);
  const k = inLast.findLastIndex((t) => t.f === 'thi');
  const asked = k >= 0 && k < inLast.length - 1 ? inLast.slice(k + 1) : inLast;
  return scoreIntents(asked).hotline >= MIN_INTENT_SCORE;
}

/** The words that frame a claim to be checked: "nghe nói …", "… đúng không", "I heard …, is that true". */
const HEARSAY = ['nghe noi', 'nghe bao', 'nghe don', 'nghe nguoi ta noi', 'nghe nguoi ta bao', 'nguoi ta bao', 'doc tren mang thay noi', 'thay tren mang noi', 'thay tren mang', 'xem tren mang thay', 'doc tren mang thay', 'tren mang thay noi', 'tren mang noi', 'doc tren mang', 'doc bao thay', 'thay noi', 'thay bao', 'i read that', 'i read online', 'dung khong', 'phai khong', 'co dung khong', 'co phai khong', 'i heard', 'heard that', 'is that true', 'is it true', 'is that right'].map((p) => p.split(' '));

/** Where the hearsay frame's words are, as [start, end) token ranges. */
function hearsaySpans(tokens: readonly Token[]): [number, number][] {
  const spans: [number, number][] = [];
  for (let i = 0; i < tokens.length; i++) {
    const p = HEARSAY.find((words) => words.every((w, k) => tokens[i + k]?.f === w));
    if (p) spans.push([i, i + p.length]);
  }
  return spans;
}

/** The tokens outside the given [start, end) spans. */
function withoutSpans(tokens: readonly Token[], spans: readonly [number, number][]): readonly Token[] {
  if (spans.length === 0) return tokens;
  return tokens.filter((_, i) => !spans.some(([start, end]) => i >= start && i < end));
}
