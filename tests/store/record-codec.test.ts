import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ChoiceSpec } from '../../src/core/effects.ts';
import type { ConversationRecord } from '../../src/core/ports.ts';
import { decodeRecord, encodeRecord } from '../../src/store/record-codec.ts';

const countries: ChoiceSpec[] = [
  { id: 'country_JP', label: { vi: 'Nhật Bản', en: 'Japan' } },
  { id: 'country_KR', label: { vi: 'Hàn Quốc', en: 'South Korea' } },
  { id: 'country_other', key: 'country.other' },
];

function asked(locale: 'vi' | 'en'): ConversationRecord {
  return {
    flowVersion: 1,
    snapshot: { value: 'country', context: { locale } },
    locale,
    pending: [
      { id: 'country_JP', label: locale === 'vi' ? 'Nhật Bản' : 'Japan' },
      { id: 'country_KR', label: locale === 'vi' ? 'Hàn Quốc' : 'South Korea' },
      { id: 'country_other', label: locale === 'vi' ? 'Nước khác' : 'Another country' },
    ],
    lastAsk: { type: 'ask', key: 'country.prompt', choices: countries },
    lastUserAt: 1000,
    lastUserMessageId: 'tg:1',
    updatedAt: 1000,
  };
}

describe('the stored conversation record', () => {
  it('keeps the last question’s choices once: a pending choice it labels the same is stored as its id', () => {
    const record = asked('vi');
    const stored = JSON.parse(encodeRecord(record)) as { p: unknown[] };
    expect(stored.p).toEqual(['country_JP', 'country_KR', { id: 'country_other', label: 'Nước khác' }]);
    expect(encodeRecord(record).length).toBeLessThan(JSON.stringify(record).length);
    expect(decodeRecord(encodeRecord(record))).toEqual(record);
  });

  it('keeps a pending label whole when the last question says otherwise (another language, another text)', () => {
    const record = { ...asked('en'), pending: [{ id: 'country_JP', label: 'Nhật Bản' }, { id: 'country_KR', label: 'Korea' }] };
    expect((JSON.parse(encodeRecord(record)) as { p: unknown[] }).p).toEqual(record.pending);
    expect(decodeRecord(encodeRecord(record))).toEqual(record);
  });

  it('reads a record written whole, before this form, as it was', () => {
    const record = asked('vi');
    expect(decodeRecord(JSON.stringify(record))).toEqual(record);
    const { lastAsk: _none, ...bare } = record;
    expect(decodeRecord(JSON.stringify(bare))).toEqual(bare);
  });

  it('reads a record as the version before wrote it (long names, pending choices by id)', () => {
    const record = { ...asked('vi'), country: 'JP', city: 'osaka' };
    const before = JSON.stringify({ ...record, pending: ['country_JP', 'country_KR', { id: 'country_other', label: 'Nước khác' }] });
    expect(decodeRecord(before)).toEqual(record);
    // Today's form says the same in fewer bytes.
    expect(decodeRecord(encodeRecord(record))).toEqual(record);
    expect(encodeRecord(record).length).toBeLessThan(before.length - 60);
  });

  it('gives back exactly the record written, whatever its choices and question', () => {
    const locale = fc.constantFrom<'vi' | 'en'>('vi', 'en');
    const id = fc.constantFrom('a', 'b', 'c', 'd', 'e f');
    const spec: fc.Arbitrary<ChoiceSpec> = fc.oneof(
      fc.record({ id, label: fc.record({ vi: fc.string({ minLength: 1 }), en: fc.string({ minLength: 1 }) }) }),
      fc.record({ id, key: fc.string() }),
    );
    fc.assert(
      fc.property(
        fc.option(locale, { nil: undefined }),
        fc.option(fc.array(spec, { maxLength: 5 }), { nil: undefined }),
        fc.array(fc.record({ id, label: fc.string({ minLength: 1 }) }), { maxLength: 5 }),
        fc.option(fc.integer({ min: 0, max: 5 }), { nil: undefined }),
        fc.boolean(),
        (loc, choices, pending, lastUserAt, transient) => {
          // Labels copied from the question, as rendering does, and others of their own.
          const fromAsk = (choices ?? []).flatMap((c) => ('label' in c && loc ? [{ id: c.id, label: c.label[loc] }] : []));
          const record: ConversationRecord = {
            flowVersion: 1,
            snapshot: { value: 'menu', context: {} },
            ...(loc ? { locale: loc } : {}),
            pending: [...fromAsk, ...pending],
            ...(choices ? { lastAsk: { type: 'ask' as const, choices, ...(transient ? { transient } : {}) } } : {}),
            ...(lastUserAt !== undefined ? { lastUserAt, lastUserMessageId: 'tg:9' } : {}),
            updatedAt: 5,
          };
          expect(decodeRecord(encodeRecord(record))).toEqual(record);
        },
      ),
    );
  });
});
