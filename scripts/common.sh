# Helpers shared by the build-timing scripts; source it after setting `work` (a scratch folder),
# `rounds` and the associative array `result` (`result[CRATE,BUILD,ROUND]="SECONDS PEAK_KIB"`).

# seconds and peak KiB of a command, as "S KIB"
measure() {
  /usr/bin/time -o "$work/time" -f "%e %M" "$@" >/dev/null 2>&1
  tail -1 "$work/time"
}

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
# med CRATE FIELD BUILD: the median over the rounds of the seconds (FIELD 1) or peak KiB (2).
med() { for ((r = 0; r < rounds; r++)); do echo "${result[$1,$3,$r]}" | cut -d' ' -f"$2"; done | median; }
