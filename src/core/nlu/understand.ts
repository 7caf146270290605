// PROVISIONAL: a first keyword classifier so the engine runs end to end; replaced by the real NLU.
import MiniSearch from 'minisearch';
import type { NluOutput } from '../conversation.ts';
import type { Article, Country } from '../content/index.ts';
import type { Locale } from '../messages.ts';
import { foldDiacritics, normalize } from './normalize.ts';

export interface NluDeps {
  articles: readonly Article[];
  countries: readonly Country[];
}

export interface Nlu {
  understand(text: string): NluOutput;
}

const INTENT_WORDS: [string, RegExp][] = [
  ['emergency', /\b(cuu toi|bi danh|nguy hiem|help me|danger|bi nhot|quay roi|tu tu)\b/],
  ['handoff', /\b(can bo|noi chuyen voi nguoi|tu van truc tiep|officer|human|person)\b/],
  ['hotline', /\b(so dien thoai|duong day nong|hotline|phone|lien he|goi)\b/],
  ['support_fund', /\b(quy|fund|ho tro)\b/],
  ['return_registration', /\b(ve nuoc|ve viet nam|ho chieu|passport|go home|thong hanh)\b/],
  ['contract_liquidation', /\b(thanh ly|hop dong|ky quy|deposit|contract|luong)\b/],
  ['greeting', /^(chao|xin chao|hi|hello|good morning)\b/],
];

export function detectLanguage(text: string): Locale {
  if (foldDiacritics(text) !== text) return 'vi';
  return /\b(the|my|i|is|how|what|where|want|need|can|number|help)\b/i.test(text) ? 'en' : 'vi';
}

export function createNlu(deps: NluDeps): Nlu {
  const search = new MiniSearch<{ id: string; text: string }>({ fields: ['text'], storeFields: ['id'] });
  search.addAll(deps.articles.map((a) => ({ id: a.id, text: normalize([...a.questions.vi, ...a.questions.en].join(' ')) })));
  return {
    understand(text) {
      const n = normalize(text);
      const hit = INTENT_WORDS.find(([, re]) => re.test(n));
      const intent = hit?.[0] ?? 'out_of_scope';
      const country = deps.countries.find((c) => c.aliases.some((a) => ` ${n} `.includes(` ${normalize(a)} `)))?.code;
      const out: NluOutput = { intent, confidence: hit ? 0.8 : 0, emergency: intent === 'emergency' ? ['danger'] : [] };
      if (country) out.country = country;
      return out;
    },
  };
}
