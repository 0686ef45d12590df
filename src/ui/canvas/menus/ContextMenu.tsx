// A context menu at the pointer: a list of actions, each run by a click or
// Enter; one that cannot run now is shown disabled with the reason as its
// title. Arrow keys move, Escape or a click outside closes it, and focus
// returns to where it was.
import { useEffect, useRef, type KeyboardEvent } from 'react';

export interface MenuItem {
  label: string;
  /** The key that does the same, shown on the right. */
  keys?: string;
  /** Why the action cannot run now; the item is disabled. */
  disabled?: string;
  /** A line above this item. */
  separated?: boolean;
  run(): void;
}

export interface MenuRequest {
  x: number;
  y: number;
  /** What the menu is for, read by screen readers. */
  label: string;
  items: MenuItem[];
}

export function ContextMenu({ menu, onClose }: { menu: MenuRequest; onClose(): void }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const before = document.activeElement as HTMLElement | null;
    ref.current?.querySelector<HTMLElement>('[role=menuitem]:not([aria-disabled=true])')?.focus();
    const outside = (e: MouseEvent) => {
      if (!ref.current?.contains(e.target as Node)) onClose();
    };
    window.addEventListener('mousedown', outside, true);
    return () => {
      window.removeEventListener('mousedown', outside, true);
      before?.focus?.();
    };
  }, [onClose]);

  const onKeyDown = (e: KeyboardEvent) => {
    const items = [...(ref.current?.querySelectorAll<HTMLElement>('[role=menuitem]') ?? [])];
    const at = items.indexOf(document.activeElement as HTMLElement);
    if (e.key === 'Escape') onClose();
    else if (e.key === 'ArrowDown') items[(at + 1) % items.length]?.focus();
    else if (e.key === 'ArrowUp') items[(at - 1 + items.length) % items.length]?.focus();
    else return;
    e.preventDefault();
    e.stopPropagation();
  };

  const left = Math.min(menu.x, window.innerWidth - 240);
  const top = Math.min(menu.y, window.innerHeight - 32 * menu.items.length - 16);
  return (
    <div
      ref={ref}
      className="context-menu"
      role="menu"
      aria-label={menu.label}
      style={{ left: Math.max(4, left), top: Math.max(4, top) }}
      onKeyDown={onKeyDown}
      onContextMenu={(e) => e.preventDefault()}
    >
      {menu.items.map((item) => (
        <button
          key={item.label}
          type="button"
          role="menuitem"
          className={item.separated ? 'separated' : undefined}
          aria-disabled={item.disabled ? true : undefined}
          title={item.disabled}
          onClick={() => {
            if (item.disabled) return;
            onClose();
            item.run();
          }}
        >
          <span>{item.label}</span>
          {item.disabled ? (
            <span className="menu-reason">{item.disabled}</span>
          ) : (
            item.keys && <kbd>{item.keys}</kbd>
          )}
        </button>
      ))}
    </div>
  );
}
