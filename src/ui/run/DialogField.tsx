// A labelled text input of a modal dialog. Unlike the inspector's TextField it
// is controlled: every key reaches `onChange`, and the dialog applies what was
// typed when it is submitted.
import type { ReactNode } from 'react';

interface DialogFieldProps {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  name?: string;
  placeholder?: string;
  type?: 'text' | 'password';
  autoComplete?: string;
  autoFocus?: boolean;
  /** Shown under the input: a hint, a checkbox. */
  children?: ReactNode;
}

export function DialogField({ id, label, value, onChange, children, ...input }: DialogFieldProps) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} {...input} value={value} onChange={(e) => onChange(e.target.value)} />
      {children}
    </div>
  );
}
