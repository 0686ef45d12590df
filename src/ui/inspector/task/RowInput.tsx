// A labelled input inside a RowGroup; the row commits, not the input. The
// visible label is short ("key"); `name` is the accessible one ("Env 2 key").
import { useId } from 'react';

interface RowInputProps {
  label: string;
  name: string;
  value: string;
  onChange: (value: string) => void;
  placeholder?: string;
  invalid?: boolean;
  list?: string;
  disabled?: boolean;
}

export function RowInput({ label, name, value, onChange, invalid, ...rest }: RowInputProps) {
  const id = useId();
  return (
    <span className="row-input">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        aria-label={name}
        value={value}
        aria-invalid={invalid || undefined}
        onChange={(e) => onChange(e.target.value)}
        {...rest}
      />
    </span>
  );
}
