/**
 * What-if runs without a cluster: Argo's controller semantics over a
 * manifest (DAG `depends`/`dependencies`, `when`, loops, retries,
 * `continueOn`, exit handlers, steps, nested templates), step by step.
 *
 * @example
 * const sim = new Simulation(manifest, { outcomes: { C: { phase: 'Failed' } } });
 * sim.advance(); // one reconciliation
 * simulate(manifest, { outcomes: { C: { phase: 'Failed' } } }).phase; // 'Failed'
 */
export * from './types';
export { Simulation, simulate } from './engine';
export { simulationRunState, scopeNode } from './runStateOf';
export {
  dependsLogic,
  evaluateDepends,
  expandDependency,
  taskResults,
  FULFILLED_PHASES,
  type DependsLogic,
  type DependsTask,
  type TaskResults,
} from './dependsLogic';
export {
  evaluateGovaluate,
  evaluateExpr,
  whenResult,
  type Evaluated,
  type Value,
} from './expression';
export { substitute, substituteDeep, type Scope } from './substitute';
export { expandLoop, formatSequence } from './loops';
