// The user's theme as charts see it: the `dark` class on <html> (set before paint by app/layout.tsx),
// re-read when the toggle announces a change or anything else flips the class.
import { useSyncExternalStore } from 'react';
import type { ThemeMode } from './theme';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('rw-theme-change', onChange);
  const observer = new MutationObserver(onChange);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['class'] });
  return () => {
    window.removeEventListener('rw-theme-change', onChange);
    observer.disconnect();
  };
}

const readMode = (): ThemeMode => (document.documentElement.classList.contains('dark') ? 'dark' : 'light');
// Plotly never renders on the server, so the server's answer only shapes the first client pass.
const serverMode = (): ThemeMode => 'light';

export function useThemeMode(): ThemeMode {
  return useSyncExternalStore(subscribe, readMode, serverMode);
}
