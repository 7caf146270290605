// The understanding layer as the engine calls it: one message in, what it asks, whether the person
// is in danger, where they are, and the article that answers it. Everything is built once at
// start-up (patterns indexed, articles indexed); a message is then a few lookups.
import type { NluOutput } from '../conversation.ts';
import type { Earlier } from '../effects.ts';
import type { Article, Country, SlotFile } from '../content/index.ts';
import { createAnswerSelector, type AnswerSelector, type Picked } from './answer-select.ts';
import { caseAsked } from './asked-case.ts';
import { createEmergencyAnswer } from './emergency-answer.ts';
import { shippedDangerClassifier, type DangerClassifier } from './danger-classifier.ts';
import { animalDied, animalShutIn, complaintOnly, CONCERN_INTENT, detectConcern, detectDanger } from './danger.ts';
import { saidForEffect } from './danger-framing.ts';
import { askingClause } from './asking-clause.ts';
import { aboutUnaskedSubject } from './unasked-subject.ts';
import { asksLineInstead, asksOwnTopic, isTopic, joinedQuestions, lastClauseAsks, lastSentenceTopic, topicAfterThi } from './asked-topic.ts';
import { decide, scoreIntents } from './intents.ts';
import { analyze } from './normalize.ts';
import { createPlaces, type Place } from './places.ts';
import type { Token } from './pattern.ts';
import { createRetriever, type Retrieved } from './retrieval.ts';
import { createSlotReader, type ReadSlots } from './slots.ts';
import { ASKED_SLOTS, createTopicSwitch, type Move, type Weighing } from './topic-switch.ts';

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
/** An article found without the lexicon's help makes its topic a (modest) guess. */
const RETRIEVED_TOPIC_CONFIDENCE = 0.55;
/** One word shouted: "HELP!!!", "cứu!". */
const SHOUTED_HELP = /^\W*(?:help|cứu|cuu|sos)\W*$/i;
/** A match on the message without its slot phrases, against one on the whole message. */
const SUBJECT_WEIGHT = 0.9;
/** Text beyond this is still checked for danger, but not scored for topics. */
const MAX_SCORED_TOKENS = 400;

