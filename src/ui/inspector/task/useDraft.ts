// Local edits of a row (several inputs committed together): the draft follows
// the document whenever the document's value changes (undo, another editor).
import { useState } from 'react';

export function useDraft<T>(value: T): [T, (next: T) => void] {
  const key = JSON.stringify(value);
  const [state, setState] = useState({ key, draft: value });
  if (state.key !== key) {
    setState({ key, draft: value });
    return [value, (draft) => setState({ key, draft })];
  }
  return [state.draft, (draft) => setState({ key, draft })];
}
