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
source "$(dirname "$0")/common.sh"
cargo build -q --release -p tl-peers --bin bench
echo "| contender | instructions per call |"
echo "|---|---:|"
for c in encode grammers-encode decode borrowed grammers-decode; do
  printf '| %s | %s |\n' "$c" "$(bench_instructions target/release/bench "$c")"
done
