// axe-core run inside a page the browser tests opened. The engine is evaluated through the
// debugging protocol rather than added as a <script>, so the console's CSP (which would refuse an
// inline script) stays exactly as users get it.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export interface Violation {
  id: string;
  impact: 'minor' | 'moderate' | 'serious' | 'critical' | null;
  help: string;
  nodes: string[];
}

/** Every violation axe finds on the page as it is now (WCAG 2 A/AA and best practices). */
export async function axeViolations(page: Page): Promise<Violation[]> {
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document, opts: object): Promise<{ violations: { id: string; impact: Violation['impact']; help: string; nodes: { target: unknown[] }[] }[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')) }));
  });
}

/** The violations a page must not have: serious and critical ones, and the moderate ones named here. */
export function blocking(violations: readonly Violation[], alsoModerate: readonly string[] = []): Violation[] {
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical' || alsoModerate.includes(v.id));
}

/** "id (impact) ×nodes" lines, for a failing assertion to show what is wrong and where. */
export function summary(violations: readonly Violation[]): string[] {
  return violations.map((v) => `${v.id} (${v.impact}) ×${v.nodes.length}: ${v.nodes.slice(0, 3).join(', ')}`);
}
