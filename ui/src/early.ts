// The first thing the UI's script does (main.tsx imports this module first): ask for what the
// first screen shows, the scenario list, and the database status, so the answers are on their
// way while the rest of the script is evaluated and the first frame rendered.

import { askEarly } from './api';

askEarly(['list_scenarios', 'database_status']);