export function createNlu(deps: NluDeps): Nlu {
  const places = createPlaces(deps.countries);
  const classifier = deps.dangerClassifier === undefined ? shippedDangerClassifier() : deps.dangerClassifier;
  const retriever = createRetriever(deps.articles);
  const slotReader = createSlotReader(deps.slots ?? {});
  const selector = createAnswerSelector(deps.articles);
  /** For a message without danger: an article written for danger is found by its questions only. */
  const calmSelector = createAnswerSelector(deps.articles, (a) => !a.danger?.length || a.calmTags === true);
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
  const switches = createTopicSwitch(deps.articles, selector, calmSelector);

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
    // Two topics nearly tied: the one the clause that asks names ("làm sao đăng ký về nước…, em hết hđ rồi").
    const askedHere = askingClause(scored, scores, topic);
    if (askedHere) {
      if (intent === topic) intent = askedHere.topic;
      topic = askedHere.topic;
    }
    // A story, then its question: the question's own topic, when it has one, is the topic.
    const lastSentence = scored.at(-1)?.sentence ?? 0;
    const endsAsking = /\?\s*$/.test(text) || lastClauseAsks(scored);
    const lastTopic = lastSentenceTopic(scored, topic, endsAsking);
    if (lastTopic) {
      if (intent !== 'handoff') intent = lastTopic;
      topic = lastTopic;
    }
    // What follows the last "thì" of the last sentence is what is asked.
    const afterThi = endsAsking && topic ? topicAfterThi(scored, topic) : undefined;
    if (afterThi) {
      if (intent === topic) intent = afterThi;
      topic = afterThi;
    }
    // Without slot phrases no slot is read, the danger's case neither.
    // Several cases told and one asked after "thì": the one asked (asked-case.ts).
    const told = slotReader.read(analysis);
    const read = deps.slots ? caseOfDanger(endsAsking ? caseAsked(analysis, told, slotReader) : told, emergency) : told;
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
    // Danger found: an article written for another kind of danger is not its answer ("bị đánh,
    // có được bỏ hợp đồng không" is not answered by the one for sexual harassment).
    // Danger the classifier found has no kind: nothing is ruled out.
    const chooser = emergency.length === 0 ? calmSelector : !emergency.includes(UNKNOWN_DANGER) ? selectorFor(emergency) : selector;
    const weighing: Weighing = { retrieved, candidates, slots: read.slots, scores, chooser, danger: emergency.length > 0 };
    let article: Retrieved | undefined = topic ? switches.select(weighing, topic) : undefined;
    // The asked topic's answer not found among the whole message's words: the asking clause's own may find it.
    if (askedHere && !article) article = chooser.pick(retriever.search({ ...analysis, tokens: askedHere.tokens.filter((t) => !inPlace(tokens.indexOf(t))) }).all(askedHere.topic), read.slots, askedHere.topic);
    // Which topic the articles say the question belongs to, when another's fits it better (topic-switch.ts).
    const move = (m: Move | undefined) => {
      if (!m) return;
      if (intent === topic) intent = m.topic;
      topic = m.topic;
      article = m.article;
    };
    if (topic) move(switches.nearTie(weighing, topic));
    move(switches.fitsBetterAcross(weighing, topic, article));
    move(switches.fitsByTagsAcross(weighing, topic, article));
    if (topic && (!article || aboutUnaskedSubject(deps.articles, article, read.slots))) move(switches.situationAcross(weighing, topic));
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
        // The sending company named there says through whom, not what is asked ("… giờ phải làm thủ
        // tục gì với cty phái cử" does not ask for the deposit it holds).
        const asked = selector.weigh(article!.id, lastSlots, 0)?.telling ?? 0;
        if (own.length > 0 && unasked && asked === 0) article = chooser.pick(own, read.slots) ?? article;
      }
      else article = chooser.pick(own, read.slots, topic, last.looseScore);
    }
    // Danger found, and asked whom to call, with no answer: the article its tags fit, of any topic.
    if (emergency.length > 0 && topic === 'hotline' && !article) {
      const byTags = switches.dangerByTags(weighing);
      if (byTags) {
        topic = byTags.topic;
        article = byTags.article;
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
    // Asked whom to call about something no article of the topic answers: the country's lines.
    if (topic && !article && emergency.length === 0 && asksLineInstead(scored, scores, topic)) {
      if (intent === topic) intent = 'hotline';
      topic = 'hotline';
    }
    // Asked whom to call about a need an article answers with that country's own lines: the
    // country named, or else the one the conversation knows ("bị nợ lương thì gọi số nào").
    const lineCountry = place.country ?? earlier?.country;
    if (topic === 'hotline' && emergency.length === 0 && lineCountry) {
      const forNeed = switches.needAnswer(read.slots, lineCountry);
      if (forNeed) {
        if (intent === topic) intent = forNeed.topic;
        topic = forNeed.topic;
        article = forNeed;
      }
    }
    // Nothing in the lexicon: the message is (almost) one of an article's own questions, or its
    // words say what happened that only one topic's articles are tagged for — a modest guess.
    const guessed =
      topic || emergency.length > 0
        ? undefined
        : ((intent === 'out_of_scope' || intent === 'greeting' ? switches.nearlyAQuestion(weighing) : undefined) ??
          (intent === 'out_of_scope' && endsAsking ? switches.onlyTopicByTags(weighing) : undefined));
    if (guessed) {
      intent = guessed.topic;
      topic = guessed.topic;
      confidence = RETRIEVED_TOPIC_CONFIDENCE;
      article = guessed.article;
    }
    // A supposition after an earlier question ("thế nếu chủ phá sản cho về thì sao"): the earlier topic.
    if (topic) move(switches.whatIfEarlier(weighing, tokens, topic, earlier));
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
      const id = article.id;
      if (deps.articles.find((a) => a.id === id)?.unknown) out.article.unknown = true;
    }
    if (Object.keys(read.slots).length > 0) out.slots = read.slots;
    // No topic read, but the message is close to an article's question ("có phải báo công an
    // không, hạn mấy ngày" after "em vừa về quê"): the flow answers it inside that article's topic.
    if (!topic && emergency.length === 0 && !worried && out.intent !== 'handoff') {
      const followUp = switches.followUp(weighing, earlier);
      if (followUp) out.followUp = followUp;
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
      const [a, b] = joined.halves.map((h) => ({ h, o: understandOne(`${joined.story}${h}`) }));
      if (!asksOwnTopic(a!.h, a!.o) || !asksOwnTopic(b!.h, b!.o) || a!.o.intent === b!.o.intent) return out;
      const first = a!.o.article!;
      const second = b!.o.article!;
      if (first.id === second.id) return out;
      return { ...out, intent: a!.o.intent, article: first, also: [{ id: second.id, ...(second.unknown ? { unknown: true } : {}) }] };
    },
  };
}

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
