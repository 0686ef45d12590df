// Browser file I/O: download text as a file, read a chosen or dropped file.

export function downloadText(text: string, fileName: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/yaml' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Asks the user for a file; resolves undefined when they cancel. */
export function pickFile(accept: string): Promise<File | undefined> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = accept;
    input.onchange = () => resolve(input.files?.[0]);
    input.addEventListener('cancel', () => resolve(undefined));
    input.click();
  });
}

/** A file name for the workflow: its name or generateName stem, `.yaml`. */
export function workflowFileName(metadata: { name?: unknown; generateName?: unknown }): string {
  const stem =
    String(metadata.name ?? metadata.generateName ?? 'workflow').replace(/-+$/, '') || 'workflow';
  return `${stem.replace(/[^a-zA-Z0-9._-]/g, '-')}.yaml`;
}
