// A broken content/ folder must stop start-up with the file, the path inside it and what is wrong.
// Each case copies the real folder to a temporary one, breaks one thing, and reads the error.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { ContentError, defaultContentDir, loadContent } from '../../src/core/content/index.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function copy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'content-'));
  dirs.push(dir);
  cpSync(defaultContentDir(), dir, { recursive: true });
  return dir;
}

/** Parses a YAML file of the copy, lets the test change it, writes it back. */
function edit(dir: string, file: string, change: (data: any) => void): void {
  const path = join(dir, file);
  const data = parse(readFileSync(path, 'utf8'));
  change(data);
  writeFileSync(path, stringify(data));
}

function problemsOf(dir: string): string[] {
  try {
    loadContent(dir);
  } catch (err) {
    expect(err).toBeInstanceOf(ContentError);
    return (err as ContentError).problems;
  }
  throw new Error('the broken content loaded without an error');
}

describe('a broken content folder is refused, naming the file, the path and the reason', () => {
  it('the untouched copy loads (so every failure below comes from the one change)', () => {
    expect(loadContent(copy()).articles.length).toBeGreaterThan(30);
  });

  it('bad YAML', () => {
    const dir = copy();
    writeFileSync(join(dir, 'articles/support-fund.yaml'), '- id: fund-overview\n  topic: [support_fund\n');
    const [problem] = problemsOf(dir);
    expect(problem).toMatch(/^articles\/support-fund\.yaml: /);
    expect(problem).toMatch(/flow sequence|Missing|expected|end/i);
  });

  it('an article without a source', () => {
    const dir = copy();
    edit(dir, 'articles/support-fund.yaml', (arts) => {
      delete arts.find((a: { id: string }) => a.id === 'fund-retraining').source;
    });
    const problems = problemsOf(dir);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^articles\/support-fund\.yaml at \[\d+\]\.source \(id: fund-retraining\): /);
  });

  it('a review date that is not a real day', () => {
    const dir = copy();
    edit(dir, 'articles/return-registration.yaml', (arts) => {
      arts[0].reviewed = '2026-02-30';
    });
    expect(problemsOf(dir)).toEqual([expect.stringMatching(/^articles\/return-registration\.yaml at \[0\]\.reviewed \(id: return-register\): not a real date/)]);
  });

  it('a phone number that is not E.164', () => {
    const dir = copy();
    edit(dir, 'hotlines.yaml', (h) => {
      h.global[0].phone = '+84 981 84 84 84';
    });
    expect(problemsOf(dir)).toEqual([expect.stringMatching(/^hotlines\.yaml at global\[0\]\.phone: an E\.164 number/)]);
  });

  it('a local number with letters in it', () => {
    const dir = copy();
    edit(dir, 'hotlines.yaml', (h) => {
      h.countries.TW.labour[0].local = 'call 1955';
    });
    expect(problemsOf(dir)).toEqual([expect.stringMatching(/^hotlines\.yaml at countries\.TW\.labour\[0\]\.local: digits as dialled locally/)]);
  });

  it('a dialogue option that leads nowhere', () => {
    const dir = copy();
    edit(dir, 'dialogues/contract-liquidation.yaml', (d) => {
      d.nodes.why.options[1].next = 'nowhere';
    });
    const problems = problemsOf(dir);
    expect(problems).toContain('dialogues/contract-liquidation.yaml: nodes.why: option "abuse" leads to "nowhere", which does not exist');
    // The branch it used to lead to is now unreachable, and that is reported too.
    expect(problems).toContain('dialogues/contract-liquidation.yaml: nodes.abuse: no option leads here');
  });

  it('a leaf naming an article that does not exist', () => {
    const dir = copy();
    edit(dir, 'dialogues/support-fund.yaml', (d) => {
      d.nodes.accident.answer = ['fund-accident-illness', 'fund-no-such-article'];
    });
    expect(problemsOf(dir)).toEqual([
      'dialogues/support-fund.yaml: nodes.accident: answer names article "fund-no-such-article", which no articles/*.yaml defines',
    ]);
  });

  it('a node that both asks and answers', () => {
    const dir = copy();
    edit(dir, 'dialogues/return-registration.yaml', (d) => {
      d.nodes.where.answer = ['return-register'];
    });
    expect(problemsOf(dir)).toEqual([expect.stringMatching(/^dialogues\/return-registration\.yaml at nodes\.where: a node either asks \(options\) or answers \(answer\)/)]);
  });

  it('an emergency mark on a question', () => {
    const dir = copy();
    edit(dir, 'dialogues/contract-liquidation.yaml', (d) => {
      d.nodes.abuse.emergency = true;
    });
    expect(problemsOf(dir)).toEqual([expect.stringMatching(/^dialogues\/contract-liquidation\.yaml at nodes\.abuse: only an answer node can be an emergency/)]);
  });

  it('two options whose labels read the same without diacritics', () => {
    const dir = copy();
    edit(dir, 'dialogues/return-registration.yaml', (d) => {
      d.nodes.where.options[1].label.vi = 'CÒN Ở NƯỚC NGOÀI!';
    });
    expect(problemsOf(dir)).toEqual(['dialogues/return-registration.yaml: nodes.where: options "abroad" and "home" have the same vi label']);
  });

  it('an answer that refers to an unknown hotline', () => {
    const dir = copy();
    edit(dir, 'articles/return-registration.yaml', (arts) => {
      const a = arts.find((x: { id: string }) => x.id === 'passport-lost');
      a.answer.vi += ' Gọi {{hotline:mofa-second-line}}.';
    });
    expect(problemsOf(dir)).toEqual([
      'articles/return-registration.yaml: article "passport-lost" refers to hotline "mofa-second-line", which hotlines.yaml does not list',
    ]);
  });

  it('a canned reply that refers to an unknown hotline', () => {
    const dir = copy();
    edit(dir, 'canned.yaml', (replies) => {
      replies[2].text.en = 'Call {{hotline:dolab}} now.';
    });
    expect(problemsOf(dir)).toEqual([
      'canned.yaml at [2].text.en (id: call-24-7-now): refers to hotline "dolab", which hotlines.yaml does not list',
    ]);
  });

  it('country lines for a country the bot does not know', () => {
    const dir = copy();
    edit(dir, 'articles/contract-liquidation.yaml', (arts) => {
      arts[0].byCountry.XX = { vi: 'x', en: 'x' };
    });
    expect(problemsOf(dir)).toEqual([
      'articles/contract-liquidation.yaml: article "liquidation-steps" has lines for XX, which countries.yaml does not list',
    ]);
  });

  it('the same article id in two files', () => {
    const dir = copy();
    edit(dir, 'articles/support-fund.yaml', (arts) => {
      arts[0].id = 'deposit-refund';
    });
    expect(problemsOf(dir)).toContain('articles/support-fund.yaml: article "deposit-refund" is also in articles/contract-liquidation.yaml');
  });

  it('a hotline naming a mission that does not exist', () => {
    const dir = copy();
    edit(dir, 'hotlines.yaml', (h) => {
      h.countries.JP.mission[0].mission = 'jp-sapporo';
    });
    expect(problemsOf(dir)).toEqual(['hotlines.yaml: hotline "jp-embassy-protection" names mission "jp-sapporo", which missions.yaml does not list']);
  });

  it('reports every problem at once, not only the first', () => {
    const dir = copy();
    edit(dir, 'hotlines.yaml', (h) => {
      h.global[0].phone = '0981848484';
    });
    edit(dir, 'dialogues/support-fund.yaml', (d) => {
      d.nodes.case.options[0].next = 'gone';
    });
    const problems = problemsOf(dir);
    expect(problems.some((p) => p.startsWith('hotlines.yaml at global[0].phone'))).toBe(true);
    expect(problems.some((p) => p.startsWith('dialogues/support-fund.yaml: nodes.case: option "accident" leads to "gone"'))).toBe(true);
    // The message of the error lists them all, one per line, for the start-up log.
    try {
      loadContent(dir);
    } catch (err) {
      for (const p of problems) expect((err as Error).message).toContain(p);
    }
  });
});
