/**
 * Reads one entry of the containers section (`Containers:` in the seed form,
 * `containers:` in the lowercase form) into a checked `EntrySpec`: a plain
 * container, a `script` step or an Argo `http` step. Returns undefined after
 * reporting when the entry is unusable, so the caller can skip it.
 */
import type { JsonObject } from '../model/types';
import { ENTRY_KEYS, NESTED_KEYS, PULL_POLICIES, type ConfigForm } from './configKeys';
import type { EntrySpec } from './entrySpec';
import { readCommon, readNameValues, readResourceRequirements } from './readFields';
import { atKey, type Field } from './yamlNodes';
import type { Reader } from './yamlReader';

/** One containers-section entry, or undefined when it has errors. */
export function readContainerEntry(
  r: Reader,
  entry: Field,
  form: ConfigForm,
): EntrySpec | undefined {
  const map = r.map(entry);
  if (!map) return undefined;
  const before = r.errors;
  const isHttp = form === 'lowercase' && map.has('http');
  const isScript = form === 'lowercase' && map.has('script');
  if (isHttp && isScript) {
    r.error('conflicting-keys', 'an entry is either a `script` or an `http` step, not both', entry);
    return undefined;
  }
  const kind = isHttp ? 'http' : isScript ? 'script' : 'container';
  const fields = r.fields(
    map,
    entry.path,
    form === 'seed' ? ENTRY_KEYS.seedContainer : ENTRY_KEYS[kind],
  );
  const common = readCommon(r, fields, entry);
  const body =
    kind === 'http' ? readHttp(r, fields.get('http')) : readContainerBody(r, fields, kind, entry);
  if (!common || !body || r.errors !== before) return undefined;
  const base = {
    ...common,
    category: common.category ?? 'containers',
    line: r.at(entry.value, []).line,
  };
  if (kind === 'http') return { ...base, kind, http: body };
  if (kind === 'script') return { ...base, kind, script: body };
  return { ...base, kind, container: body };
}

/** Argo `container` or `script` body (a script is a container plus `source`). */
function readContainerBody(
  r: Reader,
  fields: Map<string, Field>,
  kind: 'container' | 'script',
  entry: Field,
): JsonObject | undefined {
  let image = r.string(fields.get('image'));
  let command = r.stringList(fields.get('command'));
  const args = r.stringList(fields.get('args'));
  const env = readNameValues(r, fields.get('env'));
  const resources = readResourceRequirements(r, fields.get('resources'));
  const pullPolicy = r.oneOf(fields.get('imagePullPolicy'), PULL_POLICIES);
  let source: string | undefined;
  if (kind === 'script') {
    const scriptField = fields.get('script');
    const scriptMap = r.map(scriptField);
    if (!scriptMap || !scriptField) return undefined;
    const s = r.fields(scriptMap, scriptField.path, NESTED_KEYS.script);
    for (const key of ['image', 'command'] as const) {
      if (s.has(key) && fields.has(key)) {
        r.error(
          'conflicting-keys',
          `give \`${key}\` either in \`script\` or on the entry, not both`,
          s.get(key),
        );
      }
    }
    image = r.string(s.get('image')) ?? image;
    command = r.stringList(s.get('command')) ?? command;
    source = r.string(s.get('source'));
    if (!s.has('source')) r.error('missing-field', '`script` has no `source`', atKey(scriptField));
    if (!command && !s.has('command') && !fields.has('command')) {
      // Argo runs the command with the source file as last argument; without one
      // the image's entrypoint gets it, which only works for a file with a shebang.
      r.warn(
        'missing-command',
        'script has no `command` (e.g. ["python"]); the source then needs a shebang line',
        atKey(scriptField),
      );
    }
  }
  if (image === undefined) {
    if (!fields.has('image')) {
      const where = kind === 'script' ? 'set `script.image` or `image`' : 'set `image`';
      r.error('missing-image', `${kind} entry has no image; ${where}`, entry);
    }
    return undefined;
  }
  const body: JsonObject = { image };
  if (pullPolicy) body.imagePullPolicy = pullPolicy;
  if (command) body.command = command;
  if (args) body.args = args;
  if (env) body.env = env;
  if (resources) body.resources = resources;
  if (source !== undefined) body.source = source;
  return body;
}

/**
 * Argo `http` body: `{url, method?, headers?, body?, successCondition?,
 * timeoutSeconds?, insecureSkipVerify?}`; `headers` is a list of {name, value}.
 */
function readHttp(r: Reader, f: Field | undefined): JsonObject | undefined {
  const map = r.map(f);
  if (!map || !f) return undefined;
  const before = r.errors;
  const h = r.fields(map, f.path, NESTED_KEYS.http);
  const url = r.string(h.get('url'));
  if (!h.has('url')) r.error('missing-field', '`http` has no `url`', atKey(f));
  const out: JsonObject = {};
  const method = r.string(h.get('method'));
  if (method !== undefined) out.method = method;
  if (url !== undefined) out.url = url;
  const headers = readNameValues(r, h.get('headers'));
  if (headers) out.headers = headers;
  const body = r.text(h.get('body'));
  if (body !== undefined) out.body = body;
  const success = r.string(h.get('successCondition'));
  if (success !== undefined) out.successCondition = success;
  const timeout = r.integer(h.get('timeoutSeconds'));
  if (timeout !== undefined) out.timeoutSeconds = timeout;
  const insecure = r.boolean(h.get('insecureSkipVerify'));
  if (insecure !== undefined) out.insecureSkipVerify = insecure;
  return r.errors === before ? out : undefined;
}
