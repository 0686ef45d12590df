// The examples gallery's catalogue. Each example is an Argo YAML file beside
// this one, loaded only when picked (its own small chunk), and opened as a
// copy: the file in the project never changes.
export interface Example {
  /** The file's name without `.yaml`; also the name the copy is opened under. */
  id: string;
  title: string;
  kind: 'Workflow' | 'CronWorkflow' | 'WorkflowTemplate';
  description: string;
}

export const EXAMPLES: readonly Example[] = [
  {
    id: 'profile-then-spark',
    title: 'Profile, then Spark',
    kind: 'Workflow',
    description:
      'The seed pipeline: profile a dataset with PyDeequ, then run a Spark job through the Spark operator.',
  },
  {
    id: 'fan-out-fan-in',
    title: 'Fan-out, fan-in',
    kind: 'Workflow',
    description:
      'List the shards, process each in parallel (withParam, with retries), merge when all are done.',
  },
  {
    id: 'nightly-report',
    title: 'Nightly report',
    kind: 'CronWorkflow',
    description: 'Every night at 02:30 UTC: fetch the data over HTTP, then build a report.',
  },
  {
    id: 'greeting-template',
    title: 'Greeting template',
    kind: 'WorkflowTemplate',
    description:
      'A WorkflowTemplate with parameters (one an enum), a when and a withSequence loop.',
  },
];

const files = import.meta.glob<string>('./*.yaml', { query: '?raw', import: 'default' });

/** The example's YAML text. */
export async function exampleText(id: string): Promise<string> {
  const load = files[`./${id}.yaml`];
  if (!load) throw new Error(`no example named ${id}`);
  return load();
}
