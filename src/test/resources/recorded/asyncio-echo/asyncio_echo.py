# SPDX-License-Identifier: Apache-2.0
"""An asyncio echo server and its client in one event loop (one process, one thread).

asyncio makes every socket non-blocking (ioctl FIONBIO), so the client's connect() returns
EINPROGRESS and the loop learns from epoll that the handshake is done, then asks
getsockopt(SO_ERROR). The server accepts, the client sends two lines and reads the echoes.
Then it prints READY (listener, both ends of the connection and the loop's epoll and
self-pipe socketpair still open), waits for a line on stdin and leaves with os._exit(0):
nothing is closed by hand, so what /proc/PID/fd shows at READY is what the process has when
it exits.

Run: python3 -I -S asyncio_echo.py
"""
import asyncio
import os
import sys


async def handle(reader, writer):
    while line := await reader.readline():
        writer.write(line)
        await writer.drain()


async def main():
    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    for text in (b"hello\n", b"world\n"):
        writer.write(text)
        await writer.drain()
        echo = await reader.readline()
        assert echo == text, echo
    print(f"echoed twice on port {port}; READY", flush=True)
    sys.stdin.readline()
    os._exit(0)


asyncio.run(main())
