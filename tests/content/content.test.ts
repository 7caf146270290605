// The real content/ folder: it loads, it keeps the fact sheet's marks, its answers fit a phone, its
// numbers live only in hotlines.yaml, and no phone number or amount has crept into TypeScript.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HOTLINE_REF, TOPIC_IDS, defaultContentDir, loadContent, sourceText, type Hotline } from '../../src/core/content/index.ts';

const content = loadContent();
const dir = defaultContentDir();
const root = join(dir, '..');
const allHotlines: Hotline[] = [...content.hotlineById.values()];
const fold = (s: string) => s.normalize('NFD').replace(/\p{M}+/gu, '').replace(/đ/gi, 'd');

/** Every text an article shows: its answers and its per-country lines. */
const shownTexts = (id: string): string[] => {
  const a = content.articleById.get(id)!;
  return [a.answer.vi, a.answer.en, ...Object.values(a.byCountry ?? {}).flatMap((l) => [l.vi, l.en])];
};

/** Article ids named by some leaf of some dialogue. */
const leafArticles = new Set([...content.dialogues.values()].flatMap((d) => Object.values(d.nodes).flatMap((n) => n.answer ?? [])));

describe('content/ loads', () => {
  it('has every file, every topic and every dialogue', () => {
    expect(readdirSync(join(dir, 'articles')).sort()).toEqual(['contract-liquidation.yaml', 'return-registration.yaml', 'support-fund.yaml']);
    for (const topic of ['contract_liquidation', 'return_registration', 'support_fund'] as const) {
      expect(content.articles.filter((a) => a.topic === topic).length, topic).toBeGreaterThanOrEqual(8);
      expect(content.dialogues.get(topic)?.id).toBe(topic);
    }
    expect(TOPIC_IDS).toContain('hotline');
    expect(content.missions.length).toBeGreaterThanOrEqual(9);
    expect(content.canned.length).toBeGreaterThanOrEqual(8);
    expect(content.canned.length).toBeLessThanOrEqual(12);
  });
});

