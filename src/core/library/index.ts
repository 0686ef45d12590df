/** WorkflowTemplates from the server as a library: palette groups, templateRef tasks, copies. */
export * from './library';
export * from './templateRefs';
export * from './copyIntoFile';
export * from './templateLibrary';
