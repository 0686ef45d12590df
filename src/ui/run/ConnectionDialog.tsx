// Connection settings: server, namespace, token, Argo UI link, and a test
// that explains every failure in words. The token field is a password field;
// the token is kept in memory unless "remember for this tab" is ticked.
import { useState } from 'react';
import { useEditor, useEditorStore } from '../EditorContext';

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
    <div className="modal-backdrop">
      <form
        className="modal connection"
        role="dialog"
        aria-label="Argo Server connection"
        onSubmit={(e) => {
          e.preventDefault();
          apply();
          onClose();
        }}
      >
        <h2>Argo Server</h2>
        <div className="field">
          <label htmlFor="conn-server">Server</label>
          <input
            id="conn-server"
            name="server"
            value={server}
            placeholder="(this app’s origin, through its proxy)"
            onChange={(e) => setServer(e.target.value)}
          />
          <div className="field-hint">
            Leave empty when the app is served with its proxy (ARGO_SERVER=… npm run dev, or nginx
            per docs/deploy.md).
          </div>
        </div>
        <div className="field">
          <label htmlFor="conn-namespace">Namespace</label>
          <input
            id="conn-namespace"
            name="namespace"
            value={namespace}
            onChange={(e) => setNamespace(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="conn-token">Token</label>
          <input
            id="conn-token"
            name="token"
            type="password"
            autoComplete="off"
            value={token}
            placeholder="Bearer … (argo auth token)"
            onChange={(e) => setToken(e.target.value)}
          />
          <label className="checkbox">
            <input
              type="checkbox"
              checked={remember}
              onChange={(e) => setRemember(e.target.checked)}
            />{' '}
            Remember for this tab
          </label>
        </div>
        <div className="field">
          <label htmlFor="conn-ui">Argo UI address (for links)</label>
          <input
            id="conn-ui"
            name="uiBase"
            value={uiBase}
            placeholder="same as the server"
            onChange={(e) => setUiBase(e.target.value)}
          />
        </div>
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
      </form>
    </div>
  );
}
