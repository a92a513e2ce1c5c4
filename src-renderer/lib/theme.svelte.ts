/** Light or dark: the OS preference on first run, then the user's choice. */
const STORAGE_KEY = 'sparsity-advisor.theme';

class Theme {
  current = $state<'light' | 'dark'>('light');

  start(): void {
    let saved: string | null = null;
    try {
      saved = localStorage.getItem(STORAGE_KEY);
    } catch {
      saved = null;
    }
    const prefersDark = typeof matchMedia !== 'undefined' && matchMedia('(prefers-color-scheme: dark)').matches;
    this.set(saved === 'light' || saved === 'dark' ? saved : prefersDark ? 'dark' : 'light');
  }

  set(value: 'light' | 'dark'): void {
    this.current = value;
    try {
      localStorage.setItem(STORAGE_KEY, value);
    } catch {
      // Storage may be unavailable; the choice then lasts for this session.
    }
    if (typeof document !== 'undefined') document.documentElement.dataset.theme = value;
  }
}

export const theme = new Theme();
