// Light or dark: follows the OS until the user picks one.
import { useEffect, useState } from 'react';

type Theme = 'light' | 'dark';

export function useTheme(): [Theme, () => void] {
  const query =
    typeof window !== 'undefined' && window.matchMedia
      ? window.matchMedia('(prefers-color-scheme: dark)')
      : undefined;
  const [system, setSystem] = useState<Theme>(query?.matches ? 'dark' : 'light');
  const [chosen, setChosen] = useState<Theme | undefined>();
  useEffect(() => {
    if (!query) return;
    const onChange = (e: MediaQueryListEvent) => setSystem(e.matches ? 'dark' : 'light');
    query.addEventListener('change', onChange);
    return () => query.removeEventListener('change', onChange);
  }, [query]);
  const theme = chosen ?? system;
  return [theme, () => setChosen(theme === 'dark' ? 'light' : 'dark')];
}
