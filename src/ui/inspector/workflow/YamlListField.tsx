// A list field edited as YAML (tolerations, volumes, artifacts): parsed with
// the core's guarded loader, checked to be a list whose items pass
// `itemCheck`, committed as objects. Empty text removes the field.
import { parseYamlAs, toYamlText, yamlProblem } from '../../../core/model/yamlFragment';
import { TextField } from '../fields';

interface YamlListFieldProps {
  label: string;
  /** The Argo field, named in messages. */
  field: string;
  value: unknown;
  onCommit: (list: unknown[] | undefined) => void;
  /** Why one item is wrong, or undefined. */
  itemCheck?: (item: unknown) => string | undefined;
  placeholder?: string;
  name?: string;
}

export function YamlListField({
  label,
  field,
  value,
  onCommit,
  itemCheck,
  placeholder,
  name,
}: YamlListFieldProps) {
  const parse = (text: string) => parseYamlAs(text, field, 'list').value as unknown[] | undefined;
  const check = (text: string) => {
    const problem = yamlProblem(text, field, 'list');
    if (problem || !itemCheck) return problem;
    for (const [i, item] of (parse(text) ?? []).entries()) {
      const itemProblem = itemCheck(item);
      if (itemProblem) return `${field}[${i}]: ${itemProblem}`;
    }
    return undefined;
  };
  return (
    <TextField
      label={label}
      name={name}
      multiline
      value={toYamlText(value)}
      placeholder={placeholder}
      check={check}
      onCommit={(text) => onCommit(parse(text))}
    />
  );
}
