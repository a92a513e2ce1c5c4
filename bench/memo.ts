/**
 * Memo benchmark: generating the PDF decision memo (evaluation, five vector charts, font
 * subsetting) for both worked examples in English and Japanese. Targets: ≤ 3 s and ≤ 2 MB.
 */
import { generateMemo } from '../src-main/memo/generate-memo.js';
import { exampleScenario, EXAMPLES } from '../test/support/scenarios.js';

export function benchMemo(): void {
  console.log('Memo: PDF generation per memo (first call, then median of 3; targets ≤ 3 s and ≤ 2 MB)');
  for (const name of EXAMPLES) {
    for (const language of ['en', 'ja'] as const) {
      const request = { scenario: exampleScenario(name, language), benchmark: null, language, date: '2026-11-27', appVersion: 'bench' };
      // The first memo of a process also loads ECharts, pdfkit and the fonts: what the app's first export costs.
      const coldStart = performance.now();
      generateMemo(request);
      const first = performance.now() - coldStart;
      const times: number[] = [];
      let bytes = 0;
      let pages = 0;
      for (let i = 0; i < 3; i++) {
        const start = performance.now();
        const memo = generateMemo(request);
        times.push(performance.now() - start);
        bytes = memo.pdf.byteLength;
        pages = memo.pages;
      }
      times.sort((a, b) => a - b);
      console.log(
        `  ${`${name}.${language}`.padEnd(23)} first ${(first / 1000).toFixed(2)} s   median ${(times[1]! / 1000).toFixed(2)} s   max ${(times[2]! / 1000).toFixed(2)} s   ` +
          `${(bytes / 1024).toFixed(0)} KiB   ${pages} pages`,
      );
    }
  }
}
