// SPDX-License-Identifier: Apache-2.0
/* IPV6_V6ONLY: an AF_INET6 socket is dual-stack by default (net.ipv6.bindv6only = 0); the option
   says whether it also holds and receives IPv4. It may be changed only before the socket has a
   port, it belongs to the IPv6 level (an AF_INET socket does not know the level), and it decides
   which binds of one port clash: every pair of eight kinds of local address below is tried. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include <arpa/inet.h>
#include <unistd.h>

#define PORT 8080

struct kind {
    const char *name;
    int family;
    const char *address;
    int v6only;
};

static const struct kind KINDS[] = {
    {"0.0.0.0", AF_INET, "0.0.0.0", 0},
    {"127.0.0.1", AF_INET, "127.0.0.1", 0},
    {"[::]", AF_INET6, "::", 0},
    {"[::] v6only", AF_INET6, "::", 1},
    {"[::1]", AF_INET6, "::1", 0},
    {"[::1] v6only", AF_INET6, "::1", 1},
    {"[::ffff:127.0.0.1]", AF_INET6, "::ffff:127.0.0.1", 0},
    {"[::ffff:0.0.0.0]", AF_INET6, "::ffff:0.0.0.0", 0},
};
#define NKINDS (int)(sizeof KINDS / sizeof KINDS[0])

/* A socket of the kind's family, IPv6-only when the kind says so (the default is left alone). */
static int open_kind(const struct kind *k, int type) {
    int fd = socket(k->family, type, 0);
    if (k->v6only) {
        int one = 1;
        setsockopt(fd, IPPROTO_IPV6, IPV6_V6ONLY, &one, sizeof one);
    }
    return fd;
}

static int bind_kind(int fd, const struct kind *k, int port) {
    if (k->family == AF_INET) {
        struct sockaddr_in a;
        memset(&a, 0, sizeof a);
        a.sin_family = AF_INET;
        a.sin_port = htons(port);
        inet_pton(AF_INET, k->address, &a.sin_addr);
        return bind(fd, (struct sockaddr *)&a, sizeof a);
    }
    struct sockaddr_in6 a;
    memset(&a, 0, sizeof a);
    a.sin6_family = AF_INET6;
    a.sin6_port = htons(port);
    inet_pton(AF_INET6, k->address, &a.sin6_addr);
    return bind(fd, (struct sockaddr *)&a, sizeof a);
}

static int port_of(int fd) {
    struct sockaddr_in6 a;
    socklen_t len = sizeof a;
    getsockname(fd, (struct sockaddr *)&a, &len);
    return ntohs(a.sin6_port); /* sin_port and sin6_port sit at the same offset */
}

static int connect_to(int fd, int family, const char *address, int port) {
    if (family == AF_INET) {
        struct sockaddr_in a;
        memset(&a, 0, sizeof a);
        a.sin_family = AF_INET;
        a.sin_port = htons(port);
        inet_pton(AF_INET, address, &a.sin_addr);
        return connect(fd, (struct sockaddr *)&a, sizeof a);
    }
    struct sockaddr_in6 a;
    memset(&a, 0, sizeof a);
    a.sin6_family = AF_INET6;
    a.sin6_port = htons(port);
    inet_pton(AF_INET6, address, &a.sin6_addr);
    return connect(fd, (struct sockaddr *)&a, sizeof a);
}

static const struct kind *kind_named(const char *name) {
    for (int i = 0; i < NKINDS; i++) {
        if (strcmp(KINDS[i].name, name) == 0) {
            return &KINDS[i];
        }
    }
    return NULL;
}

