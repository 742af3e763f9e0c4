// SPDX-License-Identifier: Apache-2.0
/* Pipe ends inherited from the shell (bash process substitution), so the log never shows the
   pipe() that made them: strace -yy names each only pipe:[inode], whichever end it is.
   The program reads 5 (so a read end), writes 6 (a write end), asks fcntl(F_GETFL) about 8
   (O_RDONLY: a read end), and only fstat()s 7, which does not say which end it is; then it
   closes all four. */
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

int main(void) {
    char buf[16];
    struct stat st;
    ssize_t n = read(5, buf, sizeof buf);
    write(6, buf, n > 0 ? (size_t)n : 0);
    fstat(7, &st);
    fcntl(8, F_GETFL);
    close(5);
    close(6);
    close(7);
    close(8);
    return 0;
}
