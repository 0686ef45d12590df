// Above the canvas: where the canvas is (a breadcrumb from the workflow down
// to the template shown, Back-able), what kind of template it shows, the exit
// handler and hooks as links that open their templates, and the change of
// shape the template allows (steps to DAG, wrap a leaf in a DAG).
import { useState } from 'react';
import { entrypoint } from '../../core/model/pipeline';
import { scopeTemplate, scopeType } from '../../core/model/scope';
import { workflowSpec } from '../../core/model/spec';
import { handlerCalls } from '../../core/model/templateGraph';
import { breadcrumb } from '../../store/scopeSlice';
import { useEditor, useEditorStore } from '../EditorContext';
import { ConvertDialog } from '../lazyPanels';

export function ScopeBar() {
  const store = useEditorStore();
  const pipeline = useEditor((s) => s.pipeline);
  const path = useEditor((s) => s.scopePath);
  const [converting, setConverting] = useState(false);
  const crumbs = breadcrumb(pipeline, path);
  const type = scopeType(pipeline);
  const template = scopeTemplate(pipeline);
  if (!template) return null;
  const isEntry = entrypoint(pipeline) === template.name;
  const handlers = [
    ...(isEntry || crumbs.length <= 1 ? handlerCalls(workflowSpec(pipeline)) : []),
    ...handlerCalls(template),
  ];
  return (
    <div className="scope-bar" data-testid="scope-bar">
      <nav aria-label="Templates opened" className="breadcrumb">
        <ol>
          <li>
            <span className="muted">Workflow</span>
          </li>
          {crumbs.map((c, i) => (
            <li key={`${i}:${c.template}`}>
              {i === crumbs.length - 1 ? (
                <span aria-current="page" data-testid="scope-current">
                  {c.template}
                </span>
              ) : (
                <button
                  type="button"
                  className="link"
                  onClick={() => store.getState().goToScope(i)}
                >
                  {c.template}
                </button>
              )}
            </li>
          ))}
        </ol>
      </nav>
      <span className={`scope-type scope-type-${type}`}>{type}</span>
      {handlers.map((h) => (
        <button
          key={`${h.name}:${h.template}`}
          type="button"
          className="handler-link"
          title={`Open ${h.template}`}
          onClick={() => store.getState().showScope(h.template)}
        >
          {h.name === 'onExit' ? 'on exit' : h.name.replace('hooks.', 'hook ')} → {h.template}
        </button>
      ))}
      {type === 'steps' && (
        <button type="button" onClick={() => setConverting(true)}>
          Convert to DAG…
        </button>
      )}
      {type !== 'steps' && type !== 'dag' && (
        <button type="button" onClick={() => store.getState().wrapInDag()}>
          Wrap in a DAG
        </button>
      )}
      {converting && <ConvertDialog onClose={() => setConverting(false)} />}
    </div>
  );
}
