// The first thing the app's script does (boot.tsx imports this module first): ask for what the
// first screen shows, so the answers are on their way while the rest of the script is
// evaluated. The scenario list only when the window starts on it (a reload keeps the route):
// an answer no screen takes at once would be stale later.
//
// `firstAnswers` settles when the answers are in, or after a short wait for a database that
// is slow to open (a large migration, another program's lock): boot.tsx renders the first
// frame then, so on a normal start that frame already shows the list instead of a loading
// line followed by a second frame.

import { askEarly } from './api';

/** How long the first render waits for the early answers, in ms, before it shows "Loading…". */
const FIRST_RENDER_WAITS_AT_MOST = 120;

const startsOnList = ['', '#', '#/'].includes(window.location.hash);
export const firstAnswers = askEarly(
  startsOnList ? ['list_scenarios', 'database_status'] : ['database_status'],
  FIRST_RENDER_WAITS_AT_MOST,
);
