// A labelled select inside a RowGroup; the row commits, not the select.
import { useId } from 'react';

interface RowSelectProps {
  label: string;
  name: string;
  value: string;
  options: readonly (readonly [value: string, text: string])[];
  onChange: (value: string) => void;
}

export function RowSelect({ label, name, value, options, onChange }: RowSelectProps) {
  const id = useId();
  return (
    <span className="row-input">
      <label htmlFor={id}>{label}</label>
      <select id={id} aria-label={name} value={value} onChange={(e) => onChange(e.target.value)}>
        {options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
    </span>
  );
}
