// Scripted conversations through the real engine, then the figures read back: the counts are
// right, filters by country and mission hold, and small cells never show below 5.
import { describe, expect, it } from 'vitest';
import { MemoryStore } from '../../src/store/memory.ts';
import { readReport, reportCsv, shown, type Report } from '../../src/stats/index.ts';
import { choice, start, testEngine, text } from '../helpers/engine.ts';
import { ManualClock } from '../handoff/fixtures.ts';
import type { Staff } from '../../src/handoff/model.ts';

const NOW = Date.UTC(2026, 10, 25, 2, 0); // Wednesday, office hours in Tokyo and Taipei

function cell(report: Report, metric: string, value: string): number {
  return report.tables.find((t) => t.metric === metric)?.rows.find((r) => r.value === value)?.total ?? 0;
}

async function onboard(e: Awaited<ReturnType<typeof testEngine>>, user: string, country: string) {
  await e.say(user, start);
  await e.say(user, choice('lang_vi'));
  await e.say(user, choice(`country_${country}`));
}

describe('statistics from conversations', () => {
  it('counts questions per topic, hand-offs with their wait, and emergencies, by country and mission', async () => {
    const clock = new ManualClock(NOW);
    const store = new MemoryStore(clock);
    const e = await testEngine(store, { clock });
    try {
      for (let i = 0; i < 6; i++) {
        await onboard(e, `tw${i}`, 'TW');
        await e.say(`tw${i}`, choice('topic_hotline'));
      }
      for (let i = 0; i < 2; i++) {
        await onboard(e, `jp${i}`, 'JP');
        await e.say(`jp${i}`, choice('topic_hotline'));
        await e.say(`jp${i}`, choice('staff'));
      }
      await e.say('jp0', text('cứu tôi, tôi bị đánh'));
      clock.advance(10 * 60_000);
      const [open] = await e.handoff.list(['jp-tokyo']);
      const officer: Staff = { id: 'lan', name: 'Chị Lan', role: 'agent', missions: ['jp-tokyo'] };
      await e.handoff.claim(open!.id, officer);
      await e.handoff.close(open!.id, officer, 'referred');

      await e.stats.flush();
      const all = await readReport(store, { from: NOW, to: clock.now(), granularity: 'month' });
      expect(all.periods).toEqual(['2026-11']);
      expect(cell(all, 'question', 'hotline')).toBe(8);
      expect(cell(all, 'handoff', 'asked')).toBe(2);
      expect(cell(all, 'handoff_wait', '5to30m')).toBe(1);
      expect(cell(all, 'handoff_outcome', 'referred')).toBe(1);
      expect(cell(all, 'handoff_outcome', 'answered')).toBe(0);
      expect(cell(all, 'emergency', 'violence') + cell(all, 'emergency', 'danger')).toBeGreaterThanOrEqual(1);

      const taiwan = await readReport(store, { from: NOW, to: clock.now(), granularity: 'week', country: 'TW' });
      expect(taiwan.periods).toEqual(['2026-W48']);
      expect(cell(taiwan, 'question', 'hotline')).toBe(6);
      expect(cell(taiwan, 'handoff', 'asked')).toBe(0);
      const tokyo = await readReport(store, { from: NOW, to: clock.now(), granularity: 'month', missions: ['jp-tokyo'] });
      expect(cell(tokyo, 'question', 'hotline')).toBe(2);
      expect(cell(tokyo, 'handoff', 'asked')).toBe(2);

      // Erasing a user's data leaves the anonymous figures as they were.
      await e.say('tw0', text('xoa du lieu'));
      await e.say('tw0', choice('erase_yes'));
      await e.stats.flush();
      expect(cell(await readReport(store, { from: NOW, to: clock.now(), granularity: 'month' }), 'question', 'hotline')).toBe(8);
    } finally {
      await e.close();
    }
  });

  it('counts registrations by reason, mode, timing, sector, sex and each special situation', async () => {
    const clock = new ManualClock(NOW);
    const store = new MemoryStore(clock);
    const e = await testEngine(store, { clock });
    try {
      const base = { at: NOW, country: 'TW', mission: 'tw-taipei', sex: 'female', sector: 'domestic_work' } as const;
      for (let i = 0; i < 5; i++) await e.stats.registration({ ...base, reason: 'employer_closed', mode: 'involuntary', timing: 'early', special: ['pregnant', 'with_children'] });
      await e.stats.registration({ ...base, reason: 'contract_ended', mode: 'voluntary', timing: 'on_time', special: [], sex: undefined });
      await e.stats.flush();
      const r = await readReport(store, { from: NOW, to: NOW, granularity: 'month' });
      expect(cell(r, 'registration', 'employer_closed')).toBe(5);
      expect(cell(r, 'registration_mode', 'involuntary')).toBe(5);
      expect(cell(r, 'registration_timing', 'on_time')).toBe(1);
      expect(cell(r, 'registration_special', 'pregnant')).toBe(5);
      expect(cell(r, 'registration_special', 'with_children')).toBe(5);
      expect(cell(r, 'registration_special', 'none')).toBe(1);
      expect(cell(r, 'registration_sex', 'female')).toBe(5);
      expect(cell(r, 'registration_sex', 'not_given')).toBe(1);
      expect(cell(r, 'registration_sector', 'domestic_work')).toBe(6);
    } finally {
      await e.close();
    }
  });
});

