#!/usr/bin/env bash
# Installs TDLib's own libtdjson (1.8.61, the TDLib of ../shared/schemas/td_api.tl) from the PyPI
# package `tdjson` into target/tdjson, where tests/tests/tdjson.rs finds it (or set TDJSON_LIB).
# The package is a prebuilt wheel: only pip is needed, no TDLib build.
set -euo pipefail
cd "$(dirname "$0")/.."
dir=target/tdjson
if ! ls "$dir"/tdjson.libs/libtdjson* >/dev/null 2>&1; then
  python3 -m pip install --quiet --disable-pip-version-check --root-user-action=ignore --no-deps --target "$dir" tdjson==1.8.61
fi
ls "$dir"/tdjson.libs/libtdjson*
