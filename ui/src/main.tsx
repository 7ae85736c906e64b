// The entry, kept small so that the window paints first: index.html's static shell (the
// scenario list's frame) is drawn before the app's script, boot.tsx, is fetched and evaluated.
// Before that frame it gives the shell the user's theme and words it in their language (the
// Chinese catalogue it needs is most of this chunk's 21 kB).
// A module script runs when the page is parsed, before its first frame, and evaluating the
// whole app there held that frame back by about 50 ms (docs/footprint.md).
//
// The import starts at the first animation frame, so the shell is painted in that frame while
// the chunk is on its way. A window not shown yet gets no frames: the timeout starts it then.

import { startLanguage, startTheme } from './start-preferences';
import { wordShell } from './shell';

// Record Content-Security-Policy violations where the E2E tests can read them: the CSP is
// strict (no inline styles or scripts), and a violation means a feature silently broke.
const cspViolations: string[] = [];
(window as unknown as { __cspViolations: string[] }).__cspViolations = cspViolations;
document.addEventListener('securitypolicyviolation', (event) => {
  cspViolations.push(`${event.violatedDirective} ${event.blockedURI}`);
});

// The shell is written in English and follows the system's theme: word it in the user's
// language and give it their theme before its first frame (theme.ts keeps the theme after).
const theme = startTheme();
if (theme !== 'system') document.documentElement.dataset.theme = theme;
const startsIn = startLanguage();
if (startsIn !== 'en') {
  document.documentElement.lang = startsIn;
  wordShell(document.body, startsIn);
}

let started = false;
function start() {
  if (started) return;
  started = true;
  void import('./boot');
}
requestAnimationFrame(start);
setTimeout(start, 50);
