/**
 * The full fuzz run (issue 8): `npm run fuzz` feeds 12,000 mutated Argo
 * examples through the importer, validator, compiler and CLI commands and
 * prints the counts. Reproducible by seed:
 *
 *   npm run fuzz -- --seed 7 --count 20000
 *   npm run fuzz -- --seed 7 --only 4711 --save /tmp/input.yaml   # one input
 *
 * Exits 1 when any input crashed, hung, broke the round trip, or got a
 * message with undefined/[object Object]/NaN or a diagnostic without a line.
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { loadCorpus } from '../test/support/fuzz/corpus';
import { generateInput } from '../test/support/fuzz/generate';
import { runInput } from '../test/support/fuzz/runInput';
import { addOutcome, formatTally, HANG_MS, newTally } from '../test/support/fuzz/tally';
import { SKIP_REASON } from '../test/support/sharedData';

const { values } = parseArgs({
  options: {
    seed: { type: 'string', default: '1' },
    count: { type: 'string', default: '12000' },
    only: { type: 'string' },
    save: { type: 'string' },
  },
});
const seed = Number(values.seed);
const corpus = loadCorpus();
if (corpus.length === 0) {
  console.error(`fuzz: no corpus (${SKIP_REASON})`);
  process.exit(2);
}
Error.stackTraceLimit = 50;

if (values.only !== undefined) {
  const input = generateInput(corpus, seed, Number(values.only));
  if (values.save) writeFileSync(values.save, input.text);
  console.log(`${input.example}; ${input.mutations.join(', ')}; ${input.text.length} characters`);
  console.log(JSON.stringify(runInput(input.text), null, 2));
} else {
  const count = Number(values.count);
  const tally = newTally();
  const started = Date.now();
  for (let index = 0; index < count; index++) {
    const input = generateInput(corpus, seed, index);
    addOutcome(tally, input, runInput(input.text));
    if ((index + 1) % 1000 === 0)
      console.error(`fuzz: ${index + 1}/${count} (${Math.round((Date.now() - started) / 1000)} s)`);
  }
  console.log(`fuzz seed ${seed}, ${corpus.length} example files\n`);
  console.log(formatTally(tally));
  const hangs = [...tally.hangs.values()].some((h) => h.count > 0);
  const findings =
    tally.crashed +
    tally.inputsWithRoundTrip +
    tally.inputsWithBadMessages +
    tally.inputsWithUnlocated;
  if (findings > 0 || hangs) {
    console.log(`\nfuzz: failed (see the findings above; hangs are operations over ${HANG_MS} ms)`);
    process.exitCode = 1;
  }
}
