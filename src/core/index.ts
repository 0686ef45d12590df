/**
 * The headless API: build a DAG in code, compile it, view its dependencies,
 * open and validate Argo YAML. The same functions drive the editor and the CLI.
 *
 * @example
 * let p = createPipeline({ generateName: 'profile-' });
 * ({ pipeline: p } = addTask(p, { name: 'extract', template: { name: 'extract', container: { image: 'alpine' } } }));
 * ({ pipeline: p } = addTask(p, { name: 'profile', fields: { template: 'extract' } }));
 * p = connect(p, 'extract', 'profile').pipeline;
 * previewDocument(p); // Argo YAML
 */
export * from './diagnostics';
export * from './model/types';
export * from './model/names';
export * from './model/pipeline';
export * from './model/spec';
export * from './model/operations';
export * from './model/connections';
export * from './graph/topology';
export * from './argo/depends';
export * from './argo/compile';
export * from './argo/document';
export * from './argo/importManifest';
export * from './argo/validate';
export { templateLibrary, validateManifest, type TemplateLibrary } from './validate';
export * from './argo/yamlText';
