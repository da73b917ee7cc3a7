#!/usr/bin/env bash
# Installs TON's own libtonlibjson (the build that the PyPI package `pytonlib` 0.0.72 ships) into
# target/tonlibjson, where tests/tests/tonlibjson.rs finds it (or set TONLIBJSON_LIB). The wheel
# carries the library prebuilt for each platform: only pip is needed, no TON build.
set -euo pipefail
cd "$(dirname "$0")/.."
dir=target/tonlibjson
lib=$dir/pytonlib/distlib/linux/libtonlibjson.x86_64.so
if [ ! -f "$lib" ]; then
  python3 -m pip install --quiet --disable-pip-version-check --root-user-action=ignore --no-deps --target "$dir" pytonlib==0.0.72
fi
ls "$lib"
