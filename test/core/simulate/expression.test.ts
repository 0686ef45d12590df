// The two languages of `when`: govaluate after substitution (workflow/controller
// steps.go shouldExecute turns govaluate's variables into strings, so bare words
// compare as text), and the expr-lang subset of `{{= ... }}`.
import { describe, expect, it } from 'vitest';
import {
  evaluateExpr,
  evaluateGovaluate,
  substitute,
  whenResult,
} from '../../../src/core/simulate';

describe('govaluate, as Argo evaluates a substituted when', () => {
  it.each([
    // conditionals.yaml: "{{inputs.parameters.should-print}} == true"
    ['true == true', true],
    ['false == true', false],
    // dag-conditional-parameters.yaml: "{{tasks.flip-coin.outputs.result}} == heads"
    ['heads == heads', true],
    ['tails == heads', false],
    // exit-handlers.yaml: "{{workflow.status}} != Succeeded"
    ['Failed != Succeeded', true],
    ["'heads' == heads", true],
    ['5 > 3', true],
    ['10 < 9', false],
    ['1.5 >= 1.5', true],
    ['2 == 2.0', true],
    ['apple < banana', true],
    // conditionals-complex.yaml: regex and grouped logic
    ['heads =~ hea', true],
    ['tails !~ hea', true],
    ['( heads == heads && tails == tails ) || ( a == b )', true],
    ['!(a == a)', false],
    ['a == a && b != b', false],
  ])('%s -> %s', (text, expected) => {
    expect(whenResult(text)).toEqual({ value: expected });
  });

  it.each([
    // Argo fails these tasks (Error), so the simulation does too.
    ['heads', 'Expected boolean'],
    ['a && b', "'&&' needs a boolean"],
    ['foo-bar == foo-bar', "'-' needs numbers"],
    ['(a == a', "expected ')'"],
    ['a == ', 'ends too early'],
  ])('%s is an error: %s', (text, message) => {
    const r = whenResult(text);
    expect('error' in r && r.error).toContain(message);
  });

  it('an empty when always runs', () => {
    expect(whenResult('  ')).toEqual({ value: true });
  });

  it('strings and numbers are different values', () => {
    expect(evaluateGovaluate("'1' == 1")).toEqual({ ok: true, value: false });
  });
});

describe('expr-lang subset ({{= ...}})', () => {
  const vars = new Map<string, string>([
    ['inputs.parameters.should-print', 'true'],
    ['workflow.parameters.count', '3'],
    ['tasks.flip-coin.outputs.result', 'heads'],
  ]);
  const lookup = (path: (string | number)[]) => vars.get(path.join('.'));

  it.each([
    // conditionals.yaml: {{= inputs.parameters["should-print"] == 'true'}}
    [`inputs.parameters["should-print"] == 'true'`, true],
    [`tasks['flip-coin'].outputs.result == 'heads' ? 'H' : 'T'`, 'H'],
    ['asInt(workflow.parameters.count) > 2 and not false', true],
    ['asInt(workflow.parameters.count) + 1', 4],
    [`'b' in ['a', 'b']`, true],
    [`'hello' matches '^h'`, true],
    ['nil ?? 7', 7],
  ])('%s -> %j', (text, value) => {
    expect(evaluateExpr(text, lookup)).toEqual({ ok: true, value });
  });

  it('an operand whose value is not needed is not evaluated (conditional-parameters.yaml)', () => {
    // steps['flip-coin'].outputs.result == 'heads' ? steps.heads... : steps.tails...: the
    // skipped step has no output, and the branch that names it is not taken.
    const scope = new Map([
      ['steps.flip-coin.outputs.result', 'heads'],
      ['steps.heads.outputs.result', 'H'],
    ]);
    const l = (path: (string | number)[]) => scope.get(path.join('.'));
    const text =
      "steps['flip-coin'].outputs.result == 'heads' ? steps.heads.outputs.result : steps.tails.outputs.result";
    expect(evaluateExpr(text, l)).toEqual({ ok: true, value: 'H' });
    expect(evaluateExpr('false && nope.x == 1', l)).toEqual({ ok: true, value: false });
    expect(evaluateExpr('true || nope()', l)).toEqual({ ok: true, value: true });
    expect(evaluateExpr("'a' ?? nope", l)).toEqual({ ok: true, value: 'a' });
  });

  it('a name without a value, or a function not simulated, is unknown, not false', () => {
    for (const text of ['workflow.parameters.json == 1', "jsonpath(x, '$[0]') == 'true'"]) {
      const r = evaluateExpr(text, lookup);
      expect(r).toMatchObject({ ok: false, unknown: true });
    }
  });
});

describe('substitute', () => {
  const scope = new Map([
    ['workflow.parameters.msg', 'hi'],
    ['inputs.parameters.should-print', 'false'],
  ]);
  it('replaces simple tags (spaces trimmed) and evaluates expression tags', () => {
    expect(
      substitute(
        '{{ workflow.parameters.msg }} / {{=inputs.parameters["should-print"] == "false"}}',
        scope,
      ),
    ).toEqual({
      text: 'hi / true',
      unresolved: [],
    });
  });
  it('leaves a tag without a value as written and reports it', () => {
    expect(substitute('{{tasks.a.outputs.result}} == x', scope)).toEqual({
      text: '{{tasks.a.outputs.result}} == x',
      unresolved: ['tasks.a.outputs.result'],
    });
  });
});
