/**
 * The checked, normalised form of one config entry: what the readers produce
 * from the YAML tree and what `entryTemplate` compiles. Internal to config/.
 */
import type { JsonObject } from '../model/types';
import type { CommonFields } from './readFields';

interface Base extends CommonFields {
  /** The entry's category, or its section name. */
  category: string;
  line?: number;
}

/** A container (`container`), script (`script`) or http (`http`) entry: the Argo template body. */
export interface ContainerSpec extends Base {
  kind: 'container';
  container: JsonObject;
}
export interface ScriptSpec extends Base {
  kind: 'script';
  script: JsonObject;
}
export interface HttpSpec extends Base {
  kind: 'http';
  http: JsonObject;
}

/** A resource entry: Argo's `resource` template body, whose `manifest` is already a string. */
export interface ResourceSpec extends Base {
  kind: 'resource';
  resource: JsonObject & { action: string; manifest: string };
  resourceKind?: string;
  image?: string;
}

export type EntrySpec = ContainerSpec | ScriptSpec | HttpSpec | ResourceSpec;
