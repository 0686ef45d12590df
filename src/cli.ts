/**
 * The headless entry: `argoflow lint PATH...`, `argoflow deps|fmt FILE`,
 * `argoflow submit FILE`. Run from the bundle `npm run build:cli` writes
 * (dist-cli/argoflow.mjs), not through tsx.
 * Exit codes: 0 valid; 1 invalid (problems printed as FILE:LINE:COL: severity: message);
 * 2 a file cannot be read or parsed, or the command line is wrong.
 * Never prints a stack trace for bad input: every failure is a sentence.
 */
import { readFileSync, statSync } from 'node:fs';
import { runCommand, type CliIO } from './cliCommands';
import { parseLintArgs, runLint } from './cliLint';
import { parseSubmitArgs, runSubmit } from './cliSubmit';
import { MAX_YAML_BYTES } from './core/argo/yamlText';

const USAGE = `usage: argoflow <command> FILE

commands:
  lint PATH... [--output text|json] [--templates DIR]... [--mode lint|submit]
              validate every workflow in the files and directories (*.yaml, *.yml, recursively)
              as Argo's validator does; other documents are passed over with a note.
              WorkflowTemplates listed together or under --templates resolve templateRefs.
              Exit 0 when valid, 1 when not, 2 when a file cannot be read
  deps FILE   print each task with its upstream tasks, in topological order
  fmt FILE    open FILE and write it back as Argo YAML to stdout (the round trip)
  submit FILE --server URL [--namespace NS] [--watch] [-p NAME=VALUE]... [--entrypoint T] [-l K=V,K2=V2 | --label K=V]...
              lint and create on an Argo Server; prints the created name. -p, --entrypoint
              and -l/--label set parameter values, the entrypoint and labels of what is
              submitted, as argo submit does (FILE is not changed). The token is read from
              ARGO_TOKEN; ARGO_INSECURE=1 accepts a self-signed certificate.
              With --watch: prints phase changes, exits 0 if the run succeeds, 1 if not`;

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

async function main(argv: string[]): Promise<number> {
  const io: CliIO = {
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
  };
  const [command, file, ...rest] = argv;
  if (command === 'submit') return submit(argv.slice(1), io);
  if (command === 'lint' && argv.length > 1) {
    const parsed = parseLintArgs(argv.slice(1));
    if (typeof parsed === 'string') {
      io.err(`argoflow lint: ${parsed}`);
      return 2;
    }
    return runLint(parsed, io);
  }
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

async function submit(args: string[], io: CliIO): Promise<number> {
  const parsed = parseSubmitArgs(args);
  if (typeof parsed === 'string') {
    io.err(`argoflow submit: ${parsed}`);
    return 2;
  }
  let text: string;
  try {
    text = readText(parsed.file);
  } catch (e) {
    io.err(
      (e as NodeJS.ErrnoException).code === 'ENOENT'
        ? `${parsed.file}: no such file`
        : (e as Error).message,
    );
    return 2;
  }
  // Node's fetch reads this when it opens a TLS connection; only for this process.
  if (/^(1|true|yes)$/i.test(process.env.ARGO_INSECURE ?? ''))
    process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';
  return runSubmit(parsed, text, io, (url, init) => fetch(url, init), process.env.ARGO_TOKEN);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    // A bug, not bad input: still one line rather than a stack trace.
    process.stderr.write(`argoflow: internal error: ${(e as Error).message}\n`);
    process.exitCode = 2;
  },
);
