// SPDX-License-Identifier: Apache-2.0
/* Two threads share one descriptor table and race: each opens a socket and closes it, 200 times.
   Under strace -f their calls overlap (<unfinished ...> in one thread while the other's call
   completes), and the log cannot say which of two overlapping calls took its number first. */
#include <pthread.h>
#include <stdio.h>
#include <sys/socket.h>
#include <unistd.h>

#define ROUNDS 200

static void *churn(void *arg) {
    int type = *(int *)arg;
    for (int i = 0; i < ROUNDS; i++) {
        int fd = socket(AF_INET, type, 0);
        close(fd);
    }
    return NULL;
}

int main(void) {
    int stream = SOCK_STREAM, dgram = SOCK_DGRAM;
    pthread_t a, b;
    pthread_create(&a, NULL, churn, &stream);
    pthread_create(&b, NULL, churn, &dgram);
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    puts("done");
    return 0;
}
