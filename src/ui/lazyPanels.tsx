// Panels that the empty editor does not need for its first paint, each in a
// chunk of its own so the entry stays small (issue 11: entry ≤ 200 kB
// gzipped). Each renders nothing until its chunk has arrived; the names and
// props are those of the panels themselves.
import { lazy, Suspense, type ComponentProps, type ComponentType } from 'react';

function deferred<P extends object>(
  load: () => Promise<ComponentType<P>>,
): (props: P) => React.JSX.Element {
  const Lazy = lazy(async () => ({ default: await load() }));
  return function Deferred(props: P) {
    return (
      <Suspense fallback={null}>
        <Lazy {...(props as P & React.JSX.IntrinsicAttributes)} />
      </Suspense>
    );
  };
}

export const Inspector = deferred(async () => (await import('./inspector/Inspector')).Inspector);
export const RunPanel = deferred(async () => (await import('./run/RunPanel')).RunPanel);
export const RunsPanel = deferred(async () => (await import('./run/RunsPanel')).RunsPanel);
export const CompareView = deferred(async () => (await import('./run/CompareView')).CompareView);
export const SubmitForm = deferred<ComponentProps<typeof import('./run/SubmitForm').SubmitForm>>(
  async () => (await import('./run/SubmitForm')).SubmitForm,
);
export const ConnectionDialog = deferred<
  ComponentProps<typeof import('./run/ConnectionDialog').ConnectionDialog>
>(async () => (await import('./run/ConnectionDialog')).ConnectionDialog);
export const OpenRunDialog = deferred<
  ComponentProps<typeof import('./run/OpenRunDialog').OpenRunDialog>
>(async () => (await import('./run/OpenRunDialog')).OpenRunDialog);
export const ConfigSourceDialog = deferred<
  ComponentProps<typeof import('./palette/ConfigSourceDialog').ConfigSourceDialog>
>(async () => (await import('./palette/ConfigSourceDialog')).ConfigSourceDialog);
export const ConvertDialog = deferred<
  ComponentProps<typeof import('./canvas/ConvertDialog').ConvertDialog>
>(async () => (await import('./canvas/ConvertDialog')).ConvertDialog);
export const TemplateRunForm = deferred(
  async () => (await import('./run/TemplateRunForm')).TemplateRunForm,
);
export const LibrarySection = deferred<
  ComponentProps<typeof import('./palette/LibrarySection').LibrarySection>
>(async () => (await import('./palette/LibrarySection')).LibrarySection);
export const StorageBanner = deferred(
  async () => (await import('./storage/StorageBanner')).StorageBanner,
);
