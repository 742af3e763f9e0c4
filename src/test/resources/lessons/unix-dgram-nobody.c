// title: 没人绑定的 AF_UNIX 路径 | An AF_UNIX path nobody is bound to
// description: 数据报发往不存在的路径得到 ENOENT，发往文件还在、套接字已关闭的路径得到 ECONNREFUSED | A datagram to a path with no file gets ENOENT, to a path whose file is left but whose socket is closed ECONNREFUSED
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

int main(void) {
    struct sockaddr_un a = {0};
    a.sun_family = AF_UNIX;
    strcpy(a.sun_path, "./d.sock");
    struct sockaddr_un none = {0};
    none.sun_family = AF_UNIX;
    strcpy(none.sun_path, "./none.sock");
    struct sockaddr_un st = {0};
    st.sun_family = AF_UNIX;
    strcpy(st.sun_path, "./st.sock");
    int d = socket(AF_UNIX, SOCK_DGRAM, 0);
    bind(d, (struct sockaddr *)&a, sizeof a);
    int c = socket(AF_UNIX, SOCK_DGRAM, 0);
    // say: 没有文件的路径：内核先查路径，ENOENT。 | A path with no file: the kernel looks the path up first, ENOENT.
    sendto(c, "x", 1, 0, (struct sockaddr *)&none, sizeof none);
    sendto(c, "one", 3, 0, (struct sockaddr *)&a, sizeof a);
    connect(c, (struct sockaddr *)&none, sizeof none);
    close(d);
    // say: d.sock 这个文件还在，但没有套接字绑定在上面：ECONNREFUSED。 | The file d.sock is still there, but no socket is bound to it: ECONNREFUSED.
    sendto(c, "two", 3, 0, (struct sockaddr *)&a, sizeof a);
    connect(c, (struct sockaddr *)&a, sizeof a);
    int s = socket(AF_UNIX, SOCK_STREAM, 0);
    bind(s, (struct sockaddr *)&st, sizeof st);
    // say: 绑定在那里的是流套接字：EPROTOTYPE。 | The socket bound there is a stream socket: EPROTOTYPE.
    sendto(c, "three", 5, 0, (struct sockaddr *)&st, sizeof st);
    close(s);
    close(c);
    return 0;
}
