/**
 * Cycles in a dependency graph given as name -> the names it waits for: DAG
 * tasks (validate.go verifyNoCycles) and containerSet containers
 * (ContainerSetTemplate.Validate).
 */

/**
 * A cycle in a dependency graph (name -> the names it waits for), as the path
 * `a, b, a`; undefined when there is none. An explicit stack: no recursion.
 */
export function findCycle(deps: Map<string, string[]>): string[] | undefined {
  const state = new Map<string, 1 | 2>(); // 1 on the path, 2 done
  for (const start of deps.keys()) {
    if (state.has(start)) continue;
    const path: string[] = [];
    const stack: { name: string; next: number }[] = [{ name: start, next: 0 }];
    state.set(start, 1);
    path.push(start);
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      const list = deps.get(top.name) ?? [];
      if (top.next >= list.length) {
        state.set(top.name, 2);
        stack.pop();
        path.pop();
        continue;
      }
      const dep = list[top.next++]!;
      if (!deps.has(dep)) continue;
      const s = state.get(dep);
      if (s === 1) return [...path.slice(path.indexOf(dep)), dep];
      if (s === undefined) {
        state.set(dep, 1);
        path.push(dep);
        stack.push({ name: dep, next: 0 });
      }
    }
  }
  return undefined;
}
