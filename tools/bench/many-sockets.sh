#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
#
# Writes a lesson file that opens sockets until the cabinet is full: with the default limit of
# 1024, descriptors 3 to 1023 get a socket each and one more socket() fails with EMFILE, so the
# last frames show 1,024 open descriptors. For tools/bench/pulses.sh and docs/BENCHMARKS.md.
#
#   tools/bench/many-sockets.sh [sockets] > target/many-sockets.c      (default 1022)
count=${1:-1022}
echo "// title: 很多套接字 | Many sockets"
echo "// description: 打开 $count 个套接字，直到描述符表满 | $count sockets, until the descriptor table is full"
echo "// memory: 16 MiB"
i=1
while [ "$i" -le "$count" ]; do
    echo "int fd$i = socket(AF_INET, SOCK_STREAM, 0);"
    i=$((i + 1))
done
