// The ports of a task's template: inputs and outputs (parameters and
// artifacts). Renaming an output rewrites every reference to it; wiring
// happens on the canvas by dragging an output port onto an input port.
import { useState } from 'react';
import { renameOutput, templatePorts, type Port } from '../../core/model/dataFlow';
import { addPort, removePort, type PortSpec } from '../../core/model/ports';
import type { Template } from '../../core/model/types';
import { useEditorStore } from '../EditorContext';
import { TextField } from './fields';

export function PortsSection({ template }: { template: Template }) {
  const store = useEditorStore();
  const ports = templatePorts(template);
  const [draft, setDraft] = useState<PortSpec>({ direction: 'out', kind: 'parameter', name: '' });
  const [problem, setProblem] = useState<string>();
  const apply = store.getState().apply;

  const rename = (port: Port, to: string) => {
    if (port.kind === 'result') return;
    const { pipeline, diagnostics } = renameOutput(
      store.getState().pipeline,
      template.name,
      port.kind,
      port.name,
      to,
    );
    if (diagnostics.length > 0) setProblem(diagnostics[0]!.message);
    else apply(() => pipeline);
  };
  const add = () => {
    const { pipeline, diagnostics } = addPort(store.getState().pipeline, template.name, draft);
    if (diagnostics.length > 0) return setProblem(diagnostics[0]!.message);
    setProblem(undefined);
    apply(() => pipeline);
    setDraft({ ...draft, name: '' });
  };
  const row = (port: Port) => (
    <li key={`${port.direction}:${port.kind}:${port.name}`} className="port-row">
      <span className={`port-kind port-${port.kind}`}>{port.kind}</span>
      {port.direction === 'out' && port.kind !== 'result' ? (
        <TextField
          label=""
          name={`port-${port.name}`}
          value={port.name}
          check={(v) => (/^[-a-zA-Z0-9_]+$/.test(v) ? undefined : 'letters, digits, - and _ only')}
          onCommit={(v) => rename(port, v)}
        />
      ) : (
        <span>{port.name}</span>
      )}
      {port.kind !== 'result' && (
        <button
          type="button"
          aria-label={`Remove ${port.name}`}
          onClick={() =>
            apply((p) =>
              removePort(p, template.name, {
                ...port,
                kind: port.kind as 'parameter' | 'artifact',
              }),
            )
          }
        >
          ×
        </button>
      )}
    </li>
  );
  return (
    <details className="section" open>
      <summary>Inputs and outputs</summary>
      <h4>Inputs</h4>
      <ul className="port-list">{ports.inputs.map(row)}</ul>
      <h4>Outputs</h4>
      <ul className="port-list">{ports.outputs.map(row)}</ul>
      <div className="port-add">
        <select
          aria-label="Port direction"
          value={draft.direction}
          onChange={(e) =>
            setDraft({ ...draft, direction: e.target.value as PortSpec['direction'] })
          }
        >
          <option value="in">input</option>
          <option value="out">output</option>
        </select>
        <select
          aria-label="Port kind"
          value={draft.kind}
          onChange={(e) => setDraft({ ...draft, kind: e.target.value as PortSpec['kind'] })}
        >
          <option value="parameter">parameter</option>
          <option value="artifact">artifact</option>
        </select>
        <input
          aria-label="Port name"
          placeholder="name"
          value={draft.name}
          onChange={(e) => setDraft({ ...draft, name: e.target.value })}
        />
        <input
          aria-label="Port path"
          placeholder={`/tmp/${draft.name || 'name'}`}
          value={draft.path ?? ''}
          onChange={(e) => setDraft({ ...draft, path: e.target.value })}
        />
        <button type="button" onClick={add}>
          Add
        </button>
      </div>
      {problem && (
        <div className="field-error" role="alert">
          {problem}
        </div>
      )}
    </details>
  );
}
