// SPDX-License-Identifier: Apache-2.0
/* Threads share one descriptor table, and accept() takes its number before it waits. The
   listener is 3; a thread makes a socket (4, in the shared table) and blocks in accept(): the
   lowest free number, 5, is reserved for the connection it will return. The main thread's
   socket() meanwhile gets 6, not 5; when it connects, the thread's accept() returns 5. The
   thread's socket 4 is the main thread's 4 too. */
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

static void *serve(void *unused) {
    thread_id = (pid_t) syscall(SYS_gettid);
    thread_socket = socket(AF_INET, SOCK_DGRAM, 0);   /* made by the thread */
    accepted = accept(listener, NULL, NULL);          /* blocks, holding number 5 */
    return unused;
}

/* True once the thread sleeps inside accept: /proc says it is in syscall 43 (accept; 288 is
   accept4) and asleep ('S'), not just stopped at the syscall's entry by a tracer ('t'). */
static int in_accept(pid_t tid) {
    char path[64], line[256] = "";
    snprintf(path, sizeof path, "/proc/self/task/%d/syscall", (int) tid);
    FILE *f = fopen(path, "r");
    if (f == NULL) {
        return 0;
    }
    fgets(line, sizeof line, f);
    fclose(f);
    if (strncmp(line, "43 ", 3) != 0 && strncmp(line, "288 ", 4) != 0) {
        return 0;
    }
    snprintf(path, sizeof path, "/proc/self/task/%d/stat", (int) tid);
    f = fopen(path, "r");
    if (f == NULL) {
        return 0;
    }
    fgets(line, sizeof line, f);
    fclose(f);
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
    while (thread_id == 0 || !in_accept(thread_id)) {
        usleep(1000);                                            /* until the thread waits */
    }
    int client = socket(AF_INET, SOCK_STREAM, 0);                /* 6: 5 is reserved */
    connect(client, (struct sockaddr *)&addr, sizeof addr);
    pthread_join(thread, NULL);
    fcntl(thread_socket, F_GETFD);                               /* the thread's socket is ours too */
    printf("thread socket %d, accepted %d, client %d\n", thread_socket, accepted, client);
    return 0;
}
