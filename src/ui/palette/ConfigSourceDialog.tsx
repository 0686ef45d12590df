// "Palette from…": load config.yaml from a URL, or from a ConfigMap of the
// namespace (read through the app's proxy with the Argo token; docs/deploy.md).
import { useState } from 'react';
import { useEditorStore } from '../EditorContext';
import { DialogField } from '../run/DialogField';
import { Dialog } from '../Dialog';

export function ConfigSourceDialog({ onClose }: { onClose(): void }) {
  const store = useEditorStore();
  const [from, setFrom] = useState<'url' | 'configMap'>('url');
  const [url, setUrl] = useState('');
  const [configMap, setConfigMap] = useState('');
  const [key, setKey] = useState('');
  const [busy, setBusy] = useState(false);
  return (
    <Dialog
      label="Palette from"
      onClose={onClose}
      onSubmit={(e) => {
        e.preventDefault();
        const source =
          from === 'url'
            ? { url: url.trim() }
            : { configMap: configMap.trim(), ...(key.trim() ? { key: key.trim() } : {}) };
        setBusy(true);
        void store
          .getState()
          .loadConfigFrom(source)
          .then((ok) => (ok ? onClose() : setBusy(false)));
      }}
    >
      <h2>Load the palette from…</h2>
      <fieldset className="choice-list">
        <label className="checkbox">
          <input type="radio" checked={from === 'url'} onChange={() => setFrom('url')} /> a URL
        </label>
        <label className="checkbox">
          <input
            type="radio"
            checked={from === 'configMap'}
            onChange={() => setFrom('configMap')}
          />{' '}
          a ConfigMap of the namespace (Server… settings)
        </label>
      </fieldset>
      {from === 'url' ? (
        <DialogField
          id="config-url"
          label="URL"
          value={url}
          onChange={setUrl}
          placeholder="https://…/config.yaml"
          autoFocus
        >
          <p className="field-hint">Another origin must allow this app (CORS).</p>
        </DialogField>
      ) : (
        <>
          <DialogField
            id="config-map"
            label="ConfigMap name"
            value={configMap}
            onChange={setConfigMap}
            autoFocus
          />
          <DialogField
            id="config-map-key"
            label="Key"
            value={key}
            onChange={setKey}
            placeholder="config.yaml"
          />
        </>
      )}
      <div className="modal-actions">
        <span className="spacer" />
        <button type="button" onClick={onClose}>
          Cancel
        </button>
        <button type="submit" disabled={busy || (from === 'url' ? !url.trim() : !configMap.trim())}>
          {busy ? 'Loading…' : 'Load'}
        </button>
      </div>
    </Dialog>
  );
}
