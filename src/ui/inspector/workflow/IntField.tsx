// A whole-number field: shows the number, checks as you type, commits a
// number (or undefined when emptied). With `expressions` a `{{...}}` value is
// accepted and committed as text, for IntOrString fields such as retryStrategy.limit.
import {
  intProblem,
  isExpression,
  scalarText,
  toIntOrString,
} from '../../../core/model/fieldChecks';
import { TextField } from '../fields';

interface IntFieldProps {
  label: string;
  /** The Argo field, named in messages: `parallelism`, `ttlStrategy.secondsAfterSuccess`. */
  field: string;
  value: unknown;
  onCommit: (value: number | string | undefined) => void;
  min?: number;
  expressions?: boolean;
  placeholder?: string;
  name?: string;
}

export function IntField({
  label,
  field,
  value,
  onCommit,
  min = 0,
  expressions = false,
  placeholder,
  name,
}: IntFieldProps) {
  const check = (text: string) =>
    !expressions && isExpression(text.trim())
      ? `${field} must be a whole number`
      : intProblem(field, text, min);
  return (
    <TextField
      label={label}
      name={name}
      value={scalarText(value)}
      placeholder={placeholder}
      check={check}
      onCommit={(text) => onCommit(toIntOrString(text))}
    />
  );
}
