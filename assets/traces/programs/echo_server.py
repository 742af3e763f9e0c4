# SPDX-License-Identifier: Apache-2.0
# A server whose client is not traced: strace follows only this process, so its accept()
# returns a connection from a process the log never shows. It also dup()s the connection.
# usage: python3 -I -S echo_server.py PORTFILE   (then a client connects to the port it wrote)
import os, socket, sys

srv = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
srv.bind(("127.0.0.1", 0))
srv.listen(4)
with open(sys.argv[1] + ".tmp", "w") as f:
    f.write(str(srv.getsockname()[1]))
os.rename(sys.argv[1] + ".tmp", sys.argv[1])
conn, peer = srv.accept()
data = conn.recv(64)
copy = os.dup(conn.fileno())
os.write(copy, data.upper())
os.close(copy)
conn.shutdown(socket.SHUT_WR)
conn.close()
srv.close()
