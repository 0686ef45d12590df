// Environment variables of the template's container: a value, a key of a
// Secret (secretKeyRef) or a key of a ConfigMap (configMapKeyRef).
import { useState } from 'react';
import { envRows } from '../../../core/model/containerFields';
import type { Template } from '../../../core/model/types';
import { EnvVarRow } from './EnvVarRow';
import { Section } from './Section';

export function EnvSection({ template }: { template: Template }) {
  const [adding, setAdding] = useState(false);
  const rows = envRows(template);
  return (
    <Section title="Env" scope="template" open={rows.length > 0}>
      {rows.map((row, i) => (
        <EnvVarRow key={i} index={i} template={template.name} row={row} />
      ))}
      {adding ? (
        <EnvVarRow
          index={rows.length}
          template={template.name}
          row={{ name: '', source: { kind: 'value', value: '' } }}
          isNew
          onDone={() => setAdding(false)}
        />
      ) : (
        <button type="button" onClick={() => setAdding(true)}>
          Add variable
        </button>
      )}
    </Section>
  );
}
