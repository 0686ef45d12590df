/**
 * Palette types: what `parseConfig` turns each `config.yaml` entry into.
 * A palette entry is one draggable block of the editor; its `template` is the
 * Argo template a task created from it refers to. Pure data, no behaviour.
 */
import type { Template } from '../model/types';

/** What an entry compiles to: an Argo container, script, http or resource template. */
export type PaletteEntryKind = 'container' | 'resource' | 'script' | 'http';

/** An input parameter of an entry; it becomes one of the template's `inputs.parameters`. */
export interface PaletteParameter {
  /** Argo parameter name: `[a-zA-Z0-9_-]+`. */
  name: string;
  default?: string;
  description?: string;
  /** Allowed values; Argo rejects a value outside the list. */
  enum?: string[];
}

/** One block of the palette. */
export interface PaletteEntry {
  /** Unique: the entry's name exactly as written in config.yaml. */
  id: string;
  name: string;
  kind: PaletteEntryKind;
  /** The entry's `category`, or its section (`containers` / `resources`) when it has none. */
  category: string;
  description?: string;
  /** Container, script or Spark image, when the entry has one. */
  image?: string;
  /** `kind` of the object a resource entry creates, e.g. `SparkApplication`. */
  resourceKind?: string;
  parameters: PaletteParameter[];
  /** The Argo template; its name is `normaliseK8sName(name)`. */
  template: Template;
  /** 1-based line of the entry in the config text. */
  line?: number;
}

/**
 * The Spark-operator shorthand of a resource entry (the seed's fields, with
 * `imagePullPolicy` spelled the Kubernetes way). See `sparkApplicationManifest`.
 */
export interface SparkFields {
  /** Entry name; the SparkApplication's `metadata.generateName` is derived from it. */
  name: string;
  sparkVersion: string;
  image: string;
  /** Default `cluster`. */
  mode?: 'cluster' | 'client';
  imagePullPolicy?: 'Always' | 'IfNotPresent' | 'Never';
  /** Default `Scala`. */
  type?: 'Scala' | 'Java' | 'Python' | 'R';
  mainClass?: string;
  /** When absent the manifest reads it from the template input parameter `mainApplicationFile`. */
  mainApplicationFile?: string;
  arguments?: string[];
  /** Path of the Prometheus JMX exporter jar inside the image; enables `spec.monitoring`. */
  prometheusJar?: string;
  /** Port of the JMX exporter (the operator's default is 8090). */
  prometheusPort?: number;
  /** Driver service account; default `spark-operator-spark` (the operator chart's). */
  serviceAccount?: string;
}

/** Largest config text accepted, in UTF-8 bytes. */
export const MAX_CONFIG_BYTES = 1024 * 1024;

/** Seed defaults for a Spark resource's conditions (SparkApplication `status.applicationState.state`). */
export const SPARK_SUCCESS_CONDITION = 'status.applicationState.state == COMPLETED';
export const SPARK_FAILURE_CONDITION =
  'status.applicationState.state in (FAILED, SUBMISSION_FAILED, UNKNOWN)';

/** Input parameter a Spark entry without `mainApplicationFile` takes it from. */
export const SPARK_MAIN_FILE_PARAMETER = 'mainApplicationFile';
