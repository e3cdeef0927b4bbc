#!/usr/bin/env bash
# Instructions per input byte for each hostile case at 1x, 4x and 16x (lenient parse and
# validate, once each, under callgrind): flat numbers mean cost linear in the input, whatever
# else the machine is doing. Needs valgrind (Debian: apt-get install valgrind).
set -euo pipefail
cd "$(dirname "$0")/../.."
cargo build --quiet --release --example hostile_once
printf '| case | 1x bytes | instructions/byte at 1x | 4x | 16x | 16x / 1x |\n|---|--:|--:|--:|--:|--:|\n'
for case in sibling_commands distinct_unknown_elements attributes_on_one_element long_attribute_value; do
  row="| $case"
  first=""
  for factor in 1 4 16; do
    out=$(valgrind --tool=callgrind --callgrind-out-file=/dev/null \
      target/release/examples/hostile_once "$case" "$factor" 2>&1)
    bytes=$(sed -n 's/^\([0-9]*\) bytes.*/\1/p' <<<"$out")
    instructions=$(sed -n 's/.*Collected : \([0-9]*\).*/\1/p' <<<"$out")
    per_byte=$(awk -v i="$instructions" -v b="$bytes" 'BEGIN { printf "%.0f", i / b }')
    [ "$factor" = 1 ] && row="$row | $bytes" && first=$per_byte
    row="$row | $per_byte"
  done
  ratio=$(awk -v a="$per_byte" -v b="$first" 'BEGIN { printf "%.2f", a / b }')
  echo "$row | $ratio |"
done