describe('articles', () => {
  it('keep the fact sheet marks: exactly these rest on unverified facts', () => {
    const unverified = content.articles.filter((a) => !a.verified).map((a) => a.id).sort();
    expect(unverified).toEqual(
      [
        'fund-deadline', // deadlines and processing times not found
        'fund-death-missing', // the 34/2025 amount is not found
        'fund-legal-costs', // the 34/2025 amounts are not found
        'fund-rules', // whether 34/2025 keeps "paid in full, once per contract"
        'sample-contract-example', // one company's contract, not law
      ].sort(),
    );
  });

  it('cite the current Fund decision whenever they cite the old one', () => {
    for (const a of content.articles) {
      const text = [sourceText(a.source, 'vi'), sourceText(a.source, 'en'), ...shownTexts(a.id)].join(' ');
      if (text.includes('40/2021')) expect(text, a.id).toContain('34/2025');
    }
  });

  it('never send people to the Ministry of Labour as if it still ran the Fund', () => {
    for (const a of content.articles) {
      for (const t of shownTexts(a.id)) {
        if (/Bộ Lao động – Thương binh|Ministry of Labour/.test(t)) expect(t, a.id).toMatch(/không còn|no longer/);
      }
    }
  });

  it('have a source and a review date in both languages', () => {
    for (const a of content.articles) {
      expect(sourceText(a.source, 'vi').length, a.id).toBeGreaterThan(5);
      expect(sourceText(a.source, 'en').length, a.id).toBeGreaterThan(5);
      expect(['2026-11-25', '2026-12-01', '2026-12-02', '2026-12-03'], a.id).toContain(a.reviewed);
      // The source's own date, told apart from the review: a 2018 page is not news because it was checked last week.
      expect(a.sourceDate === 'undated' || a.sourceDate <= a.reviewed, a.id).toBe(true);
    }
  });

  it('fit a phone screen: answers under 600 characters, country lines under 250', () => {
    for (const a of content.articles) {
      for (const l of ['vi', 'en'] as const) {
        expect(a.answer[l].length, `${a.id} ${l}`).toBeLessThanOrEqual(600);
        for (const [code, lines] of Object.entries(a.byCountry ?? {})) expect(lines[l].length, `${a.id} ${code} ${l}`).toBeLessThanOrEqual(250);
      }
    }
  });

  it('are written in Vietnamese with diacritics', () => {
    for (const a of content.articles) {
      expect(fold(a.answer.vi), a.id).not.toBe(a.answer.vi);
      expect(fold(a.title.vi) === a.title.vi && /[a-z]{4}/.test(a.title.vi), a.id).toBe(false);
    }
  });

  it('are found by many phrasings: with and without diacritics, and in English', () => {
    for (const a of content.articles) {
      expect(a.questions.vi.length, a.id).toBeGreaterThanOrEqual(6);
      expect(a.questions.en.length, a.id).toBeGreaterThanOrEqual(2);
      expect(a.questions.vi.some((q) => fold(q) !== q), `${a.id}: a question with diacritics`).toBe(true);
      expect(a.questions.vi.some((q) => fold(q) === q), `${a.id}: a question without diacritics`).toBe(true);
      // English questions are English, Vietnamese ones are not English.
      for (const q of a.questions.en) expect(fold(q), `${a.id}: "${q}"`).toBe(q);
    }
  });

  it('no two articles answer the very same question', () => {
    const seen = new Map<string, string>();
    for (const a of content.articles) {
      for (const q of [...a.questions.vi, ...a.questions.en]) {
        const key = fold(q.toLowerCase()).replace(/[^a-z0-9]+/g, ' ').trim();
        const other = seen.get(key);
        expect(other === undefined || other === a.id, `"${q}" is in ${other} and ${a.id}`).toBe(true);
        seen.set(key, a.id);
      }
    }
  });

  it('each is reached from a dialogue leaf, or by a question at least', () => {
    for (const a of content.articles) {
      if (leafArticles.has(a.id)) continue;
      // Reached only through search: it must then be well covered by questions.
      expect(a.questions.vi.length + a.questions.en.length, a.id).toBeGreaterThanOrEqual(8);
    }
    // Most of the knowledge base is reachable by buttons alone.
    expect(leafArticles.size / content.articles.length).toBeGreaterThan(0.75);
  });

  it('write numbers only as {{hotline:ID}}, never the digits themselves', () => {
    const numbers = allHotlines.flatMap((h) => [h.phone, h.local, h.email].filter((x): x is string => !!x));
    for (const a of content.articles) {
      for (const t of shownTexts(a.id)) {
        const plain = t.replace(HOTLINE_REF, '');
        for (const n of numbers) {
          const digits = n.replace(/[^0-9a-z@.#]/gi, '');
          const pattern = new RegExp(`(^|[^0-9])${digits.replace(/[.#+]/g, '\\$&')}($|[^0-9])`);
          expect(pattern.test(plain.replace(/[\s-]/g, '')) && !/^\d{1,3}$/.test(digits), `${a.id} writes ${n}`).toBe(false);
        }
        expect(plain, a.id).not.toMatch(/\+\d{6,}/);
      }
    }
  });
});

describe('hotlines', () => {
  it('store numbers as E.164 or as dialled locally, each with a source', () => {
    for (const h of allHotlines) {
      if (h.phone) expect(h.phone, h.id).toMatch(/^\+[1-9]\d{6,14}$/);
      expect(h.source.length, h.id).toBeGreaterThan(3);
    }
  });

  it('match the fact sheet for the numbers people rely on most', () => {
    const n = (id: string) => content.hotlineById.get(id);
    expect(n('mofa-citizen-protection')).toMatchObject({ phone: '+84981848484', verified: true });
    expect(n('vn-anti-trafficking')).toMatchObject({ local: '111', verified: true });
    expect(n('tw-1955')).toMatchObject({ local: '1955', verified: true });
    expect(n('tw-veco-protection')).toMatchObject({ phone: '+886988579362', sourceDate: '2019-01-01', verified: true });
    expect(n('jp-osaka-protection')).toMatchObject({ phone: '+819047696789', mission: 'jp-osaka' });
    expect(n('jp-fukuoka-weekend')).toMatchObject({ phone: '+818042797302', mission: 'jp-fukuoka' });
    expect(n('jp-otit')).toMatchObject({ local: '0120-250-168' });
    expect(n('kr-hrd-counselling')).toMatchObject({ local: '1577-0071' });
    expect(n('kr-labour-board')).toMatchObject({ phone: '+821032486886', sourceDate: '2020-01-01' });
    expect(n('ae-embassy-hotline')).toMatchObject({ phone: '+971501299789', mission: 'ae-abu-dhabi' });
  });

  it('leave out what the fact sheet could not confirm rather than guess', () => {
    const phones = allHotlines.map((h) => h.phone);
    // MOFA's old switchboard; the Korean embassy's two disputed numbers.
    for (const p of ['+84462844844', '+821063156618', '+821036226618']) expect(phones).not.toContain(p);
  });

  it('carry the December 2026 audit: confirmed emergency numbers verified, the rest marked, each with its source date', () => {
    const n = (id: string) => content.hotlineById.get(id);
    for (const id of ['tw-police', 'my-emergency', 'sa-emergency', 'sa-police', 'ro-emergency', 'ae-police']) expect(n(id)?.verified, id).toBe(true);
    expect(n('sa-emergency')).toMatchObject({ local: '911' });
    expect(n('sa-police')).toMatchObject({ local: '999' });
    expect(n('mofa-citizen-protection')).toMatchObject({ sourceDate: '2025-12-11', verified: true });
    expect(n('mofa-citizen-protection-2')).toMatchObject({ phone: '+84965411118', sourceDate: '2025-12-11', verified: true });
    // Japanese-only, and the foreign-language line only from blogs.
    expect(n('jp-labour-conditions')?.label.en).toContain('Japanese');
    expect(n('jp-labour-conditions-foreign')).toMatchObject({ local: '0120-558-815', verified: false });
    expect(n('jp-fresc')?.hours?.en).toContain('charged');
    expect(n('jp-otit')?.hours?.en).not.toMatch(/\d/);
    for (const h of allHotlines) expect(h.sourceDate === 'undated' || /^\d{4}-\d{2}-\d{2}$/.test(h.sourceDate), h.id).toBe(true);
  });

  it('lead each offered country’s emergency with its own lines: 1955 in Taiwan, OTIT in Japan, 1345 and 1577-0071 in Korea', () => {
    const urgent = (c: string) => content.hotlines.countries[c]?.urgent ?? [];
    for (const c of content.countries.filter((x) => x.offered)) expect(urgent(c.code).length, c.code).toBeGreaterThanOrEqual(1);
    expect(urgent('TW')).toContain('tw-1955');
    expect(urgent('JP')).toContain('jp-otit');
    expect(urgent('KR')).toEqual(expect.arrayContaining(['kr-1345', 'kr-hrd-counselling']));
  });

  it('give every mission-run line a mission that covers its country', () => {
    for (const [code, book] of Object.entries(content.hotlines.countries)) {
      for (const h of book.mission.filter((x) => x.mission)) {
        const m = content.missions.find((x) => x.id === h.mission)!;
        expect([m.country, ...m.alsoCovers], h.id).toContain(code);
      }
    }
  });
});

describe('dialogues', () => {
  /** Every path from the start to a leaf, as the options chosen. */
  function paths(topic: string): { leaf: string; options: string[] }[] {
    const d = content.dialogues.get(topic)!;
    const out: { leaf: string; options: string[] }[] = [];
    const walk = (id: string, options: string[]) => {
      const node = d.nodes[id]!;
      if (node.answer) out.push({ leaf: id, options });
      for (const o of node.options ?? []) walk(o.next, [...options, o.id]);
    };
    walk(d.start, []);
    return out;
  }

  it('reach an answer within four choices (five messages with the topic)', () => {
    for (const topic of content.dialogues.keys()) {
      for (const p of paths(topic)) expect(p.options.length, `${topic} → ${p.leaf}`).toBeLessThanOrEqual(4);
    }
  });

  it('have short labels that fit a Messenger quick reply', () => {
    for (const d of content.dialogues.values()) {
      for (const n of Object.values(d.nodes)) {
        for (const o of n.options ?? []) for (const l of ['vi', 'en'] as const) expect(o.label[l].length, `${d.id} ${o.id} ${l}`).toBeLessThanOrEqual(20);
      }
    }
  });

  it('offer a person where someone may be hurt, and raise an emergency where they are not safe', () => {
    const liq = content.dialogues.get('contract_liquidation')!.nodes;
    expect(liq['mistreated']).toMatchObject({ offerStaff: true });
    expect(liq['harassed']).toMatchObject({ offerStaff: true });
    expect(liq['not-safe']).toMatchObject({ offerStaff: true, emergency: true });
    const ret = content.dialogues.get('return_registration')!.nodes;
    expect(ret['urgent']).toMatchObject({ offerStaff: true });
    expect(ret['kept-valid']).toMatchObject({ offerStaff: true });
  });
});

describe('canned replies for staff', () => {
  it('are in both languages, with numbers only from hotlines.yaml', () => {
    const raw = readFileSync(join(dir, 'canned.yaml'), 'utf8');
    // The file itself writes no number: only references.
    expect(raw).not.toMatch(/\+\d{6,}|\b\d{3,4}-\d{3,4}\b/);
    const known = new Set(allHotlines.flatMap((h) => [h.phone, h.local, h.email].filter(Boolean)));
    for (const c of content.canned) {
      for (const l of ['vi', 'en'] as const) {
        expect(c.text[l], c.id).not.toContain('{{');
        for (const m of c.text[l].matchAll(/\+\d{7,15}|[\w.]+@[\w.]+\w/g)) expect(known.has(m[0]), `${c.id}: ${m[0]}`).toBe(true);
      }
      expect(fold(c.text.vi), c.id).not.toBe(c.text.vi);
    }
    expect(content.canned.find((c) => c.id === 'call-24-7-now')?.text.vi).toContain('+84981848484');
  });
});

describe('TypeScript holds no facts', () => {
  const tsFiles = ['src', 'flows'].flatMap((d) =>
    readdirSync(join(root, d), { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.ts'))
      .map((f) => join(root, d, f)),
  );
  const hotlineNumbers = allHotlines.flatMap((h) => [h.phone, h.local].filter((x): x is string => !!x)).filter((n) => n.replace(/\D/g, '').length >= 4);

  it('finds the files it scans', () => {
    expect(tsFiles.length).toBeGreaterThan(20);
  });

  const patterns: [string, RegExp][] = [
    ['an international phone number', /\+\d{1,3}(?:[\s-]?\d){7,}/],
    ['a Vietnamese mobile number', /\b0\d{2,3}[\s.]?\d{3}[\s.]?\d{3,4}\b/],
    ['an amount in đồng', /\d[\d.,]*\s*(?:triệu|trieu|nghìn|nghin|đồng|VND|VNĐ)(?![\p{L}])/iu],
    ['a money word', /(?<![\p{L}])(?:triệu|VND|VNĐ)(?![\p{L}])/u],
    ['a Taiwanese, Japanese or Korean hotline', /\b(?:1955|0120-\d{3}-\d{3}|0570-\d{6}|1577-0071|1644-8000)\b/],
  ];

  it('the scan catches what it looks for', () => {
    for (const sample of ['+84 981 84 84 84', 'tel: +84981848484', '0981 848 484', '10–30 triệu', '100.000 VND', 'gọi 1955', '0120-250-168', '150.000 đồng']) {
      expect(patterns.some(([, re]) => re.test(sample)), sample).toBe(true);
    }
    for (const innocent of ['port 6379', 'timeoutMs: 30_000', '127.0.0.1', "'2026-11-25'", 'const x = a + 1234']) {
      expect(patterns.some(([, re]) => re.test(innocent)), innocent).toBe(false);
    }
  });

  it('no phone number, hotline or amount in any .ts under src/ or flows/', () => {
    const found: string[] = [];
    for (const file of tsFiles) {
      const text = readFileSync(file, 'utf8');
      for (const [what, re] of patterns) {
        const m = re.exec(text);
        if (m) found.push(`${relative(root, file)}: ${what} "${m[0]}"`);
      }
      for (const n of hotlineNumbers) {
        const whole = new RegExp(`(?<![\\d+])${n.replace(/[+#*]/g, '\\$&')}(?!\\d)`);
        if (whole.test(text)) found.push(`${relative(root, file)}: hotline number ${n}`);
      }
    }
    expect(found).toEqual([]);
  });
});
