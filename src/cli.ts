/**
 * The headless entry: `argoflow lint|deps|fmt FILE`.
 * Exit codes: 0 valid; 1 invalid (problems printed as FILE:LINE:COL: message);
 * 2 the file cannot be read or parsed, or the command line is wrong.
 * Never prints a stack trace for bad input: every failure is a sentence.
 */
import { readFileSync, statSync } from 'node:fs';
import { runCommand, type CliIO } from './cliCommands';
import { MAX_YAML_BYTES } from './core/argo/yamlText';

const USAGE = `usage: argoflow <command> FILE

commands:
  lint FILE   validate every workflow in FILE; exit 0 when valid, 1 when not, 2 when unreadable
  deps FILE   print each task with its upstream tasks, in topological order
  fmt FILE    open FILE and write it back as Argo YAML to stdout (the round trip)`;

function readText(file: string): string {
  // Refuse huge files before reading them into memory.
  const size = statSync(file).size;
  if (size > MAX_YAML_BYTES) {
    throw new Error(
      `${file}: file is ${(size / (1024 * 1024)).toFixed(1)} MiB; the editor reads at most ${MAX_YAML_BYTES / (1024 * 1024)} MiB (the Argo API rejects workflows over 3 MiB)`,
    );
  }
  return readFileSync(file, 'utf8');
}

function main(argv: string[]): number {
  const io: CliIO = {
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
  };
  const [command, file, ...rest] = argv;
  if (!command) {
    // A usage error: the usage goes to stderr, like every other complaint.
    io.err(USAGE);
    return 2;
  }
  if (command === '-h' || command === '--help') {
    io.out(USAGE);
    return 0;
  }
  if (!file || rest.length > 0) {
    io.err(USAGE);
    return 2;
  }
  let text: string;
  try {
    text = readText(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    io.err(
      code === 'ENOENT'
        ? `${file}: no such file`
        : code === 'EISDIR'
          ? `${file}: is a directory`
          : (e as Error).message,
    );
    return 2;
  }
  return runCommand(command, file, text, io);
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (e) {
  // A bug, not bad input: still one line, with a hint, rather than a stack trace.
  process.stderr.write(`argoflow: internal error: ${(e as Error).message}\n`);
  process.exitCode = 2;
}
