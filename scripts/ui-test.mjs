// Runs the UI unit tests (ui/tests/*.test.ts) with Node's test runner. esbuild (already
// installed with Vite) strips the types and bundles each test into a temporary directory.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const testDir = 'ui/tests';
const entries = readdirSync(testDir)
  .filter((name) => name.endsWith('.test.ts'))
  .map((name) => join(testDir, name));
const outdir = mkdtempSync(join(tmpdir(), 'plancast-ui-tests-'));
try {
  await build({
    entryPoints: entries,
    outdir,
    bundle: true,
    platform: 'node',
    format: 'esm',
    outExtension: { '.js': '.mjs' },
    logLevel: 'warning',
  });
  const files = readdirSync(outdir).map((name) => join(outdir, name));
  const result = spawnSync(process.execPath, ['--test', ...files], { stdio: 'inherit' });
  process.exitCode = result.status ?? 1;
} finally {
  rmSync(outdir, { recursive: true, force: true });
}
