# shellcheck shell=bash
# Sourced (never run) by the project's scripts after scripts/setup has run:
#
#     . "$(dirname "${BASH_SOURCE[0]}")/lib/env.sh"      # from a script in scripts/
#
# It sets:
#   PRIVACY_TAB_ROOT   the project root (the folder above scripts/)
#   PATH               + <root>/.tools/bin, <root>/.tools/node_modules/.bin (wasm-opt 132, terser),
#                        ${CARGO_HOME:-~/.cargo}/bin (trunk, wasm-bindgen, rustup's proxies)
#   RUSTUP_TOOLCHAIN   only when setup had to build the wasm32 std itself (the offline route):
#                        then it names the Debian toolchain (privacy-tab-debian), which rustup
#                        prefers to rust-toolchain.toml; otherwise the toolchain that file names
#                        is used and nothing is set.
# Safe to source more than once and under `set -euo pipefail`.

PRIVACY_TAB_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
export PRIVACY_TAB_ROOT

_privacy_tab_path_prepend() { # move $1 to the front of PATH (once)
    local p=":${PATH:-}:"
    while [[ "$p" == *":$1:"* ]]; do p="${p//:$1:/:}"; done
    p="${p#:}"
    p="${p%:}"
    PATH="$1${p:+:$p}"
}
# Last one prepended ends up first.
_privacy_tab_path_prepend "${CARGO_HOME:-$HOME/.cargo}/bin"
_privacy_tab_path_prepend "$PRIVACY_TAB_ROOT/.tools/node_modules/.bin"
_privacy_tab_path_prepend "$PRIVACY_TAB_ROOT/.tools/bin"
export PATH
unset -f _privacy_tab_path_prepend

# Written by scripts/setup: which Rust toolchain builds the project (see the comment in it).
if [ -f "$PRIVACY_TAB_ROOT/.tools/toolchain-env" ]; then
    # shellcheck disable=SC1091
    . "$PRIVACY_TAB_ROOT/.tools/toolchain-env"
fi
