/* A blocking accept() interrupted by a signal: the child exits, SIGCHLD arrives, and because
 * the handler was installed without SA_RESTART strace shows "= ? ERESTARTSYS", the signal,
 * then accept() failing with EINTR. A second child is killed with SIGKILL. Also vfork(). */
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <netinet/in.h>
#include <unistd.h>
static void on_child(int sig) { (void) sig; }
int main(void) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_child;                 /* no SA_RESTART */
    sigaction(SIGCHLD, &sa, NULL);
    int srv = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in a;
    memset(&a, 0, sizeof a);
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    bind(srv, (struct sockaddr *) &a, sizeof a);
    listen(srv, 1);
    pid_t quick = fork();
    if (quick == 0) {
        usleep(100000);
        _exit(3);
    }
    int conn = accept(srv, NULL, NULL);       /* interrupted by SIGCHLD */
    waitpid(quick, NULL, 0);
    pid_t victim = fork();
    if (victim == 0) {
        pause();
        _exit(0);
    }
    kill(victim, SIGKILL);
    waitpid(victim, NULL, 0);
    pid_t v = vfork();
    if (v == 0) {
        _exit(0);
    }
    waitpid(v, NULL, 0);
    printf("accept returned %d\n", conn);
    close(srv);
    return 0;
}
