/**
 * The palette config: `config.yaml` -> palette entries (Argo templates), with
 * diagnostics. Pure TypeScript; see docs/config.md for the format.
 */
export { parseConfig } from './parseConfig';
export { sparkApplicationManifest, DEFAULT_SPARK_SERVICE_ACCOUNT } from './sparkManifest';
export { normaliseK8sName, MAX_K8S_NAME } from './k8sName';
export { entryTemplate, paletteEntry } from './entryTemplate';
export type { EntrySpec } from './entrySpec';
export {
  MAX_CONFIG_BYTES,
  SPARK_FAILURE_CONDITION,
  SPARK_MAIN_FILE_PARAMETER,
  SPARK_SUCCESS_CONDITION,
  type PaletteEntry,
  type PaletteEntryKind,
  type PaletteParameter,
  type SparkFields,
} from './paletteTypes';
