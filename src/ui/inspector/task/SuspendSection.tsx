// A suspend step: wait for a duration, or until someone resumes the workflow.
import { durationProblem, scalarText } from '../../../core/model/fieldChecks';
import { setSuspendDuration } from '../../../core/model/templateFields';
import { isObject, type Template } from '../../../core/model/types';
import { TextField } from '../fields';
import { Section } from './Section';
import { useChecked } from './useChecked';

export function SuspendSection({ template }: { template: Template }) {
  const apply = useChecked();
  const suspend = isObject(template.suspend) ? template.suspend : {};
  return (
    <Section title="Suspend" scope="template" open>
      <TextField
        label="Suspend duration"
        name="suspend-duration"
        value={scalarText(suspend.duration)}
        placeholder="until resumed"
        check={(v) => durationProblem('suspend.duration', v, true)}
        hint="Seconds (60) or a duration (10m); empty waits until resumed."
        onCommit={(v) => apply((p) => setSuspendDuration(p, template.name, v))}
      />
    </Section>
  );
}
