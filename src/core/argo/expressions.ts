/**
 * Light syntax checks for Argo expression fields (`when`, argument values).
 * Argo substitutes `{{...}}` first and evaluates the result with govaluate or
 * expr at run time; what can be caught before submitting is unbalanced
 * braces, brackets and quotes, and an empty condition.
 */

/** Why `text` cannot be an Argo template string, or undefined when it can. */
export function templateStringProblem(text: string): string | undefined {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    if (text.startsWith('{{', i)) {
      if (depth > 0) return `'{{' at ${i + 1} opens inside another '{{'`;
      depth++;
      i++;
    } else if (text.startsWith('}}', i) && depth > 0) {
      depth--;
      i++;
    }
  }
  return depth > 0 ? `'{{' is never closed with '}}'` : undefined;
}

/** Why a `when` condition does not parse, or undefined when it may. */
export function whenProblem(when: string): string | undefined {
  if (when.trim() === '') return 'condition is empty';
  const braces = templateStringProblem(when);
  if (braces) return braces;
  // Outside {{ }} the text is an expression: brackets and quotes must pair up.
  const outside = when.replace(/\{\{[\s\S]*?\}\}/g, 'x');
  const closers: Record<string, string> = { ')': '(', ']': '[' };
  const stack: string[] = [];
  let quote: string | undefined;
  for (const c of outside) {
    if (quote) {
      if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'" || c === '`') {
      quote = c;
    } else if (c === '(' || c === '[') {
      stack.push(c);
    } else if (c in closers) {
      if (stack.pop() !== closers[c]) return `unbalanced '${c}'`;
    }
  }
  if (quote) return `unterminated ${quote} quote`;
  if (stack.length > 0) return `unclosed '${stack[stack.length - 1]}'`;
  if (/(&&|\|\||==|!=|<=|>=|[<>!])\s*$/.test(outside)) return 'condition ends with an operator';
  if (/^\s*(&&|\|\||==|!=|<=|>=)/.test(outside)) return 'condition starts with an operator';
  return undefined;
}
