// The screens and where they appear. A screen that shows in the nav has `nav`; a screen with
// a live side panel names it in `panel`. The scenario view and the wizard add themselves here
// (e.g. `/scenarios/:id` with the quote panel) without touching the layout.

import type { ComponentType } from 'preact';
import { CompareIcon, PriceBookIcon, ScenariosIcon, SettingsIcon } from './components/icons';
import { QuotePanel } from './components/side-panel';
import { CompareScreen } from './screens/compare';
import { PriceBookScreen } from './screens/price-book';
import { ScenariosScreen } from './screens/scenarios';
import { SettingsScreen } from './screens/settings';

export interface Route {
  /** Stable id, used in tests (`data-test="nav-<id>"`) and screenshots. */
  id: string;
  path: string;
  /** Translation key of the nav label. */
  label: string;
  icon: ComponentType;
  screen: ComponentType;
  panel?: ComponentType;
  /** `main` sits at the top of the nav, `footer` at the bottom; absent means not in the nav. */
  nav?: 'main' | 'footer';
}

export const ROUTES: Route[] = [
  {
    id: 'scenarios',
    path: '/',
    label: 'nav.scenarios',
    icon: ScenariosIcon,
    screen: ScenariosScreen,
    panel: QuotePanel,
    nav: 'main',
  },
  { id: 'compare', path: '/compare', label: 'nav.compare', icon: CompareIcon, screen: CompareScreen, nav: 'main' },
  { id: 'price-book', path: '/price-book', label: 'nav.priceBook', icon: PriceBookIcon, screen: PriceBookScreen, nav: 'main' },
  { id: 'settings', path: '/settings', label: 'nav.settings', icon: SettingsIcon, screen: SettingsScreen, nav: 'footer' },
];

export function routeFor(path: string): Route {
  return ROUTES.find((route) => route.path === path) ?? ROUTES[0]!;
}
