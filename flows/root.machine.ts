// The root dialogue: welcome → country → menu, the four topics, hand-off, and the commands and
// emergency handling that work in every state. Pure: it only emits Effects; the engine renders them.
import { and, assign, emit, enqueueActions, setup } from 'xstate';
import {
  isTopic,
  type ChoiceSpec,
  type Command,
  type Effect,
  type FlowEvent,
  type FlowState,
  type Topic,
} from '../src/core/effects.ts';
import type { Locale } from '../src/core/messages.ts';
import type { DialogueNode, FlowDeps } from './dialogue.ts';
import { asksSameElsewhere } from './elsewhere.ts';
import { prefilledPosition, withPlace } from './prefill.ts';
import { createRegistration, type RegState } from './registration.ts';

/** Bump when a change makes old snapshots unfit; the engine then restarts those chats with an apology. */
export const FLOW_VERSION = 1;

/** Below this the NLU's topic is a guess; the bot asks rather than answers. */
export const MIN_TOPIC_CONFIDENCE = 0.5;
/** After this many misunderstandings in a row the bot offers a person first. */
export const MAX_MISSES = 2;

export interface RootContext extends FlowState {
  /** The user was asked for the country and chose "other": don't ask again. */
  countryAsked: boolean;
  topic?: Topic;
  /** The current node of the topic's dialogue tree, and the way back. */
  node?: string;
  trail: string[];
  /** An article the NLU matched for the last question. */
  article?: string;
  /** The articles of the other questions the same message asked, shown after `article`. */
  also?: string[];
  /** That article says the content does not know what was asked: say so, offer a person first. */
  articleUnknown?: boolean;
  /** What the last question said about its case (slot → values): pre-fills the topic's tree. */
  slots?: Record<string, string[]>;
  /** The question that came with an emergency, answered in the same turn: "continue" goes on from it. */
  carried?: boolean;
  misses: number;
  /** The return registration form in progress (flows/registration.ts). */
  reg?: RegState;
  /** The user picked the language themselves; otherwise it follows what they clearly write in. */
  localeChosen?: boolean;
}

const CHOICE = {
  menu: 'menu',
  staff: 'staff',
  continue: 'continue',
  more: 'more',
  eraseYes: 'erase_yes',
  eraseNo: 'erase_no',
  countryOther: 'country_other',
  handoffWait: 'handoff_wait',
  handoffCancel: 'handoff_cancel',
  safe: 'safety_safe',
  unsafe: 'safety_unsafe',
} as const;
/** Media a person can look at or listen to: the bot cannot, so it offers to show an officer. */
const MEDIA_OFFERS: Partial<Record<string, { key: string }>> = {
  image: { key: 'media.offer.image' },
  audio: { key: 'media.offer.audio' },
  video: { key: 'media.offer.video' },
  file: { key: 'media.offer.file' },
  // The bot cannot use coordinates, but an officer can find the worker with them.
  location: { key: 'media.offer.location' },
};
const TOPIC_PREFIX = 'topic_';
const COUNTRY_PREFIX = 'country_';
const LANG_PREFIX = 'lang_';
const OPTION_PREFIX = 'o_';

const MENU_CHOICES: ChoiceSpec[] = [
  { id: `${TOPIC_PREFIX}contract_liquidation`, key: 'menu.contract_liquidation' },
  { id: `${TOPIC_PREFIX}return_registration`, key: 'menu.return_registration' },
  { id: `${TOPIC_PREFIX}support_fund`, key: 'menu.support_fund' },
  { id: `${TOPIC_PREFIX}hotline`, key: 'menu.hotline' },
  { id: CHOICE.staff, key: 'menu.staff' },
];
const NEXT_CHOICES: ChoiceSpec[] = [
  { id: CHOICE.menu, key: 'choices.menu' },
  { id: CHOICE.staff, key: 'choices.staff' },
];
const LANGUAGE_CHOICES: ChoiceSpec[] = [
  { id: `${LANG_PREFIX}vi`, key: 'language.vi' },
  { id: `${LANG_PREFIX}en`, key: 'language.en' },
];

