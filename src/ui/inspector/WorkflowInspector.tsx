// The inspector with nothing selected: the workflow itself, in collapsible
// sections (inspector/workflow/). The schedule section appears for a
// CronWorkflow, right after the kind that made it appear.
import { useEditor } from '../EditorContext';
import { ArgumentsSection } from './workflow/ArgumentsSection';
import { CronSection } from './workflow/CronSection';
import { ExecutionSection } from './workflow/ExecutionSection';
import { ExitHandlerSection } from './workflow/ExitHandlerSection';
import { GeneralSection } from './workflow/GeneralSection';
import { SchedulingSection } from './workflow/SchedulingSection';
import { VolumesSection } from './workflow/VolumesSection';

export function WorkflowInspector() {
  const isCron = useEditor((s) => s.pipeline.kind === 'CronWorkflow');
  return (
    <div className="inspector-body" data-testid="workflow-inspector">
      <h2>Workflow</h2>
      <GeneralSection />
      {isCron && <CronSection />}
      <ArgumentsSection />
      <ExecutionSection />
      <SchedulingSection />
      <VolumesSection />
      <ExitHandlerSection />
    </div>
  );
}
