/**
 * Checks a page of the built renderer as a reader meets it: nothing runs off the right edge, no
 * scenario path or untranslated key reaches the screen, no English word appears on a Japanese page,
 * and an element lies inside the first viewport. Used by the end-to-end tests that walk the pages.
 */
import type { Locator, Page } from 'playwright-core';

/** A scenario path such as baseline.trainingData.value, as zod or a log would print it. */
export const FIELD_PATH = /\b(baseline|deployment|training|engineering|pruning|uncertainty|sparsity|family|decision|data)\.[a-zA-Z]+/;

/** A translation key that found no text, e.g. memo.inputName.devicePrice. */
export const I18N_KEY = /\b(memo2?|result|decision|ui|ux|fleet|glossary|ownModel|published)\.[a-zA-Z-]+(\.[a-zA-Z-]+)?/;

/** Words of the English screens that must never appear on a Japanese one. */
export const ENGLISH_ONLY = [
  'Continue', 'Back', 'Change', 'Measuring', 'Enter a number', 'must be', 'greater than', 'at most', 'at least',
  'Provider', 'provider', 'Upper bound', 'upper bound', 'Details', 'Choose File', 'No file chosen', 'Choose a file',
  'unreliable', 'measured', 'assumed', 'App default', 'Your input', 'Worked example', 'Assumption', 'requests',
  'per day', 'utilisation', 'Utilisation', 'Sparsity', 'Speed-up', 'speed-up', 'Hardware check', 'There is a problem',
  'Scenario', 'parameters', 'images', 'tokens', 'months', 'Recommendation', 'Not now', 'Go, with', 'Savings',
  'Export', 'Save', 'Base case', 'Median', 'median', 'Range', 'Payback', 'payback', 'Confidence', 'Likelihood',
  'Keep today', 'Smaller dense', 'Pilot first', 'Side by side', 'Not evaluated', 'base case', 'probability',
];

/** Elements whose right edge passes the viewport and that no scrolling or clipping ancestor contains. */
export async function overflowing(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const found: string[] = [];
    if (document.documentElement.scrollWidth > width + 1) found.push(`document scrolls sideways: ${document.documentElement.scrollWidth} > ${width}`);
    for (const element of Array.from(document.body.querySelectorAll<HTMLElement>('*'))) {
      const box = element.getBoundingClientRect();
      if (box.width === 0 || box.right <= width + 1) continue;
      let clipped = false;
      for (let up = element.parentElement; up && up !== document.body; up = up.parentElement) {
        const style = getComputedStyle(up);
        if (style.overflowX !== 'visible' && up.getBoundingClientRect().right <= width + 1) {
          clipped = true;
          break;
        }
      }
      if (!clipped) found.push(`${element.tagName.toLowerCase()}.${element.className} right=${Math.round(box.right)}: ${(element.textContent ?? '').slice(0, 40)}`);
    }
    return found;
  });
}

/** Every text node of the page, hidden ones included (an English word in a closed panel still leaks). */
export async function textNodes(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const texts: string[] = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.trim();
      if (text && node.parentElement?.tagName !== 'SCRIPT' && node.parentElement?.tagName !== 'STYLE') texts.push(text);
    }
    return texts;
  });
}

/** Texts of the page that hold an English-only word (for a Japanese page). */
export function englishIn(texts: readonly string[]): string[] {
  return texts.filter((t) => ENGLISH_ONLY.some((word) => new RegExp(`\\b${word}\\b`).test(t)));
}

/** Where an element lies against the first viewport, the page scrolled to its top: null when it is fully inside. */
export async function outsideFirstViewport(locator: Locator): Promise<string | null> {
  const page = locator.page();
  await page.evaluate(() => window.scrollTo(0, 0));
  const box = await locator.boundingBox();
  const viewport = page.viewportSize()!;
  if (!box) return 'not rendered';
  if (box.y < 0 || box.x < 0 || box.y + box.height > viewport.height + 0.5 || box.x + box.width > viewport.width + 0.5) {
    return `box ${Math.round(box.x)},${Math.round(box.y)} ${Math.round(box.width)}×${Math.round(box.height)} in ${viewport.width}×${viewport.height}`;
  }
  return null;
}
