// The common node-affinity case: label requirements a node must meet
// (the first required node selector term). Other affinity goes in the YAML below.
import { useState } from 'react';
import {
  nodeAffinityRequirements,
  setNodeAffinity,
  type NodeRequirement,
} from '../../../core/model/affinity';
import type { Template } from '../../../core/model/types';
import { NodeRequirementRow } from './NodeRequirementRow';
import { useChecked } from './useChecked';

export function NodeAffinityForm({ template }: { template: Template }) {
  const apply = useChecked();
  const [adding, setAdding] = useState(false);
  const rows = nodeAffinityRequirements(template);
  const write = (next: NodeRequirement[]) => apply((p) => setNodeAffinity(p, template.name, next));
  return (
    <fieldset>
      <legend>Node affinity: nodes must have</legend>
      {rows.map((row, i) => (
        <NodeRequirementRow
          key={i}
          index={i}
          value={row}
          onCommit={(r) => write(rows.map((x, j) => (j === i ? r : x)))}
          onRemove={() => write(rows.filter((_, j) => j !== i))}
        />
      ))}
      {adding ? (
        <NodeRequirementRow
          index={rows.length}
          value={{ key: '', operator: 'In', values: [] }}
          onCommit={(r) => {
            const diagnostics = write([...rows, r]);
            if (diagnostics.length === 0) setAdding(false);
            return diagnostics;
          }}
          onRemove={() => setAdding(false)}
        />
      ) : (
        <button type="button" onClick={() => setAdding(true)}>
          Add requirement
        </button>
      )}
    </fieldset>
  );
}