int main(void) {
    int value = -1;
    socklen_t len = sizeof value;
    int one = 1, zero = 0;

    /* 1. The option: 0 by default, set and read back, refused once the socket has a port. */
    int s = socket(AF_INET6, SOCK_STREAM, 0);
    getsockopt(s, IPPROTO_IPV6, IPV6_V6ONLY, &value, &len);          /* [0]: bindv6only */
    setsockopt(s, IPPROTO_IPV6, IPV6_V6ONLY, &one, sizeof one);
    getsockopt(s, IPPROTO_IPV6, IPV6_V6ONLY, &value, &len);          /* [1] */
    setsockopt(s, IPPROTO_IPV6, IPV6_V6ONLY, &zero, 2);               /* EINVAL: shorter than an int */
    setsockopt(s, IPPROTO_IPV6, 9999, &one, sizeof one);              /* ENOPROTOOPT: no such option */
    setsockopt(s, 999, 1, &one, sizeof one);                          /* ENOPROTOOPT: no such level */
    bind_kind(s, kind_named("[::1]"), 0);
    setsockopt(s, IPPROTO_IPV6, IPV6_V6ONLY, &zero, sizeof zero);     /* EINVAL: it has a port */
    getsockopt(s, IPPROTO_IPV6, IPV6_V6ONLY, &value, &len);          /* still [1] */
    close(s);
    s = socket(AF_INET6, SOCK_STREAM, 0);
    listen(s, 1);                                                     /* autobinds */
    setsockopt(s, IPPROTO_IPV6, IPV6_V6ONLY, &one, sizeof one);      /* EINVAL */
    close(s);
    s = socket(AF_INET6, SOCK_DGRAM, 0);
    connect_to(s, AF_INET6, "::1", 9);                                /* a UDP connect autobinds */
    setsockopt(s, IPPROTO_IPV6, IPV6_V6ONLY, &one, sizeof one);      /* EINVAL */
    close(s);

    /* Binding one IPv6 address makes the socket IPv6 only; binding it again is EINVAL before the
       address is looked at (IPv4 looks at the address first). */
    s = socket(AF_INET6, SOCK_STREAM, 0);
    bind_kind(s, kind_named("[::1]"), 0);
    getsockopt(s, IPPROTO_IPV6, IPV6_V6ONLY, &value, &len);          /* [1] */
    struct kind foreign = {"[fd00::99]", AF_INET6, "fd00::99", 0};
    bind_kind(s, &foreign, 0);                                        /* EINVAL */
    close(s);

    /* 2. An AF_INET socket has no IPv6 level. */
    s = socket(AF_INET, SOCK_STREAM, 0);
    setsockopt(s, IPPROTO_IPV6, IPV6_V6ONLY, &one, sizeof one);      /* ENOPROTOOPT */
    getsockopt(s, IPPROTO_IPV6, IPV6_V6ONLY, &value, &len);          /* EOPNOTSUPP: ip_getsockopt */
    close(s);
    s = socket(AF_INET, SOCK_DGRAM, 0);
    setsockopt(s, IPPROTO_IPV6, IPV6_V6ONLY, &one, sizeof one);      /* ENOPROTOOPT */
    getsockopt(s, IPPROTO_IPV6, IPV6_V6ONLY, &value, &len);          /* EOPNOTSUPP */
    close(s);

    /* 3. An IPv6-only socket has no IPv4 side: no IPv4-mapped address to bind or connect to. */
    s = open_kind(kind_named("[::] v6only"), SOCK_STREAM);
    bind_kind(s, kind_named("[::ffff:127.0.0.1]"), 0);                /* EINVAL */
    connect_to(s, AF_INET6, "::ffff:127.0.0.1", PORT);                /* ENETUNREACH */
    close(s);

    /* 4. Every pair of kinds on one port: the first binds port 0, the second the port it got. */
    for (int i = 0; i < NKINDS; i++) {
        for (int j = 0; j < NKINDS; j++) {
            int first = open_kind(&KINDS[i], SOCK_STREAM);
            bind_kind(first, &KINDS[i], 0);
            int second = open_kind(&KINDS[j], SOCK_STREAM);
            int r = bind_kind(second, &KINDS[j], port_of(first));
            printf("%-20s then %-20s %s\n", KINDS[i].name, KINDS[j].name, r == 0 ? "0" : strerror(errno));
            close(second);
            close(first);
        }
    }

    /* 5. UDP follows the same rules. */
    int u6 = socket(AF_INET6, SOCK_DGRAM, 0);
    bind_kind(u6, kind_named("[::]"), 0);
    int p = port_of(u6);
    int u4 = socket(AF_INET, SOCK_DGRAM, 0);
    bind_kind(u4, kind_named("0.0.0.0"), p);                          /* EADDRINUSE */
    close(u6);
    bind_kind(u4, kind_named("0.0.0.0"), p);                          /* 0 */
    u6 = socket(AF_INET6, SOCK_DGRAM, 0);
    bind_kind(u6, kind_named("[::]"), p);                             /* EADDRINUSE */
    close(u6);
    u6 = open_kind(kind_named("[::] v6only"), SOCK_DGRAM);
    bind_kind(u6, kind_named("[::]"), p);                             /* 0: IPv6 only */
    close(u6);
    close(u4);

    /* 6. A v6-only listener takes no IPv4 connection; an IPv4 listener beside it on the same port does. */
    int six = open_kind(kind_named("[::] v6only"), SOCK_STREAM);
    bind_kind(six, kind_named("[::]"), PORT);
    listen(six, 5);
    int c4 = socket(AF_INET, SOCK_STREAM, 0);
    connect_to(c4, AF_INET, "127.0.0.1", PORT);                       /* ECONNREFUSED */
    int c6 = socket(AF_INET6, SOCK_STREAM, 0);
    connect_to(c6, AF_INET6, "::1", PORT);                            /* 0 */
    int four = socket(AF_INET, SOCK_STREAM, 0);
    bind_kind(four, kind_named("0.0.0.0"), PORT);                     /* 0: two servers, one port */
    listen(four, 5);
    close(c4);
    c4 = socket(AF_INET, SOCK_STREAM, 0);                             /* 0 below: the IPv4 server */
    if (connect_to(c4, AF_INET, "127.0.0.1", PORT) != 0) {
        return 1; /* the port was not fresh */
    }
    int a4 = accept(four, NULL, NULL);
    int a6 = accept(six, NULL, NULL);
    printf("accepted %d (IPv4) and %d (IPv6)\n", a4, a6);
    return 0;
}
