/** The Argo Server client: REST calls, streams, run status, and errors in words. */
export * from './argoClient';
export * from './errors';
export * from './redact';
export * from './replies';
export * from './runStatus';
export * from './watchRun';
export * from './submit';
export * from './lists';
export * from './runHistory';
export * from './compareRuns';
