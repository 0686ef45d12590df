// A shared template changes every task that runs it: offer this task a copy.
import { forkTemplate } from '../../../core/model/templateFields';
import { useChecked } from './useChecked';

interface Props {
  task: string;
  template: string;
  sharedBy: number;
}

export function ForkTemplateNotice({ task, template, sharedBy }: Props) {
  const apply = useChecked();
  return (
    <div className="fork-template" role="note">
      <span>
        Fields marked <span className="section-scope scope-template">template</span> change all{' '}
        {sharedBy} tasks that run {template}.
      </span>
      <button type="button" onClick={() => apply((p) => forkTemplate(p, task))}>
        Make a copy of the template for this task
      </button>
    </div>
  );
}
