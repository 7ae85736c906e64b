import { render } from 'preact';
import './styles/tokens.css';
import './styles/app.css';
import './styles/screens.css';
import './i18n';
import './theme';
import { App } from './app';

// Record Content-Security-Policy violations where the E2E tests can read them: the CSP is
// strict (no inline styles or scripts), and a violation means a feature silently broke.
const cspViolations: string[] = [];
(window as unknown as { __cspViolations: string[] }).__cspViolations = cspViolations;
document.addEventListener('securitypolicyviolation', (event) => {
  cspViolations.push(`${event.violatedDirective} ${event.blockedURI}`);
});

const root = document.getElementById('app');
if (root) render(<App />, root);
