// The screens and where they appear. A screen that shows in the nav has `nav`; a screen with
// a live side panel names it in `panel`. The scenario view and the wizard add themselves here
// (e.g. `/scenarios/:id` with the quote panel) without touching the layout.

import type { ComponentType } from 'preact';
import { CompareIcon, PriceBookIcon, ScenariosIcon, SettingsIcon } from './components/icons';
import { lazyScreen } from './components/lazy-screen';
import { LivePanel } from './components/side-panel';
import { matchPath } from './router';
import { ScenariosScreen } from './screens/scenarios';

// The scenario list (the first screen) is in the main chunk; every other screen is a chunk of
// its own, loaded when first shown (or once the window is idle) so that start-up parses less.
const ScenarioScreen = lazyScreen(() => import('./screens/scenario/index').then((module) => module.ScenarioScreen));
const WizardScreen = lazyScreen(() => import('./screens/wizard').then((module) => module.WizardScreen));
const CompareScreen = lazyScreen(() => import('./screens/compare').then((module) => module.CompareScreen));
const PriceBookScreen = lazyScreen(() => import('./screens/price-book').then((module) => module.PriceBookScreen));
const SettingsScreen = lazyScreen(() => import('./screens/settings').then((module) => module.SettingsScreen));

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
  /** The nav entry highlighted for a screen that is not in the nav itself. */
  parent?: string;
}

export const ROUTES: Route[] = [
  {
    id: 'scenarios',
    path: '/',
    label: 'nav.scenarios',
    icon: ScenariosIcon,
    screen: ScenariosScreen,
    nav: 'main',
  },
  { id: 'wizard-new', path: '/wizard/new', label: 'nav.scenarios', icon: ScenariosIcon, screen: WizardScreen, panel: LivePanel, parent: 'scenarios' },
  { id: 'wizard-edit', path: '/wizard/:id', label: 'nav.scenarios', icon: ScenariosIcon, screen: WizardScreen, panel: LivePanel, parent: 'scenarios' },
  { id: 'scenario', path: '/scenarios/:id', label: 'nav.scenarios', icon: ScenariosIcon, screen: ScenarioScreen, parent: 'scenarios' },
  { id: 'compare', path: '/compare', label: 'nav.compare', icon: CompareIcon, screen: CompareScreen, nav: 'main' },
  { id: 'price-book', path: '/price-book', label: 'nav.priceBook', icon: PriceBookIcon, screen: PriceBookScreen, nav: 'main' },
  { id: 'settings', path: '/settings', label: 'nav.settings', icon: SettingsIcon, screen: SettingsScreen, nav: 'footer' },
];

export function routeFor(path: string): Route {
  return ROUTES.find((route) => matchPath(route.path, path) !== null) ?? ROUTES[0]!;
}
