#!/usr/bin/env bash
# What `#[tl(serde)]` costs: Telegram's whole layer-228 API through tl!, plain and with serde
# impls for every type (feature `serde`): median `cargo check` time, peak memory and macro call.
#
#   scripts/serde-check.sh [rounds]     (default 5 rounds)
source "$(dirname "$0")/common.sh"
rounds=${1:-5}
option_cost "layer-228 api.tl without and with serde" 'serde' '"serde"'
