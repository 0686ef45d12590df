// The canvas's context menus (the component and what each menu offers) load
// on the first right-click, not with the editor (issue 11, the entry budget).
// A failed load (the app was redeployed, the network dropped) is tried again.
import type * as CanvasMenus from './canvasMenus';
import { onDemand } from '../../../store/onDemand';

export type Menus = typeof CanvasMenus;

export const loadMenus: () => Promise<Menus> = onDemand(() => import('./canvasMenus'));
