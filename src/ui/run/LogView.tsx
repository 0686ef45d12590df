// A task's logs, streamed from the Argo Server; follows while the task runs.
// The parent keys it by task, pod and running state, so each stream starts on a fresh view.
import { useEffect, useState } from 'react';
import { explainError } from '../../core/argo/client';
import { useEditor, useEditorStore } from '../EditorContext';

const MAX_LINES = 5000;

export function LogView({ task }: { task: string }) {
  const store = useEditorStore();
  const runName = useEditor((s) => s.run?.state.name);
  const podName = useEditor((s) => s.run?.state.tasks.get(task)?.podName);
  const running = useEditor((s) => s.run?.state.tasks.get(task)?.phase === 'Running');
  const [lines, setLines] = useState<string[]>([]);
  const [problem, setProblem] = useState<string>();

  useEffect(() => {
    if (!runName || !podName) return;
    const controller = new AbortController();
    let buffer: string[] = [];
    // Lines arrive in bursts; render at most once a frame.
    let scheduled = false;
    const flush = () => {
      scheduled = false;
      const add = buffer;
      buffer = [];
      setLines((old) => [...old, ...add].slice(-MAX_LINES));
    };
    const stream = async () => {
      const client = await store.getState().client();
      try {
        await client.logs(
          runName,
          { podName: podName, follow: running },
          (entry) => {
            buffer.push(entry.content);
            if (!scheduled) {
              scheduled = true;
              requestAnimationFrame(flush);
            }
          },
          controller.signal,
        );
      } catch (e) {
        if (!controller.signal.aborted)
          setProblem(
            explainError(e, {
              server: client.connection.server,
              namespace: client.connection.namespace,
              token: client.connection.token,
            }),
          );
      }
    };
    void stream();
    return () => controller.abort();
  }, [store, runName, podName, running]);

  if (!podName) return <p className="muted">{task} has not started yet.</p>;
  return (
    <div className="log-view">
      {problem && (
        <p className="check-failed" role="alert">
          {problem}
        </p>
      )}
      <pre data-testid="logs">
        {lines.join('\n') || (running ? 'Waiting for output…' : 'No output.')}
      </pre>
    </div>
  );
}
