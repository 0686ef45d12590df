// Loads the step picker (and cmdk) the first time it is asked for: it is not
// needed at first paint, and the entry chunk has a budget.
import { lazy, Suspense } from 'react';
import { useEditor } from '../EditorContext';

const StepPicker = lazy(() => import('./StepPicker').then((m) => ({ default: m.StepPicker })));

export function QuickAdd() {
  const open = useEditor((s) => s.picker !== undefined);
  return open ? (
    <Suspense fallback={null}>
      <StepPicker />
    </Suspense>
  ) : null;
}
