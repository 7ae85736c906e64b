// The window layout: nav on the left, the current screen in the middle, and the live side
// panel on the right when the screen has one. A banner tops the screen when the database
// cannot be saved to.

import { t } from './i18n';
import { Logo } from './components/icons';
import { href, path } from './router';
import { ROUTES, routeFor, type Route } from './routes';
import { DatabaseBanner } from './components/database-banner';

function NavLink({ route, current }: { route: Route; current: Route }) {
  const Icon = route.icon;
  const active = route.id === current.id || route.id === current.parent;
  return (
    <a
      href={href(route.path)}
      class={active ? 'nav-link active' : 'nav-link'}
      aria-current={active ? 'page' : undefined}
      data-test={`nav-${route.id}`}
    >
      <Icon />
      <span>{t(route.label)}</span>
    </a>
  );
}

export function App() {
  const current = routeFor(path.value);
  const Screen = current.screen;
  const Panel = current.panel;
  return (
    <div class={Panel ? 'shell with-panel' : 'shell'} data-screen={current.id}>
      <nav class="nav" aria-label={t('nav.label')} data-test="nav">
        <div class="brand">
          <Logo />
          <div>
            <div class="brand-name">{t('app.name')}</div>
            <div class="brand-tagline">{t('app.tagline')}</div>
          </div>
        </div>
        <div class="nav-links">
          {ROUTES.filter((route) => route.nav === 'main').map((route) => (
            <NavLink route={route} current={current} />
          ))}
        </div>
        <div class="nav-links nav-footer">
          {ROUTES.filter((route) => route.nav === 'footer').map((route) => (
            <NavLink route={route} current={current} />
          ))}
        </div>
      </nav>
      <main class="main" data-test={`screen-${current.id}`}>
        <DatabaseBanner />
        <Screen key={path.value} />
      </main>
      {Panel && (
        <aside class="side-panel" aria-label={t('panel.label')} tabIndex={0} data-test="side-panel">
          <Panel />
        </aside>
      )}
    </div>
  );
}
