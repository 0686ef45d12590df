// The fuzz sample CI runs (issue 8): a fixed, seeded sample of mutated Argo
// examples through the importer, validator, compiler, emitter and the CLI
// commands. Every input must get diagnostics that carry a line, or pipelines
// that export and re-import unchanged; nothing may throw, and no message may
// say `undefined`, `[object Object]` or `NaN`. `npm run fuzz` runs the full
// 12,000 inputs with bigger strings and the nesting depths that take seconds
// to emit; a finding here replays there with `--seed 8 --only <index>`.
//
// Time is reported (the slowest operation is printed), never asserted: CI is
// a loaded 2-core machine. The timeout below is for a genuinely hung run.
import { afterAll, describe, expect, it } from 'vitest';
import { loadCorpus } from './support/fuzz/corpus';
import { generateInput } from './support/fuzz/generate';
import type { Limits } from './support/fuzz/objectMutators';
import { runInput } from './support/fuzz/runInput';
import { addOutcome, formatTally, newTally } from './support/fuzz/tally';
import { hasShared, SKIP_REASON } from './support/sharedData';

const SEED = 8;
const SAMPLE = 300;
const CHUNK = 50;

/**
 * Smaller than the full run: strings up to 100 kB, lists up to 1,000 items,
 * and nesting either shallow or so deep (100,000 levels) that js-yaml stops
 * on any stack. Between the two, how deep js-yaml reads depends on the stack
 * and on how warm the JIT is (Vitest's workers have bigger stacks than the
 * CLI), and 1,000 to 10,000 levels that it does read take seconds to minutes
 * to emit: the full run has those depths, and lists of 130,000.
 */
const CI_LIMITS: Limits = {
  hugeSizes: [10_000, 100_000],
  depths: [5, 50, 200, 100_000],
  widths: [100, 1_000],
};

const chunks = Array.from({ length: SAMPLE / CHUNK }, (_, i) => [i * CHUNK, (i + 1) * CHUNK - 1]);

describe.skipIf(!hasShared)(
  `fuzz sample: ${SAMPLE} mutated Argo examples, seed ${SEED} (skipped when ${SKIP_REASON})`,
  { timeout: 120_000 },
  () => {
    const corpus = hasShared ? loadCorpus() : [];
    const tally = newTally();

    afterAll(() => {
      console.log(`fuzz sample, seed ${SEED}:\n${formatTally(tally)}`);
    });

    it.each(chunks)(
      'inputs %i to %i: located diagnostics or a faithful round trip, nothing throws',
      (from, to) => {
        const findings: string[] = [];
        for (let index = from; index <= to; index++) {
          const input = generateInput(corpus, SEED, index, CI_LIMITS);
          const outcome = runInput(input.text);
          addOutcome(tally, input, outcome);
          const id = `${SEED}:${index} (${input.example}; ${input.mutations.join(', ')})`;
          for (const c of outcome.crashes) {
            // js-yaml's own stack overflow on deep nesting is the YAML loader's
            // depth limit to fix (a separate change); any other throw is ours.
            if (c.yamlDepth && input.mutations.includes('deepYaml')) continue;
            findings.push(`${id}: ${c.stage} threw ${c.cause}`);
          }
          for (const m of outcome.roundTrip) findings.push(`${id}: ${m}`);
          for (const m of outcome.badMessages) findings.push(`${id}: bad message: ${m}`);
          for (const m of outcome.unlocated) findings.push(`${id}: no line: ${m}`);
        }
        expect(findings).toEqual([]);
      },
    );

    it('the sample reaches every outcome: diagnostics, valid pipelines', () => {
      expect(tally.inputs).toBe(SAMPLE);
      expect(tally.diagnostics).toBeGreaterThan(SAMPLE / 10);
      expect(tally.valid).toBeGreaterThan(SAMPLE / 10);
    });
  },
);
