// SPDX-License-Identifier: Apache-2.0
/* Threads share one descriptor table, and accept() takes its number before it waits. The
   listener is 3; the main thread opens two /proc files (4, 5) to watch the thread with; the
   thread makes a socket (6, in the shared table) and blocks in accept(): the lowest free number,
   7, is reserved for the connection it will return. The main thread's socket() meanwhile gets
   8, not 7; when it connects, the thread's accept() returns 7. The thread's socket 6 is the
   main thread's 6 too. */
#include <stdio.h>
#include <string.h>
#include <pthread.h>
#include <fcntl.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <netinet/in.h>
#include <arpa/inet.h>
#include <unistd.h>

#define PORT 8080

static int listener;
static int accepted = -1;
static int thread_socket = -1;
static volatile pid_t thread_id;
static volatile int may_accept;

static void *serve(void *unused) {
    thread_id = (pid_t) syscall(SYS_gettid);
    while (!may_accept) {
        usleep(1000);                                 /* until the main thread watches */
    }
    thread_socket = socket(AF_INET, SOCK_DGRAM, 0);   /* 6, made by the thread */
    accepted = accept(listener, NULL, NULL);          /* blocks, holding number 7 */
    return unused;
}

/* True once the thread sleeps inside accept: /proc says it is in syscall 43 (accept; 288 is
   accept4) and asleep ('S'), not just stopped at the syscall's entry by a tracer ('t'). The
   files were opened before, so that watching takes no descriptor number. */
static int in_accept(int syscall_file, int stat_file) {
    char line[256];
    ssize_t n = pread(syscall_file, line, sizeof line - 1, 0);
    line[n > 0 ? n : 0] = '\0';
    if (strncmp(line, "43 ", 3) != 0 && strncmp(line, "288 ", 4) != 0) {
        return 0;
    }
    n = pread(stat_file, line, sizeof line - 1, 0);
    line[n > 0 ? n : 0] = '\0';
    char *state = strrchr(line, ')');
    return state != NULL && state[1] == ' ' && state[2] == 'S';
}

int main(void) {
    struct sockaddr_in addr;
    memset(&addr, 0, sizeof addr);
    addr.sin_family = AF_INET;
    addr.sin_port = htons(PORT);
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    listener = socket(AF_INET, SOCK_STREAM, 0);                  /* 3 */
    bind(listener, (struct sockaddr *)&addr, sizeof addr);
    listen(listener, 5);

    pthread_t thread;
    pthread_create(&thread, NULL, serve, NULL);
    while (thread_id == 0) {
        usleep(1000);
    }
    char path[64];
    snprintf(path, sizeof path, "/proc/self/task/%d/syscall", (int) thread_id);
    int syscall_file = open(path, O_RDONLY);                     /* 4 */
    snprintf(path, sizeof path, "/proc/self/task/%d/stat", (int) thread_id);
    int stat_file = open(path, O_RDONLY);                        /* 5 */
    may_accept = 1;
    while (!in_accept(syscall_file, stat_file)) {
        usleep(1000);                                            /* until the thread waits */
    }
    int client = socket(AF_INET, SOCK_STREAM, 0);                /* 8: 7 is reserved */
    connect(client, (struct sockaddr *)&addr, sizeof addr);
    pthread_join(thread, NULL);
    fcntl(thread_socket, F_GETFD);                               /* the thread's socket is ours too */
    printf("thread socket %d, accepted %d, client %d\n", thread_socket, accepted, client);
    return 0;
}
