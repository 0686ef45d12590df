// Form fields that keep what the user types locally and commit on blur or
// Enter, so the document (and its history) changes once per edit, not per key.
// `check` validates as you type and blocks committing an invalid value.
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';

interface FieldProps {
  label: string;
  value: string;
  onCommit: (value: string) => void;
  check?: (value: string) => string | undefined;
  placeholder?: string;
  hint?: ReactNode;
  /** Focus this field when the value changes (problems list -> field). */
  focusKey?: number;
  multiline?: boolean;
  name?: string;
  /** Offered while typing (a datalist): e.g. the references in scope. */
  suggestions?: readonly string[];
  /** Told what is typed, before it is committed (live previews such as cron run times). */
  onDraft?: (draft: string) => void;
}

export function TextField({
  suggestions,
  label,
  value,
  onCommit,
  check,
  placeholder,
  hint,
  focusKey,
  multiline,
  name,
  onDraft,
}: FieldProps) {
  const id = useId();
  const [draft, setDraft] = useState(value);
  const [shown, setShown] = useState(value);
  const ref = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  // The document changed underneath (undo, rename, YAML edit): show its value.
  if (value !== shown) {
    setShown(value);
    setDraft(value);
  }
  useEffect(() => {
    if (focusKey) ref.current?.focus();
  }, [focusKey]);
  const problem = check?.(draft);
  const commit = () => {
    if (draft !== value && !problem) onCommit(draft);
  };
  const common = {
    id,
    ref,
    name,
    value: draft,
    placeholder,
    'aria-invalid': problem ? true : undefined,
    'aria-describedby': problem ? `${id}-error` : undefined,
    onChange: (e: { target: { value: string } }) => {
      setDraft(e.target.value);
      onDraft?.(e.target.value);
    },
    onBlur: commit,
  };
  return (
    <div className={`field${problem ? ' invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {multiline ? (
        <textarea {...common} rows={Math.min(8, Math.max(2, draft.split('\n').length + 1))} />
      ) : (
        <input
          {...common}
          list={suggestions && suggestions.length > 0 ? `${id}-suggestions` : undefined}
          onKeyDown={(e) => {
            if (e.key === 'Enter') commit();
            if (e.key === 'Escape') {
              setDraft(value);
              onDraft?.(value);
            }
          }}
        />
      )}
      {suggestions && suggestions.length > 0 && (
        <datalist id={`${id}-suggestions`}>
          {suggestions.map((option) => (
            <option key={option} value={option} />
          ))}
        </datalist>
      )}
      {problem && (
        <div className="field-error" id={`${id}-error`} role="alert">
          {problem}
        </div>
      )}
      {hint && !problem && <div className="field-hint">{hint}</div>}
    </div>
  );
}

/** One item a line <-> a list of strings. */
export const linesToList = (text: string): string[] =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
export const listToLines = (list: unknown): string =>
  Array.isArray(list) ? list.map(String).join('\n') : '';

/**
 * `KEY=value` lines <-> a record. Built from entries: `out[key] = v` would
 * set the prototype for a `__proto__` key instead of keeping it.
 */
export function linesToRecord(text: string): Record<string, string> {
  const entries: [string, string][] = [];
  for (const line of linesToList(text)) {
    const at = line.indexOf('=');
    if (at > 0) entries.push([line.slice(0, at).trim(), line.slice(at + 1).trim()]);
  }
  return Object.fromEntries(entries);
}
export const recordToLines = (record: unknown): string =>
  record && typeof record === 'object'
    ? Object.entries(record as Record<string, unknown>)
        .map(([k, v]) => `${k}=${String(v)}`)
        .join('\n')
    : '';

/** Why `KEY=value` lines are malformed, or undefined. */
export function checkRecordLines(text: string): string | undefined {
  const bad = linesToList(text).find((line) => line.indexOf('=') <= 0);
  return bad ? `'${bad}' is not KEY=value` : undefined;
}
