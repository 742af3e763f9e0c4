/* pthread_create(): the thread SHARES the descriptor table (clone3 with CLONE_FILES).
 * The thread's socket takes 4 in the one shared table, so main's next socket gets 5. */
#include <pthread.h>
#include <stdio.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include <unistd.h>
static void *worker(void *arg) {
    (void) arg;
    int fd = socket(AF_INET, SOCK_DGRAM, 0);             /* 4: the shared table's lowest free slot */
    return (void *) (long) fd;
}
int main(void) {
    int first = socket(AF_INET, SOCK_STREAM, 0);         /* 3 */
    pthread_t t;
    void *res;
    pthread_create(&t, NULL, worker, NULL);
    pthread_join(t, &res);
    int after = socket(AF_INET, SOCK_STREAM, 0);         /* 5, because the thread holds 4 */
    printf("%d %ld %d\n", first, (long) res, after);
    close(after); close((int) (long) res); close(first);
    return 0;
}
