#!/usr/bin/env bash
# Instructions per call of each bench contender, counted by valgrind's callgrind: the same on
# every run, whatever else the machine is doing, so that a change to the codecs can be judged
# where the timed bench's noise (a few percent on this shared machine) hides it. Instructions
# are not time (a cache miss or a division costs more than an addition): the timed bench
# (`cargo run --release -p tl-peers --bin bench`) stays the measure; this is the stable check.
# Each count is the difference between runs of 300 and 100 calls, over 200 calls, so that the
# set-up (building the payload, the first decodes) cancels out.
#
#   scripts/instructions.sh          (needs valgrind: apt-get install valgrind)
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build -q --release -p tl-peers --bin bench
count() {
  valgrind --tool=callgrind --callgrind-out-file=/dev/null target/release/bench --profile "$1" "$2" 2>&1 |
    awk '/Collected/ {print $4}'
}
per_call() { echo $(( ($(count "$1" 300) - $(count "$1" 100)) / 200 )); }
echo "| contender | instructions per call |"
echo "|---|---:|"
for c in encode grammers-encode decode borrowed grammers-decode; do
  printf '| %s | %s |\n' "$c" "$(per_call "$c")"
done
