# A real interpreter opening every kind of descriptor a -yy trace decorates:
# a UNIX socket bound to a path and its peer, an abstract UNIX name, a socketpair,
# an IPv6 TCP connection over ::1, a UDP socket, a pipe and an epoll instance.
import os, select, socket
path = "/tmp/socketlab-kinds.sock"
if os.path.exists(path):
    os.unlink(path)
srv = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
srv.bind(path)
srv.listen(1)
cli = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
cli.connect(path)
conn, _ = srv.accept()
abstract = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
abstract.bind("\0socketlab")
a, b = socket.socketpair()
v6 = socket.socket(socket.AF_INET6, socket.SOCK_STREAM)
v6.bind(("::1", 0))
v6.listen(1)
c6 = socket.create_connection(("::1", v6.getsockname()[1]))
s6, _ = v6.accept()
udp = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
udp.sendto(b"hello\r\n\x00\xff", ("127.0.0.1", 9))
r, w = os.pipe()
ep = select.epoll()
ep.register(conn.fileno(), select.EPOLLIN)
cli.send(b"x")
ep.poll(1)
for s in (cli, conn, srv, abstract, a, b, c6, s6, v6, udp):
    s.close()
os.close(r); os.close(w); ep.close()
os.unlink(path)
