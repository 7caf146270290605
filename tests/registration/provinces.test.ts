// content/provinces.yaml as the form reads it: the 34 units of the 2025 reorganisation, every
// former province mapped to exactly one of them, and names found however they are typed.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkProvinces, createProvinceIndex, foldName, loadProvinces } from '../../src/core/content/provinces.ts';

const file = loadProvinces();
const index = createProvinceIndex(file.provinces);

describe('the provinces file', () => {
  it('has 34 units, 6 of them cities, and covers the 63 units before the merger', () => {
    expect(file.provinces).toHaveLength(34);
    expect(file.provinces.filter((p) => p.kind === 'city').map((p) => p.id).sort()).toEqual(['can-tho', 'da-nang', 'ha-noi', 'hai-phong', 'ho-chi-minh', 'hue']);
    const merged = file.provinces.filter((p) => p.id !== 'hue' && p.former.length > 0);
    expect(merged).toHaveLength(23);
    // 23 new units made of 52 former ones, and 11 kept as they were (Huế among them, under its new name).
    const formerCount = merged.reduce((n, p) => n + 1 + p.former.length, 0);
    expect(formerCount).toBe(52);
    expect(file.provinces.length - merged.length).toBe(11);
  });

  it('says where it comes from and that it is not verified against the resolution itself', () => {
    expect(file.source).toMatch(/202\/2025\/QH15/);
    expect(file.verified).toBe(false);
    expect(file.sourceDate).toBe('2025-06-12');
  });

  it('maps every name and alias to one unit only', () => {
    expect(checkProvinces(file.provinces)).toEqual([]);
    const clash = [...file.provinces, { id: 'x', name: 'Hà Giang', kind: 'province' as const, aliases: [], former: [] }];
    expect(checkProvinces(clash).join('\n')).toMatch(/"ha giang" names both "tuyen-quang" and "x"/);
  });

  it('stops start-up naming the problem when the file is broken', () => {
    const dir = mkdtempSync(join(tmpdir(), 'provinces-'));
    writeFileSync(join(dir, 'provinces.yaml'), 'source: x\nreviewed: 2026-02-30\nverified: false\nprovinces: []\n');
    expect(() => loadProvinces(dir)).toThrow(/reviewed|provinces/);
    expect(() => loadProvinces(join(dir, 'none'))).toThrow(/missing/);
  });
});

describe('finding a province as people type it', () => {
  it('with or without diacritics, short forms, and former names', () => {
    const cases: [string, string, string?][] = [
      ['Hà Nội', 'ha-noi'], ['hanoi', 'ha-noi'], ['HN', 'ha-noi'], ['Sài Gòn', 'ho-chi-minh'], ['tp.hcm', 'ho-chi-minh'],
      ['Thừa Thiên Huế', 'hue', 'Thừa Thiên Huế'], ['hai duong', 'hai-phong', 'Hải Dương'], ['Yên Bái', 'lao-cai', 'Yên Bái'],
      ['bac can', 'thai-nguyen', 'Bắc Kạn'], ['hoa binh', 'phu-tho', 'Hòa Bình'], ['Bắc Giang', 'bac-ninh', 'Bắc Giang'],
      ['kon tum', 'quang-ngai', 'Kon Tum'], ['binh dinh', 'gia-lai', 'Bình Định'], ['dak nong', 'lam-dong', 'Đắk Nông'],
      ['phu yen', 'dak-lak', 'Phú Yên'], ['ben tre', 'vinh-long', 'Bến Tre'], ['tien giang', 'dong-thap', 'Tiền Giang'],
      ['bac lieu', 'ca-mau', 'Bạc Liêu'], ['kien giang', 'an-giang', 'Kiên Giang'], ['soc trang', 'can-tho', 'Sóc Trăng'],
      ['long an', 'tay-ninh', 'Long An'], ['binh phuoc', 'dong-nai', 'Bình Phước'], ['quang binh', 'quang-tri', 'Quảng Bình'],
      ['nha trang', 'khanh-hoa'], ['tỉnh Thanh Hoá', 'thanh-hoa'], ['nghean', 'nghe-an'],
    ];
    for (const [text, id, former] of cases) {
      expect(index.find(text), text).toEqual({ kind: 'one', match: former ? { id, former } : { id } });
    }
  });

  it('suggests rather than guesses: a start of a name, a typo, two names in one answer', () => {
    const quang = index.find('quang');
    expect(quang.kind).toBe('some');
    if (quang.kind === 'some') expect(quang.matches.map((m) => m.former ?? m.id)).toEqual(expect.arrayContaining(['quang-ninh', 'quang-tri', 'quang-ngai']));
    expect(index.find('nghe ann')).toEqual({ kind: 'some', matches: [{ id: 'nghe-an' }] });
    const two = index.find('ha tinh hay nghe an');
    expect(two.kind).toBe('some');
    expect(index.find('atlantis')).toEqual({ kind: 'none' });
    expect(index.find('   ')).toEqual({ kind: 'none' });
  });

  it('folds names the same way whatever the input', () => {
    expect(foldName('Bà Rịa – Vũng Tàu')).toBe('ba ria vung tau');
    expect(foldName('ĐẮK LẮK')).toBe('dak lak');
  });
});
