// Connection settings: server, namespace, token, Argo UI link, and a test
// that explains every failure in words. The token field is a password field;
// the token is kept in memory unless "remember for this tab" is ticked.
import { useState } from 'react';
import { useEditor, useEditorStore } from '../EditorContext';
import { DialogField } from './DialogField';
import { Dialog } from '../Dialog';

export function ConnectionDialog({ onClose }: { onClose(): void }) {
  const store = useEditorStore();
  const connection = useEditor((s) => s.connection);
  const check = useEditor((s) => s.check);
  const [server, setServer] = useState(connection.server);
  const [namespace, setNamespace] = useState(connection.namespace);
  const [uiBase, setUiBase] = useState(connection.uiBase);
  const [token, setToken] = useState(store.getState().token);
  const [remember, setRemember] = useState(store.getState().rememberToken);
  const apply = () => {
    store.getState().setConnection({
      server: server.trim(),
      namespace: namespace.trim() || 'argo',
      uiBase: uiBase.trim(),
    });
    store.getState().setToken(token.trim(), remember);
  };
  return (
    <Dialog
      label="Argo Server connection"
      onClose={onClose}
      className="connection"
      onSubmit={(e) => {
        e.preventDefault();
        apply();
        onClose();
      }}
    >
      <h2>Argo Server</h2>
      <DialogField
        id="conn-server"
        label="Server"
        name="server"
        value={server}
        placeholder="(this app’s origin, through its proxy)"
        onChange={setServer}
      >
        <div className="field-hint">
          Leave empty when the app is served with its proxy (ARGO_SERVER=… npm run dev, or nginx per
          docs/deploy.md).
        </div>
      </DialogField>
      <DialogField
        id="conn-namespace"
        label="Namespace"
        name="namespace"
        value={namespace}
        onChange={setNamespace}
      />
      <DialogField
        id="conn-token"
        label="Token"
        name="token"
        type="password"
        autoComplete="off"
        value={token}
        placeholder="Bearer … (argo auth token)"
        onChange={setToken}
      >
        <label className="checkbox">
          <input
            type="checkbox"
            checked={remember}
            onChange={(e) => setRemember(e.target.checked)}
          />{' '}
          Remember for this tab
        </label>
      </DialogField>
      <DialogField
        id="conn-ui"
        label="Argo UI address (for links)"
        name="uiBase"
        value={uiBase}
        placeholder="same as the server"
        onChange={setUiBase}
      />
      {check && (
        <p
          className={`check check-${check.status}`}
          role={check.status === 'failed' ? 'alert' : 'status'}
          data-testid="connection-check"
        >
          {check.message}
        </p>
      )}
      <div className="modal-actions">
        <button
          type="button"
          onClick={() => {
            apply();
            void store.getState().testConnection();
          }}
        >
          Test connection
        </button>
        <span className="spacer" />
        <button type="button" onClick={onClose}>
          Cancel
        </button>
        <button type="submit">Save</button>
      </div>
    </Dialog>
  );
}
