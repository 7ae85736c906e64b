# Shared by the scripts in this directory; sourced, not run.

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

step() { printf '\n==> %s\n' "$*"; }

# The packages of scripts/apt-packages.txt that are not installed yet.
missing_apt_packages() {
  local pkg
  grep -v '^\s*\(#\|$\)' "$ROOT/scripts/apt-packages.txt" | while read -r pkg; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || echo "$pkg"
  done
}

install_apt_packages() {
  local missing sudo=""
  missing="$(missing_apt_packages | tr '\n' ' ')"
  [ -z "${missing// /}" ] && return 0
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  step "apt-get install $missing"
  $sudo apt-get update
  # shellcheck disable=SC2086 # word splitting of the package list is intended
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y --no-install-recommends $missing
}

# Rust and Node come with the machine: Debian 12's own are too old (rustc 1.63, node 18) and
# there is no internet to fetch others.
check_toolchains() {
  command -v cargo >/dev/null || { echo "cargo not found: install Rust (1.86 or newer)" >&2; exit 1; }
  command -v node >/dev/null || { echo "node not found: install Node.js 20.19+ (Vite 7)" >&2; exit 1; }
  node -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a>20||(a===20&&b>=19)?0:1)' \
    || { echo "Node.js $(node --version) is too old: Vite 7 needs 20.19+" >&2; exit 1; }
}

# `npm ci` refuses here: the registry does not serve other platforms' optional packages, so
# the lockfile lacks them. `npm install` with the committed lockfile gives the same tree.
install_npm_packages() {
  step "npm install"
  (cd "$ROOT" && npm install --no-audit --no-fund)
}

install_tauri_driver() {
  command -v tauri-driver >/dev/null && return 0
  step "cargo install tauri-driver"
  cargo install tauri-driver --version '^2' --locked
}
