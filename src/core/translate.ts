// The engine and the adapters see translation as a function; i18next is wired in src/i18n and
// injected, so src/core never imports it.
import type { Locale } from './messages.ts';

export type Translate = (locale: Locale, key: string, vars?: Record<string, unknown>) => string;
