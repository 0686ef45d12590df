/**
 * The cluster as a library: the namespace's WorkflowTemplates and the
 * ClusterWorkflowTemplates, fetched (every page) when asked, cached for the
 * session per server and namespace, and made known to the core so templateRef
 * tasks get their ports and the simulator can run them. A token that may not
 * list cluster templates leaves a note, not an error. Dropping a palette
 * entry, from config.yaml or from the library, goes through `addPaletteEntry`.
 */
import type { StateCreator } from 'zustand/vanilla';
import type { ArgoClient, ListQuery, Page } from '../core/argo/client';
import { libraryGroups, templateRefTask, type LibraryGroup } from '../core/library/library';
import { libraryOf } from '../core/library/templateLibrary';
import { knownWorkflowTemplate, setServerTemplates } from '../core/library/templateRefs';
import { findTask } from '../core/model/pipeline';
import { isObject, type JsonObject, type Point } from '../core/model/types';
import { explainArgoError, loadArgoClient, type ArgoModule } from './argoClient';
import type { EditorState } from './editorStore';
import type { StepPlace } from '../core/model/steps';

export interface LibraryState {
  status: 'idle' | 'loading' | 'loaded' | 'failed';
  groups: LibraryGroup[];
  clusterGroups: LibraryGroup[];
  /** Why cluster templates are missing (a 403 is expected for many tokens). */
  clusterNote?: string;
  error?: string;
  /** `server|namespace` the library was loaded for. */
  key?: string;
  /** Bumped on every load: the canvas re-reads templateRef ports. */
  version: number;
}

export interface LibrarySlice {
  library: LibraryState;
  /** Loads (every page of) the templates; cached for the session unless `force`. */
  loadLibrary(options?: { force?: boolean }): Promise<void>;
  /** Adds a task for a palette entry (config entry or library template); its name. */
  addPaletteEntry(id: string, position?: Point, place?: StepPlace): string | undefined;
  /**
   * Replaces a templateRef task's reference by a copy of the template in this
   * file (the copying code loads on first use).
   */
  copyTemplateIntoFile(task: string): Promise<void>;
}

/** At most this many templates are read (pages of 200): enough for any palette. */
const MAX_TEMPLATES = 5000;

async function all(
  list: (q: ListQuery) => Promise<Page>,
): Promise<{ items: JsonObject[]; cut: boolean }> {
  const items: JsonObject[] = [];
  let next: string | undefined;
  do {
    const page = await list({ limit: 200, continue: next });
    items.push(...page.items);
    next = page.continue;
  } while (next && items.length < MAX_TEMPLATES);
  return { items, cut: next !== undefined };
}

const EMPTY: LibraryState = { status: 'idle', groups: [], clusterGroups: [], version: 0 };

export const createLibrarySlice: StateCreator<EditorState, [], [], LibrarySlice> = (set, get) => ({
  library: EMPTY,

  async loadLibrary(options) {
    const namespace = get().namespace();
    const key = `${get().connection.server}|${namespace}`;
    const current = get().library;
    if (!options?.force && current.key === key && current.status === 'loaded') return;
    if (current.status === 'loading' && current.key === key) return;
    set({ library: { ...current, status: 'loading', key } });
    const explain = (e: unknown) =>
      explainArgoError(e, { server: get().connection.server, namespace, token: get().token });
    let namespaced: { items: JsonObject[]; cut: boolean };
    let m: ArgoModule;
    let client: ArgoClient;
    try {
      m = await loadArgoClient();
      client = await get().client();
      namespaced = await all((q) => m.listWorkflowTemplates(client, q));
    } catch (e) {
      const error = await explain(e);
      if (get().library.key !== key) return;
      set({
        library: { ...EMPTY, status: 'failed', key, error, version: current.version + 1 },
      });
      return;
    }
    let cluster: JsonObject[] = [];
    let clusterNote: string | undefined;
    try {
      cluster = (await all((q) => m.listClusterWorkflowTemplates(client, q))).items;
    } catch (e) {
      const status = (e as { status?: number }).status;
      clusterNote =
        status === 403
          ? 'This token may not list ClusterWorkflowTemplates (403); only the namespace’s WorkflowTemplates are shown.'
          : `ClusterWorkflowTemplates could not be listed: ${await explain(e)}`;
    }
    if (get().library.key !== key) return; // the connection changed meanwhile
    setServerTemplates(libraryOf(namespaced.items, cluster));
    const library: LibraryState = {
      status: 'loaded',
      groups: libraryGroups(namespaced.items, false),
      clusterGroups: libraryGroups(cluster, true),
      key,
      version: current.version + 1,
    };
    if (clusterNote) library.clusterNote = clusterNote;
    if (namespaced.cut)
      library.error = `Only the first ${MAX_TEMPLATES} WorkflowTemplates are listed.`;
    set({ library });
  },

  addPaletteEntry(id, position, place) {
    const s = get();
    const at = place ? { place } : {};
    const entry = s.entries.find((e) => e.id === id);
    if (entry) return s.addTask({ name: entry.name, template: entry.template, position, ...at });
    const t = [...s.library.groups, ...s.library.clusterGroups]
      .flatMap((g) => g.templates)
      .find((x) => x.id === id);
    if (!t) return undefined;
    const { name, fields } = templateRefTask(t);
    return s.addTask({ name, fields, position, ...at });
  },

  async copyTemplateIntoFile(task) {
    const ref = findTask(get().pipeline, task)?.templateRef;
    if (!isObject(ref) || typeof ref.name !== 'string') return;
    const doc = knownWorkflowTemplate(ref.name, ref.clusterScope === true);
    if (!doc) {
      get().setNotice({
        kind: 'error',
        message: `${ref.name} is not loaded: connect and refresh the templates first.`,
      });
      return;
    }
    const { copyReferencedTemplate } = await import('../core/library/copyIntoFile');
    // The document as it is now: an edit may have come in while the code loaded.
    const s = get();
    if (findTask(s.pipeline, task)?.templateRef !== ref) return;
    const result = copyReferencedTemplate(s.pipeline, task, doc);
    if (result.diagnostics.length > 0)
      s.setNotice({ kind: 'error', message: result.diagnostics[0]!.message });
    else s.apply(() => result.value);
  },
});
