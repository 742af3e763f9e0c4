// title: 参数错误 | Wrong arguments
// description: 每个错误都有自己的 errno，而且什么都没有留下 | Each mistake has its own errno, and none leaves anything behind
#include <netinet/in.h>
#include <sys/socket.h>

int main(void) {
    // say: 没有 12345 这个地址族：EAFNOSUPPORT，什么都还没分配。 | There is no address family 12345: EAFNOSUPPORT, before anything is allocated.
    socket(12345, SOCK_STREAM, 0);
    // say: 99 是 SOCK_RAW 加上标志位 0x60，这些标志位不存在：EINVAL。 | 99 is SOCK_RAW with flag bits 0x60, which no flag has: EINVAL.
    socket(AF_INET, 99, 0);
    // say: 类型只能带 SOCK_NONBLOCK 和 SOCK_CLOEXEC，0x40 不行：EINVAL。 | The type may carry only SOCK_NONBLOCK and SOCK_CLOEXEC, not 0x40: EINVAL.
    socket(AF_INET, SOCK_STREAM | 0x40, 0);
    // say: 盒子先造好，inet_create 才检查协议号：必须小于 263（IPPROTO_MAX）：EINVAL，盒子再拆掉。 | The box is built first; then inet_create checks the protocol: it must be below 263 (IPPROTO_MAX): EINVAL, and the box is taken apart.
    socket(AF_INET, SOCK_STREAM, 4242);
    // say: AF_INET 根本没有 SOCK_SEQPACKET 这种类型：ESOCKTNOSUPPORT。 | AF_INET has no SOCK_SEQPACKET sockets at all: ESOCKTNOSUPPORT.
    socket(AF_INET, SOCK_SEQPACKET, 0);
    // say: 数据报套接字说不了 TCP：EPROTONOSUPPORT。 | A datagram socket cannot speak TCP: EPROTONOSUPPORT.
    socket(AF_INET, SOCK_DGRAM, IPPROTO_TCP);
    // say: 原始套接字能看到所有包，要有 CAP_NET_RAW；普通用户：EPERM。 | A raw socket sees every packet, so it needs CAP_NET_RAW; a user gets EPERM.
    socket(AF_INET, SOCK_RAW, IPPROTO_ICMP);
    // say: ping 套接字先拿到了盒子，填表时 ping_init_sock 才说 EACCES，再拆掉。 | A ping socket gets its box first; then ping_init_sock says EACCES and takes it apart.
    socket(AF_INET, SOCK_DGRAM, IPPROTO_ICMP);
    // say: 正确的调用拿到 3 号：前面的失败没用掉号码，也没留下内存。 | A correct call gets 3: the failures used up no number and left no memory behind.
    socket(AF_INET, SOCK_STREAM, 0);
}