type Ev<T extends FlowEvent['type']> = Extract<FlowEvent, { type: T }>;

function choiceId(event: FlowEvent): string | undefined {
  return event.type === 'user.choice' ? event.id : undefined;
}

export function createRootMachine(deps: FlowDeps) {
  const nodeOf = (ctx: RootContext): DialogueNode | undefined =>
    ctx.topic && ctx.node ? deps.dialogues.get(ctx.topic)?.nodes[ctx.node] : undefined;

  const registration = createRegistration(deps.registration, deps.countryChoices);
  /** In the return-registration topic, registering with the mission is one tap away. */
  const registerChoice = (ctx: RootContext): ChoiceSpec[] =>
    ctx.topic === 'return_registration' && registration.enabled() ? [registration.startChoice()] : [];

  const countryChoices: ChoiceSpec[] = [
    ...deps.countryChoices.map((c) => ({ id: `${COUNTRY_PREFIX}${c.code}`, label: c.label })),
    { id: CHOICE.countryOther, key: 'country.other' },
  ];

  /** The effects that show a dialogue node: its question, or its answer and what to do next. */
  function presentNode(ctx: RootContext): Effect[] {
    const node = nodeOf(ctx);
    if (!node) return [{ type: 'say', key: 'topic.unavailable' }, { type: 'ask', key: 'menu.prompt', choices: MENU_CHOICES }];
    if (node.options && node.options.length > 0) {
      const choices: ChoiceSpec[] = [...node.options.map((o) => ({ id: `${OPTION_PREFIX}${o.id}`, label: o.label })), ...registerChoice(ctx)];
      return [{ type: 'ask', ...(node.ask ? { text: node.ask } : { key: 'topic.pick' }), choices }];
    }
    const out: Effect[] = [];
    // A leaf where the user said they are not safe is an emergency like any other: numbers first, a person alerted.
    if (node.emergency) {
      out.push({ type: 'hotlines', scope: 'emergency', ...countryOf(ctx) });
      out.push({ type: 'handoff', reason: 'emergency', priority: 'emergency', ...(ctx.topic ? { topic: ctx.topic } : {}) });
    }
    if (node.answer && node.answer.length > 0) out.push({ type: 'articles', ids: node.answer, ...countryOf(ctx) });
    if (node.offerStaff && !node.emergency) out.push({ type: 'say', key: 'topic.staffAdvised' });
    out.push({
      type: 'ask',
      key: 'next.prompt',
      choices: node.offerStaff
        ? [{ id: CHOICE.staff, key: 'choices.staff' }, { id: CHOICE.more, key: 'choices.more' }, { id: CHOICE.menu, key: 'choices.menu' }]
        : [{ id: CHOICE.more, key: 'choices.more' }, ...NEXT_CHOICES],
    });
    const last = out.at(-1);
    if (last?.type === 'ask') last.choices.unshift(...registerChoice(ctx));
    return out;
  }

  return setup({
    types: {
      context: {} as RootContext,
      events: {} as FlowEvent,
      input: {} as FlowState,
      emitted: {} as Effect,
    },
    guards: {
      hasLocale: ({ context }) => context.locale !== undefined,
      isGroupChat: ({ event }) => event.type === 'user.unsupported' && event.kind === 'group',
      isMediaForStaff: ({ event }) => event.type === 'user.unsupported' && MEDIA_OFFERS[event.kind] !== undefined,
      knowsCountry: ({ context }) => context.country !== undefined || context.countryAsked,
      isTopicQuestion: ({ event }) =>
        event.type === 'user.text' && isTopic(event.nlu.topicIntent ?? event.nlu.intent) && event.nlu.confidence >= MIN_TOPIC_CONFIDENCE,
      /** A question without a topic of its own, close to an article of the topic the chat is in. */
      isFollowUp: ({ context, event }) =>
        event.type === 'user.text' && event.nlu.followUp !== undefined && context.topic !== undefined && event.nlu.followUp.topic === context.topic,
      /**
       * Right after an answer, a message that only names another country ("thế còn ở Hàn thì sao?")
       * asks the same question there: the answer (or the list of lines) is given again for that country.
       */
      asksSameElsewhere: ({ context, event }) => asksSameElsewhere(context, event),
      asksForStaff: ({ event }) => event.type === 'user.text' && event.nlu.intent === 'handoff',
      isGreeting: ({ event }) => event.type === 'user.text' && event.nlu.intent === 'greeting',
      namesCountry: ({ event }) => event.type === 'user.text' && event.nlu.country !== undefined,
      missedTooOften: ({ context }) => context.misses + 1 >= MAX_MISSES,
      isCommand: ({ event }, command: Command) => event.type === 'user.command' && event.command === command,
      isChoice: ({ event }, id: string) => choiceId(event) === id,
      isTopicChoice: ({ event }) => isTopic(choiceId(event)?.slice(TOPIC_PREFIX.length)) && !!choiceId(event)?.startsWith(TOPIC_PREFIX),
      isCountryChoice: ({ event }) => !!choiceId(event)?.startsWith(COUNTRY_PREFIX),
      isLanguageChoice: ({ event }) => !!choiceId(event)?.startsWith(LANG_PREFIX),
      isNodeOption: ({ context, event }) => {
        const id = choiceId(event);
        return !!id && !!nodeOf(context)?.options?.some((o) => `${OPTION_PREFIX}${o.id}` === id);
      },
      canGoBackInTree: ({ context }) => context.trail.length > 0,
      wantsHotlinesWithoutCountry: ({ context }) =>
        context.topic === 'hotline' && context.country === undefined && !context.countryAsked,
      wantsHotlines: ({ context }) => context.topic === 'hotline',
      hasArticle: ({ context }) => context.article !== undefined,
      hasUnknownArticle: ({ context }) => context.article !== undefined && context.articleUnknown === true,
      carriedAnswer: ({ context }) => context.carried === true && context.article !== undefined,
      carriedTopic: ({ context }) => context.carried === true && context.topic !== undefined,
      hasDialogue: ({ context }) => context.topic !== undefined && deps.dialogues.has(context.topic),
    },
    actions: {
      adoptLocale: assign({
        locale: ({ context, event }) => {
          if (event.type !== 'user.text' && event.type !== 'user.emergency' && event.type !== 'user.concern') return context.locale;
          if (context.locale === undefined) return event.nlu.locale;
          // "hi" guessed Vietnamese; "how do I get my deposit back" then settles it as English.
          return !context.localeChosen && event.nlu.localeSure ? event.nlu.locale : context.locale;
        },
      }),
      rememberPlace: assign(({ context, event }) => {
        if (event.type !== 'user.text' && event.type !== 'user.emergency' && event.type !== 'user.concern') return {};
        const { country, city } = event.nlu;
        if (!country) return {};
        return { country, city: city ?? (country === context.country ? context.city : undefined) };
      }),
      takeQuestion: assign(({ event }) => {
        const e = event as Ev<'user.text'>;
        const topic = (e.nlu.topicIntent ?? e.nlu.intent) as Topic;
        return { topic, ...questionOf(e.nlu), misses: 0, carried: false };
      }),
      /** A follow-up goes on with the question before it: what it says is added to that question's case. */
      takeFollowUp: assign(({ context, event }) => {
        const { nlu } = event as Ev<'user.text'>;
        const f = nlu.followUp!;
        // Where it says the user is counts least: what the question before it said of that stands.
        const slots = { ...withPlace(undefined, nlu.country), ...context.slots, ...nlu.slots };
        return { article: f.id, articleUnknown: f.unknown === true ? true : undefined, also: undefined, slots: Object.keys(slots).length > 0 ? slots : undefined, misses: 0, carried: false };
      }),
      /** A question asked alongside danger is answered right after the emergency numbers. */
      takeEmergencyQuestion: assign(({ event }) => {
        const e = event as Ev<'user.emergency'>;
        const topic = e.nlu.topicIntent;
        return isTopic(topic) ? { topic, ...questionOf(e.nlu), carried: true } : { carried: false };
      }),
      dropCarried: assign({ carried: false }),
      takeTopicChoice: assign(({ event }) => ({
        topic: (event as Ev<'user.choice'>).id.slice(TOPIC_PREFIX.length) as Topic,
        article: undefined,
        articleUnknown: undefined,
        also: undefined,
        slots: undefined,
        misses: 0,
      })),
      takeCountryChoice: assign(({ event }) => {
        const code = (event as Ev<'user.choice'>).id.slice(COUNTRY_PREFIX.length);
        return { country: code, city: undefined, countryAsked: true };
      }),
      declineCountry: assign({ countryAsked: true }),
      takeLanguageChoice: assign({
        locale: ({ event }) => (event as Ev<'user.choice'>).id.slice(LANG_PREFIX.length) as Locale,
        localeChosen: true,
      }),
      clearArticle: assign({ article: undefined, articleUnknown: undefined, also: undefined }),
      startTree: assign(({ context }) => {
        const tree = deps.dialogues.get(context.topic ?? '');
        return tree ? prefilledPosition(tree, context.slots) : { node: undefined, trail: [] };
      }),
      /** "More on this topic" starts the tree from its top: the user chose to browse. */
      restartTree: assign(({ context }) => ({ node: deps.dialogues.get(context.topic ?? '')?.start, trail: [] })),
      advanceNode: assign(({ context, event }) => {
        const id = (event as Ev<'user.choice'>).id.slice(OPTION_PREFIX.length);
        const next = nodeOf(context)?.options?.find((o) => o.id === id)?.next;
        return { node: next, trail: context.node ? [...context.trail, context.node] : context.trail };
      }),
      stepBackInTree: assign(({ context }) => ({ node: context.trail.at(-1), trail: context.trail.slice(0, -1) })),
      countMiss: assign({ misses: ({ context }) => context.misses + 1 }),
      resetMisses: assign({ misses: 0 }),
      forgetEverything: assign(() => ({
        locale: undefined,
        country: undefined,
        city: undefined,
        countryAsked: false,
        topic: undefined,
        node: undefined,
        trail: [],
        article: undefined,
        articleUnknown: undefined,
        also: undefined,
        slots: undefined,
        carried: false,
        misses: 0,
        reg: undefined,
        localeChosen: false,
      })),

      sayWelcome: emit({ type: 'say', key: 'welcome.text' }),
      askLanguage: emit({ type: 'ask', key: 'language.prompt', choices: LANGUAGE_CHOICES }),
      askCountry: emit({ type: 'ask', key: 'country.prompt', choices: countryChoices }),
      showMenu: emit({ type: 'ask', key: 'menu.prompt', choices: MENU_CHOICES }),
      sayGreeting: emit({ type: 'say', key: 'greeting.text' }),
      sayHelp: emit({ type: 'say', key: 'help.text' }),
      reprompt: emit({ type: 'reprompt' }),
      sayUnsupported: emit(({ event }) => ({
        type: 'say' as const,
        key: `unsupported.${(event as Ev<'user.unsupported'>).kind}`,
      })),
      // One tap opens a hand-off; the officer finds the media in the conversation's transcript.
      offerMediaToStaff: emit(({ event }) => ({
        type: 'ask' as const,
        key: MEDIA_OFFERS[(event as Ev<'user.unsupported'>).kind]!.key,
        choices: [{ id: CHOICE.staff, key: 'media.showOfficer' }, { id: CHOICE.continue, key: 'choices.continue' }],
        transient: true,
      })),
      sayNotUnderstood: emit({ type: 'say', key: 'fallback.notUnderstood' }),
      offerStaffAfterMisses: emit({
        type: 'ask',
        key: 'fallback.offerStaff',
        choices: [{ id: CHOICE.staff, key: 'choices.staff' }, { id: CHOICE.menu, key: 'choices.menu' }],
      }),
      sayChooseFromList: emit({ type: 'say', key: 'fallback.pickFromList' }),
      presentNode: enqueueActions(({ context, enqueue }) => {
        for (const effect of presentNode(context)) enqueue.emit(effect);
      }),
      showArticle: emit(({ context }) => ({ type: 'articles' as const, ids: context.article ? [context.article, ...(context.also ?? [])] : [], ...countryOf(context) })),
      askAfterArticle: emit(({ context }) => ({
        type: 'ask' as const,
        key: 'next.prompt',
        choices: [...registerChoice(context), { id: CHOICE.more, key: 'choices.more' }, ...NEXT_CHOICES],
      })),
      sayUnknown: emit({ type: 'say', key: 'topic.unknown' }),
      askAfterUnknown: emit({
        type: 'ask',
        key: 'next.prompt',
        choices: [{ id: CHOICE.staff, key: 'choices.staff' }, { id: CHOICE.more, key: 'choices.more' }, { id: CHOICE.menu, key: 'choices.menu' }],
      }),
      showEmergencyAnswer: enqueueActions(({ context, enqueue }) => {
        if (context.carried && context.article) enqueue.emit({ type: 'articles', ids: [context.article], ...countryOf(context) });
      }),
      /** The lines that work from anywhere, before the country is known. */
      showGlobalHotlines: emit({ type: 'hotlines' as const, scope: 'all' as const }),
      showHotlines: emit(({ context }) => ({
        type: 'hotlines' as const,
        scope: 'all' as const,
        ...countryOf(context),
        ...(context.slots?.case?.length ? { needs: [...context.slots.case] } : {}),
      })),
      askAfterHotlines: emit({ type: 'ask', key: 'next.prompt', choices: NEXT_CHOICES }),
      requestHandoff: emit(({ context }) => ({
        type: 'handoff' as const,
        reason: 'asked' as const,
        priority: 'normal' as const,
        ...(context.topic ? { topic: context.topic } : {}),
      })),
      sayHandoffRequested: emit({ type: 'say', key: 'handoff.requested' }),
      askAfterHandoffTimeout: emit({
        type: 'ask',
        key: 'handoff.timeout',
        choices: [
          { id: CHOICE.handoffWait, key: 'handoff.wait' },
          { id: CHOICE.handoffCancel, key: 'handoff.cancel' },
        ],
        transient: true,
      }),
      sayLeaveMessage: emit({ type: 'say', key: 'handoff.leaveMessage' }),
      cancelHandoff: emit({ type: 'handoff.cancel' }),
      sayHandoffCancelled: emit({ type: 'say', key: 'handoff.cancelled' }),
      sayHandoffClosed: emit({ type: 'say', key: 'handoff.closed' }),
      askAfterHandoff: emit({ type: 'ask', key: 'handoff.next', choices: [{ id: CHOICE.menu, key: 'choices.menu' }] }),
      answerEmergency: emit(({ context, event }) => ({
        type: 'hotlines' as const,
        scope: 'emergency' as const,
        ...countryOf(context),
        ...(event.type === 'user.emergency' ? { kinds: [...event.kinds] } : {}),
      })),
      raiseEmergencyHandoff: emit(({ context }) => ({
        type: 'handoff' as const,
        reason: 'emergency' as const,
        priority: 'emergency' as const,
        ...(context.topic ? { topic: context.topic } : {}),
      })),
      askAfterEmergency: emit(({ context, event }) => {
        const topic = event.type === 'user.emergency' ? event.nlu.topicIntent : undefined;
        // The rest of the numbers are one tap away, so the reply itself can stay on one screen.
        const choices: ChoiceSpec[] = [{ id: `${TOPIC_PREFIX}hotline`, key: 'emergency.more' }, { id: CHOICE.continue, key: 'choices.continue' }];
        // Answered already: "continue" goes on from the answer, so the topic's button would only repeat it.
        if (isTopic(topic) && topic !== 'hotline' && !(context.carried && context.article)) choices.push({ id: `${TOPIC_PREFIX}${topic}`, key: `menu.${topic}` });
        choices.push({ id: CHOICE.menu, key: 'choices.menu' });
        return { type: 'ask' as const, key: 'emergency.next', choices, transient: true };
      }),
      // "Are you safe right now?": the help lines first, the chat raised for staff, three one-tap answers.
      askIfSafe: emit({
        type: 'ask',
        key: 'safety.prompt',
        choices: [
          { id: CHOICE.safe, key: 'safety.safe' },
          { id: CHOICE.unsafe, key: 'safety.unsafe' },
          { id: CHOICE.staff, key: 'safety.person' },
        ],
        transient: true,
      }),
      sayGladSafe: emit({ type: 'say', key: 'safety.glad' }),
      askEraseConfirmation: emit({
        type: 'ask',
        key: 'privacy.confirm',
        choices: [{ id: CHOICE.eraseYes, key: 'privacy.yes' }, { id: CHOICE.eraseNo, key: 'privacy.no' }],
        transient: true,
      }),
      erase: emit({ type: 'erase' }),
      sayErased: emit({ type: 'say', key: 'privacy.erased' }),
      sayKept: emit({ type: 'say', key: 'privacy.kept' }),
    },
  }).createMachine({
    id: 'root',
    context: ({ input }) => ({
      locale: input.locale,
      country: input.country,
      city: input.city,
      countryAsked: input.country !== undefined,
      trail: [],
      misses: 0,
    }),
    initial: 'fresh',
    on: {
      // Emergency beats everything and leaves the user where they were: the form or question
      // they were in can be resumed with "continue".
      'user.emergency': {
        actions: ['adoptLocale', 'rememberPlace', 'takeEmergencyQuestion', 'answerEmergency', 'raiseEmergencyHandoff', 'showEmergencyAnswer', 'askAfterEmergency'],
      },
      // Unclear danger: asked, not assumed; staff see the chat at once all the same.
      'user.concern': {
        actions: ['adoptLocale', 'rememberPlace', 'answerEmergency', 'raiseEmergencyHandoff', 'askIfSafe'],
      },
      'user.command': [
        { guard: { type: 'isCommand', params: 'menu' }, target: '.menu' },
        { guard: { type: 'isCommand', params: 'back' }, target: '.menu' },
        { guard: { type: 'isCommand', params: 'help' }, actions: ['sayHelp', 'reprompt'] },
        { guard: { type: 'isCommand', params: 'staff' }, target: '.staff' },
        { guard: { type: 'isCommand', params: 'language' }, target: '.language' },
        { guard: { type: 'isCommand', params: 'delete' }, target: '.confirmErase' },
      ],
      'user.unsupported': [
        // A group chat is only told to write privately: its members are not one conversation.
        { guard: 'isGroupChat', actions: 'sayUnsupported' },
        { guard: 'isMediaForStaff', actions: 'offerMediaToStaff' },
        { actions: ['sayUnsupported', 'reprompt'] },
      ],
      // Nobody took the chat in time: the user chooses to leave a message or go back to the bot.
      'handoff.timeout': { actions: 'askAfterHandoffTimeout' },
      'handoff.closed': { target: '.menu', actions: 'sayHandoffClosed' },
      'user.start': [
        { guard: 'hasLocale', target: '.menu', actions: 'sayWelcome' },
        { target: '.welcome' },
      ],
      'user.choice': [
        { guard: { type: 'isChoice', params: CHOICE.menu }, target: '.menu' },
        { guard: { type: 'isChoice', params: CHOICE.staff }, target: '.staff' },
        // After an emergency that came with a question: on from its answer (or its topic), not back to the menu.
        { guard: and([{ type: 'isChoice', params: CHOICE.continue }, 'carriedAnswer']), target: '.answered', actions: 'dropCarried' },
        { guard: and([{ type: 'isChoice', params: CHOICE.continue }, 'carriedTopic']), target: '.routing', actions: 'dropCarried' },
        { guard: { type: 'isChoice', params: CHOICE.continue }, actions: 'reprompt' },
        { guard: { type: 'isChoice', params: CHOICE.safe }, actions: ['sayGladSafe', 'reprompt'] },
        { guard: { type: 'isChoice', params: CHOICE.unsafe }, actions: ['answerEmergency', 'raiseEmergencyHandoff', 'askAfterEmergency'] },
        { guard: { type: 'isChoice', params: CHOICE.handoffWait }, actions: 'sayLeaveMessage' },
        { guard: { type: 'isChoice', params: CHOICE.handoffCancel }, target: '.menu', actions: ['cancelHandoff', 'sayHandoffCancelled'] },
        ...registration.choices,
        { guard: 'isTopicChoice', target: '.routing', actions: 'takeTopicChoice' },
        { guard: 'isLanguageChoice', target: '.menu', actions: 'takeLanguageChoice' },
        { guard: 'isCountryChoice', actions: ['takeCountryChoice', 'reprompt'] },
        // A button from an older message that means nothing here: back to the menu.
        { target: '.menu', actions: 'sayChooseFromList' },
      ],
      'user.text': [
        ...registration.texts,
        { guard: 'isTopicQuestion', target: '.routing', actions: ['adoptLocale', 'rememberPlace', 'takeQuestion'] },
        { guard: 'isFollowUp', target: '.routing', actions: ['adoptLocale', 'rememberPlace', 'takeFollowUp'] },
        { guard: 'asksForStaff', target: '.staff', actions: ['adoptLocale', 'resetMisses'] },
        { guard: 'isGreeting', target: '.menu', actions: ['adoptLocale', 'rememberPlace', 'sayGreeting'] },
        { guard: 'missedTooOften', actions: ['adoptLocale', 'rememberPlace', 'countMiss', 'sayNotUnderstood', 'offerStaffAfterMisses'] },
        { actions: ['adoptLocale', 'rememberPlace', 'countMiss', 'sayNotUnderstood', 'reprompt'] },
      ],
    },
    states: {
      fresh: {
        on: {
          'user.start': [{ guard: 'hasLocale', target: 'welcome' }, { target: 'language' }],
          'user.text': [
            ...registration.texts,
            { guard: 'isTopicQuestion', target: 'routing', actions: ['adoptLocale', 'rememberPlace', 'takeQuestion'] },
            { guard: 'asksForStaff', target: 'staff', actions: ['adoptLocale', 'rememberPlace'] },
            // Anything else as a first message (hello, a sticker's caption, nonsense) starts the welcome.
            { target: 'welcome', actions: ['adoptLocale', 'rememberPlace'] },
          ],
          'user.unsupported': [{ guard: 'isGroupChat', actions: 'sayUnsupported' }, { target: 'welcome', actions: 'sayUnsupported' }],
        },
      },
      language: {
        entry: 'askLanguage',
        on: {
          'user.choice': [
            { guard: 'isLanguageChoice', target: 'welcome', actions: 'takeLanguageChoice' },
          ],
        },
      },
      welcome: {
        entry: 'sayWelcome',
        always: [{ guard: 'knowsCountry', target: 'menu' }, { target: 'country' }],
      },
      country: {
        entry: 'askCountry',
        on: {
          'user.choice': [
            { guard: 'isCountryChoice', target: 'menu', actions: 'takeCountryChoice' },
            { guard: { type: 'isChoice', params: CHOICE.countryOther }, target: 'menu', actions: 'declineCountry' },
          ],
          'user.text': [
            // A question typed instead of a country is answered (the root handles it); a country is taken.
            ...registration.texts,
            { guard: 'isTopicQuestion', target: 'routing', actions: ['adoptLocale', 'rememberPlace', 'takeQuestion', 'declineCountry'] },
            { guard: 'namesCountry', target: 'menu', actions: ['adoptLocale', 'rememberPlace', 'declineCountry'] },
          ],
        },
      },
      menu: {
        entry: ['resetMisses', 'showMenu'],
      },
      /** Decides where a question or a topic choice goes, once its topic (and maybe article) is known. */
      routing: {
        always: [
          { guard: 'wantsHotlinesWithoutCountry', target: 'countryForAnswer' },
          { guard: 'wantsHotlines', target: 'hotlines' },
          { guard: 'hasUnknownArticle', target: 'unknownAnswer' },
          { guard: 'hasArticle', target: 'answer' },
          { guard: 'hasDialogue', target: 'topic' },
          { guard: registration.isTopicWithoutContent, target: 'registration.hub' },
          { target: 'menu', actions: emit({ type: 'say', key: 'topic.unavailable' }) },
        ],
      },
      /** The local numbers depend on the country: the lines that work from anywhere first, then ask it. */
      countryForAnswer: {
        entry: ['showGlobalHotlines', emit({ type: 'ask', key: 'country.promptForLocal', choices: countryChoices })],
        on: {
          'user.choice': [
            { guard: 'isCountryChoice', target: 'routing', actions: 'takeCountryChoice' },
            { guard: { type: 'isChoice', params: CHOICE.countryOther }, target: 'routing', actions: 'declineCountry' },
          ],
          'user.text': [{ guard: 'namesCountry', target: 'routing', actions: ['adoptLocale', 'rememberPlace', 'declineCountry'] }],
        },
      },
      answer: {
        entry: ['showArticle', 'askAfterArticle'],
        on: {
          'user.text': [{ guard: 'asksSameElsewhere', target: 'routing', actions: ['adoptLocale', 'rememberPlace', 'resetMisses'] }],
          'user.choice': [{ guard: { type: 'isChoice', params: CHOICE.more }, target: 'topic', actions: 'clearArticle' }],
        },
      },
      /** What the content does not know is said plainly, with a person offered first. */
      unknownAnswer: {
        entry: ['sayUnknown', 'showArticle', 'askAfterUnknown'],
        on: {
          'user.text': [{ guard: 'asksSameElsewhere', target: 'routing', actions: ['adoptLocale', 'rememberPlace', 'resetMisses'] }],
          'user.choice': [{ guard: { type: 'isChoice', params: CHOICE.more }, target: 'topic', actions: 'clearArticle' }],
        },
      },
      /** The answer was given (after an emergency): what to do next. */
      answered: {
        entry: 'askAfterArticle',
        on: {
          'user.text': [{ guard: 'asksSameElsewhere', target: 'routing', actions: ['adoptLocale', 'rememberPlace', 'resetMisses'] }],
          'user.choice': [{ guard: { type: 'isChoice', params: CHOICE.more }, target: 'topic', actions: 'clearArticle' }],
        },
      },
      hotlines: {
        entry: ['showHotlines', 'askAfterHotlines'],
        on: {
          'user.text': [{ guard: 'asksSameElsewhere', target: 'routing', actions: ['adoptLocale', 'rememberPlace', 'resetMisses'] }],
        },
      },
      topic: {
        entry: ['startTree', 'presentNode'],
        on: {
          'user.choice': [
            { guard: 'isNodeOption', actions: ['advanceNode', 'presentNode'] },
            { guard: { type: 'isChoice', params: CHOICE.more }, actions: ['restartTree', 'presentNode'] },
          ],
          'user.command': [
            {
              guard: and([{ type: 'isCommand', params: 'back' as const }, 'canGoBackInTree']),
              actions: ['stepBackInTree', 'presentNode'],
            },
          ],
        },
      },
      staff: {
        entry: ['requestHandoff', 'sayHandoffRequested', 'askAfterHandoff'],
      },
      registration: registration.state,
      confirmErase: {
        entry: 'askEraseConfirmation',
        on: {
          'user.choice': [
            { guard: { type: 'isChoice', params: CHOICE.eraseYes }, target: 'fresh', actions: ['erase', 'sayErased', 'forgetEverything'] },
            { guard: { type: 'isChoice', params: CHOICE.eraseNo }, target: 'menu', actions: 'sayKept' },
          ],
        },
      },
    },
  });
}

/** What a question brings: its article (and whether it says "not known") and its slots. */
function questionOf(nlu: Ev<'user.text'>['nlu']): Pick<RootContext, 'article' | 'articleUnknown' | 'also' | 'slots'> {
  const also = nlu.article ? nlu.also?.map((a) => a.id) : undefined;
  return { article: nlu.article?.id, articleUnknown: nlu.article?.unknown === true ? true : undefined, also: also?.length ? also : undefined, slots: withPlace(nlu.slots, nlu.country) };
}

function countryOf(ctx: RootContext): { country?: string } {
  return ctx.country ? { country: ctx.country } : {};
}
