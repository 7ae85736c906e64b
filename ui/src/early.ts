// The first thing the UI's script does (main.tsx imports this module first): ask for what the
// first screen shows, so the answers are on their way while the rest of the script is
// evaluated and the first frame rendered. The scenario list only when the window starts on
// it (a reload keeps the route): an answer no screen takes at once would be stale later.

import { askEarly } from './api';

const startsOnList = ['', '#', '#/'].includes(window.location.hash);
askEarly(startsOnList ? ['list_scenarios', 'database_status'] : ['database_status']);
