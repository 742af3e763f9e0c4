// title: 线程共用一个柜子 | Threads share one cabinet
// description: pthread_create() 的线程从同一个描述符柜里拿最小的空号码 | A pthread_create() thread takes the lowest free number from the same cabinet
#include <pthread.h>
#include <sys/socket.h>
#include <unistd.h>

/* shared by main and its threads */
static int from_thread = -1;

static void *opener(void *arg) {
    // say: 线程拿到 4 号：3 号是主线程的，柜子是同一个 | The thread gets 4: 3 is main's, and it is the same cabinet
    from_thread = socket(AF_INET, SOCK_DGRAM, 0);
    return NULL;   // say: 线程结束；它的 4 号还在柜子里 | The thread ends; its number 4 stays in the cabinet
}

static void *closer(void *arg) {
    int fd = *(int *)arg;
    close(fd);     // say: 这个线程关掉主线程的 3 号 | This thread closes main's number 3
    return NULL;   // say: 线程结束；3 号空着，对所有线程都空着 | The thread ends; 3 is free, for every thread
}

int main(void) {
    int mine = socket(AF_INET, SOCK_STREAM, 0);   // say: 主线程拿到 3 号 | Main gets number 3
    pthread_t t;
    // say: 新线程共用进程的描述符柜，不复制 | The new thread shares the process's cabinet: nothing is copied
    pthread_create(&t, NULL, opener, NULL);
    pthread_join(t, NULL);
    close(from_thread);   // say: 主线程关掉线程开的 4 号：同一张表 | Main closes the thread's 4: one table for both
    // say: 4 号又空了：最小的空号码还是 4 | 4 is free again: the lowest free number is 4 once more
    int again = socket(AF_INET, SOCK_STREAM, 0);
    pthread_create(&t, NULL, closer, &mine);   // say: 把 3 号交给另一个线程 | Hand number 3 to another thread
    pthread_join(t, NULL);
    // say: 线程空出的 3 号，主线程也能用 | The 3 a thread freed is free for main too
    int last = socket(AF_INET, SOCK_DGRAM, 0);
    close(again);   // say: 收拾干净 | Tidy up
    close(last);    // say: 收拾干净 | Tidy up
    return 0;       // say: 进程退出：柜子和它一起清空 | The process exits, and its cabinet with it
}
