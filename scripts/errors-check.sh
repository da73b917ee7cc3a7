#!/usr/bin/env bash
# What error types cost: Telegram's whole layer-228 API through tl!, plain and with every
# function's error type from Telegram's published list (`errors = "../shared/errors/
# raw-errors.json"`, feature `errors-json`): median `cargo check` time, peak memory and macro call.
#
#   scripts/errors-check.sh [rounds]     (default 5 rounds)
source "$(dirname "$0")/common.sh"
rounds=${1:-5}
option_cost "layer-228 api.tl without and with raw-errors.json" \
  'errors = "$shared/errors/raw-errors.json"' '"errors-json"'
