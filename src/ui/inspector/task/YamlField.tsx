// A template field edited as YAML (tolerations, volumes, affinity): checked
// as you type, written on blur only when it parses to the right shape.
import { templateFieldProblems } from '../../../core/model/shapeChecks';
import { setTemplateYamlField } from '../../../core/model/templateFields';
import type { Template } from '../../../core/model/types';
import { parseYamlAs, toYamlText, type YamlShape } from '../../../core/model/yamlFragment';
import { TextField } from '../fields';
import { useChecked } from './useChecked';

interface YamlFieldProps {
  label: string;
  template: Template;
  field: string;
  shape: YamlShape;
  placeholder?: string;
}

function problem(text: string, field: string, shape: YamlShape): string | undefined {
  const parsed = parseYamlAs(text, field, shape);
  const d = parsed.diagnostics[0];
  if (d) return d.line !== undefined ? `${d.message} (line ${d.line})` : d.message;
  return parsed.value === undefined ? undefined : templateFieldProblems(field, parsed.value)[0];
}

export function YamlField({ label, template, field, shape, placeholder }: YamlFieldProps) {
  const apply = useChecked();
  return (
    <TextField
      label={label}
      name={`yaml-${field}`}
      multiline
      value={toYamlText(template[field])}
      placeholder={placeholder}
      check={(v) => problem(v, field, shape)}
      onCommit={(v) => apply((p) => setTemplateYamlField(p, template.name, field, v, shape))}
    />
  );
}
