#!/bin/bash
# SPDX-License-Identifier: Apache-2.0
#
# Makes the big strace logs for the replay measurements, into target/big-logs/ (they are far
# too big to keep in git: 4.4 MB and 44 MB):
#
#   churn16000.strace    ~100,000 lines  strace -e trace=socket,close,prlimit64 churn 16000
#   churn158730.strace ~1,000,000 lines  the same with 158,730 rounds (6.3 lines a round)
#
# churn (tools/bench/churn.c) opens sockets of three kinds, closes every second one, and every
# 50th round leaks sockets until socket() fails with EMFILE (the limit is 16). The program runs
# with only descriptors 0, 1 and 2 open (whatever else the calling shell holds is closed first),
# so the logs show everything the model needs. Needs gcc and strace; the big one takes about
# 1.5 minutes under strace.
#
#   tools/bench/make-big-logs.sh          # both
#   tools/bench/make-big-logs.sh 16000    # one, by its number of rounds
set -euo pipefail
cd "$(dirname "$0")/../.."
out=target/big-logs
mkdir -p "$out"
gcc -O2 -Wall -o "$out/churn" tools/bench/churn.c
rounds=("$@")
if [ ${#rounds[@]} -eq 0 ]; then
    rounds=(16000 158730)
fi
for n in "${rounds[@]}"; do
    log="$out/churn$n.strace"
    (
        for fd in /proc/$BASHPID/fd/*; do
            fd=${fd##*/}
            if [ "$fd" -gt 2 ]; then eval "exec $fd>&-"; fi
        done
        exec strace -o "$log" -e trace=socket,close,prlimit64 "$out/churn" "$n" </dev/null
    )
    echo "$log: $(wc -l < "$log") lines"
done
