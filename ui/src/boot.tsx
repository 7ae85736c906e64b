import { firstAnswers } from './early';
import { render } from 'preact';
import './i18n';
import './theme';
import { App } from './app';
import { preloadScreens } from './components/lazy-screen';
import { refreshDatabaseStatus } from './database';

// The app's start, imported by main.tsx once the window has painted index.html's static
// shell. The styles are linked from index.html, not imported here: the shell paints with them
// before this script has loaded.

const root = document.getElementById('app');
// Not a top-level await: with one, the bundler would move every module the lazy screens share
// out of this chunk (they may not import from a module still awaiting), and the window would
// fetch seven files before the list instead of one.
if (root) void firstAnswers.then(() => start(root));

function start(root: HTMLElement) {
  // Replace index.html's static shell (same frame, drawn before any script ran) in the same
  // task as the first render, so no frame shows neither. Preact would otherwise try to reuse
  // the static elements and keep attributes the real ones do not have.
  root.textContent = '';
  // Read-only, locked or not open: the banner (components/database-banner.tsx) says so. Set
  // before the first render when its answer is in, so the first frame has the banner.
  void refreshDatabaseStatus();
  render(<App />, root);
  preloadScreens();
}
