// The one modal dialog: Escape closes it, Tab stays inside it, and focus goes
// back to where it was when it closes. Keys pressed while it is open reach no
// editor shortcut (Delete on a dialog button must not delete tasks).
import { useEffect, useEffectEvent, useRef, useState, type FormEvent, type ReactNode } from 'react';

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"]), [contenteditable="true"]';

// Dialogs open over dialogs (a config source over the palette's): only the top
// one answers keys.
const open: HTMLElement[] = [];

function focusables(root: HTMLElement): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
    (el) => !el.closest('[inert]') && el.getAttribute('aria-hidden') !== 'true',
  );
}

/** Moves focus one step within `root`, wrapping at either end. */
function trapTab(root: HTMLElement, e: KeyboardEvent): void {
  const items = focusables(root);
  if (items.length === 0) {
    e.preventDefault();
    root.focus();
    return;
  }
  const first = items[0]!;
  const last = items[items.length - 1]!;
  const active = document.activeElement;
  if (!root.contains(active) || active === root) {
    e.preventDefault();
    (e.shiftKey ? last : first).focus();
  } else if (e.shiftKey && active === first) {
    e.preventDefault();
    last.focus();
  } else if (!e.shiftKey && active === last) {
    e.preventDefault();
    first.focus();
  }
}

interface Props {
  label: string;
  onClose(): void;
  children: ReactNode;
  className?: string;
  /** Renders the dialog as a form; Enter in a field submits it. */
  onSubmit?(e: FormEvent<HTMLFormElement>): void;
  /** A click on the backdrop closes it (not for forms: a stray click would lose typing). */
  closeOnBackdrop?: boolean;
  testId?: string;
}

export function Dialog({
  label,
  onClose,
  children,
  className,
  onSubmit,
  closeOnBackdrop,
  testId,
}: Props) {
  const ref = useRef<HTMLElement>(null);
  const close = useEffectEvent(() => onClose());
  // Read during the first render: an autoFocus field inside takes focus before effects run.
  const [previous] = useState(() =>
    document.activeElement instanceof HTMLElement ? document.activeElement : null,
  );

  useEffect(() => {
    const root = ref.current!;
    open.push(root);
    if (!root.contains(document.activeElement)) {
      const auto = root.querySelector<HTMLElement>('[autofocus], [data-autofocus]');
      (auto ?? focusables(root)[0] ?? root).focus();
    }
    const onKey = (e: KeyboardEvent) => {
      if (open[open.length - 1] !== root) return;
      e.stopPropagation();
      if (e.key === 'Escape') {
        e.preventDefault();
        close();
      } else if (e.key === 'Tab') trapTab(root, e);
    };
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('keydown', onKey);
      open.splice(open.indexOf(root), 1);
      if (previous?.isConnected) previous.focus();
    };
  }, [previous]);

  const common = {
    className: `modal${className ? ` ${className}` : ''}`,
    role: 'dialog',
    'aria-modal': true,
    'aria-label': label,
    tabIndex: -1,
    'data-testid': testId,
    onClick: (e: React.MouseEvent) => e.stopPropagation(),
  } as const;
  return (
    // nokey: React Flow's own key handling (Delete, arrows) ignores events from in here.
    <div
      className="modal-backdrop nokey"
      onClick={closeOnBackdrop ? onClose : undefined}
      data-testid="modal-backdrop"
    >
      {onSubmit ? (
        <form {...common} ref={ref as React.Ref<HTMLFormElement>} onSubmit={onSubmit}>
          {children}
        </form>
      ) : (
        <div {...common} ref={ref as React.Ref<HTMLDivElement>}>
          {children}
        </div>
      )}
    </div>
  );
}
