// The interface strings as the server fills them: the 24/7 line's number comes from content.
import { PROTECTION_LINE, hotlineNumber, loadContent } from '../../src/core/content/index.ts';
import type { Translate } from '../../src/core/translate.ts';
import { createTranslate } from '../../src/i18n/index.ts';

export function serverTranslate(): Promise<Translate> {
  const protection = loadContent().hotlineById.get(PROTECTION_LINE)!;
  return createTranslate({ defaults: { retentionDays: 30, protectionLine: hotlineNumber(protection) } });
}
