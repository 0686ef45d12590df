// Asks which document of a multi-document file to open.
import type { Pipeline } from '../../core/model/types';
import type { DocumentChoice } from '../useDocumentActions';
import { scopeTasks } from '../../core/model/scope';

export function DocumentChooser({
  choice,
  onChoose,
}: {
  choice: DocumentChoice;
  onChoose(p: Pipeline | undefined): void;
}) {
  return (
    <div className="modal-backdrop">
      <div className="modal" role="dialog" aria-label="Choose a document">
        <h2>
          {choice.fileName} holds {choice.pipelines.length} workflows
        </h2>
        <ul className="choice-list">
          {choice.pipelines.map((p, i) => (
            <li key={i}>
              <button type="button" onClick={() => onChoose(p)}>
                {p.kind} {String(p.metadata.name ?? p.metadata.generateName ?? `#${i + 1}`)} (
                {scopeTasks(p).length} tasks)
              </button>
            </li>
          ))}
        </ul>
        <button type="button" onClick={() => onChoose(undefined)}>
          Cancel
        </button>
      </div>
    </div>
  );
}
