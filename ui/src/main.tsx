// The entry, kept tiny so that the window paints first: index.html's static shell (the
// scenario list's frame) is drawn before the app's script, boot.tsx, is fetched and evaluated.
// A module script runs when the page is parsed, before its first frame, and evaluating the
// whole app there held that frame back by about 50 ms (docs/footprint.md).
//
// The import starts at the first animation frame, so the shell is painted in that frame while
// the chunk is on its way. A window not shown yet gets no frames: the timeout starts it then.

// Record Content-Security-Policy violations where the E2E tests can read them: the CSP is
// strict (no inline styles or scripts), and a violation means a feature silently broke.
const cspViolations: string[] = [];
(window as unknown as { __cspViolations: string[] }).__cspViolations = cspViolations;
document.addEventListener('securitypolicyviolation', (event) => {
  cspViolations.push(`${event.violatedDirective} ${event.blockedURI}`);
});

let started = false;
function start() {
  if (started) return;
  started = true;
  void import('./boot');
}
requestAnimationFrame(start);
setTimeout(start, 50);