describe('small cells', () => {
  it('shows every count under 5 as "<5"', () => {
    expect([0, 1, 4, 5, 12].map(shown)).toEqual(['<5', '<5', '<5', '5', '12']);
  });

  it('exports CSV as UTF-8 with a BOM, small cells suppressed, labels quoted safely', () => {
    const report: Report = {
      periods: ['2026-10', '2026-11'],
      tables: [
        {
          metric: 'question',
          dimension: 'topic',
          periods: ['2026-10', '2026-11'],
          rows: [
            { value: 'hotline', counts: [3, 9], total: 12 },
            { value: 'support_fund', counts: [1, 2], total: 3 },
          ],
        },
      ],
    };
    const csv = reportCsv(report, (_m, v) => (v === 'hotline' ? 'Đường dây nóng, khẩn' : '=cmd'));
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const lines = csv.slice(1).trimEnd().split('\r\n');
    expect(lines).toEqual([
      'metric,value,2026-10,2026-11,total',
      'question,"Đường dây nóng, khẩn",<5,9,12',
      "question,'=cmd,<5,<5,<5",
    ]);
    expect(Buffer.from(csv, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });
});

describe('writing counts', () => {
  it('sums counts in memory and writes them in one batch, keeping them when the store is away', async () => {
    const { StatsRecorder } = await import('../../src/stats/index.ts');
    const store = new MemoryStore();
    let failing = true;
    const writes: string[] = [];
    const flaky = Object.assign(Object.create(store) as MemoryStore, {
      countersAdd: async (bucket: string, inc: Record<string, number>) => {
        writes.push(bucket);
        if (failing) throw new Error('ECONNREFUSED');
        return store.countersAdd(bucket, inc);
      },
    });
    const rec = new StatsRecorder(
      { store: flaky, clock: { now: () => NOW }, log: { debug() {}, info() {}, warn() {}, error() {} }, topicOf: () => 'hotline', missionOf: () => 'tw-taipei' },
      60_000,
    );
    for (let i = 0; i < 7; i++) await rec.turn({ at: NOW, channel: 'test', country: 'TW', effects: [{ type: 'hotlines', scope: 'all' }], emergencyKinds: [] });
    await rec.flush();
    expect(writes).toEqual(['stats:2026-W48', 'stats:2026-11']);
    failing = false;
    await rec.close();
    const r = await readReport(store, { from: NOW, to: NOW, granularity: 'week' });
    expect(cell(r, 'question', 'hotline')).toBe(7);
    expect(writes).toHaveLength(4);
  });
});
