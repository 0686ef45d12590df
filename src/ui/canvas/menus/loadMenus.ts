// The canvas's context menus (the component and what each menu offers) load
// on the first right-click, not with the editor (issue 11, the entry budget).
// A failed load (the app was redeployed, the network dropped) is tried again.
import type * as CanvasMenus from './canvasMenus';

export type Menus = typeof CanvasMenus;

let loading: Promise<Menus> | undefined;

export function loadMenus(): Promise<Menus> {
  loading ??= import('./canvasMenus').catch((e: unknown) => {
    loading = undefined;
    throw e;
  });
  return loading;
}
