// A small dialogue fixture for the machine tests: the machine must work with any well-formed tree.
import type { FlowDeps } from '../../flows/index.ts';
import type { Understanding } from '../../src/core/effects.ts';

export const fixtureDeps: FlowDeps = {
  dialogues: new Map([
    [
      'contract_liquidation',
      {
        id: 'contract_liquidation',
        start: 'ended',
        nodes: {
          ended: {
            ask: { vi: 'Hợp đồng kết thúc thế nào?', en: 'How did it end?' },
            options: [
              { id: 'term', label: { vi: 'Hết hạn', en: 'At term' }, next: 'at_term', when: ['ended=term'] },
              { id: 'early', label: { vi: 'Về trước hạn', en: 'Early' }, next: 'why', when: ['ended=early', 'case=closed', 'case=abuse'] },
            ],
          },
          why: {
            ask: { vi: 'Vì sao?', en: 'Why?' },
            options: [
              { id: 'closed', label: { vi: 'Chủ phá sản', en: 'Employer closed' }, next: 'closed', when: ['case=closed'] },
              { id: 'abuse', label: { vi: 'Bị ngược đãi', en: 'Abuse' }, next: 'abuse', when: ['case=abuse'] },
            ],
          },
          at_term: { answer: ['liq-at-term'] },
          closed: { answer: ['liq-closed'] },
          abuse: { answer: ['liq-abuse'], offerStaff: true },
        },
      },
    ],
  ]),
  countryChoices: [
    { code: 'JP', label: { vi: 'Nhật Bản', en: 'Japan' } },
    { code: 'TW', label: { vi: 'Đài Loan', en: 'Taiwan' } },
  ],
};

export function understood(over: Partial<Understanding> = {}): Understanding {
  return { intent: 'out_of_scope', confidence: 0, locale: 'vi', ...over };
}
