// title: 内核内存不够了 | Out of kernel memory
// description: 内核内存用完时的 ENOMEM：已经做好的部分全部撤销，什么都不留下 | ENOMEM when kernel memory runs out: whatever was built is undone, nothing is left behind
// memory: 7000
// model-only: memory: is a setting of the model; a real kernel cannot be given only 7000 bytes
// say: 这台机器只有 7000 字节内核内存；一个 TCP 套接字要 3584 字节：3 号。 | This machine has only 7000 bytes of kernel memory; a TCP socket takes 3584: number 3.
int a = socket(AF_INET, SOCK_STREAM, 0);
// say: 盒子放得下，存衣牌背后的 file 放不下：ENOMEM，盒子被拆掉。 | The box fits, the file behind the ticket does not: ENOMEM, and the box is taken apart.
int b = socket(AF_INET, SOCK_STREAM, 0);
// say: UDP 套接字小一些（2560 字节），还放得下：4 号。 | A UDP socket is smaller (2560 bytes) and still fits: number 4.
int u = socket(AF_INET, SOCK_DGRAM, 0);
// say: 这次连空盒子都拿不到：第一阶段就 ENOMEM，没有什么要撤销。 | This time not even the empty box fits: ENOMEM at stage 1, nothing to undo.
b = socket(AF_INET, SOCK_STREAM, 0);
// say: 关掉 3 号，它的 3584 字节回到内存池。 | Close number 3, and its 3584 bytes go back to the pool.
close(a);
// say: 现在放得下了：又是 3 号。 | Now it fits: number 3 again.
b = socket(AF_INET, SOCK_STREAM, 0);
// say: 收拾干净：关掉 TCP 套接字。 | Clean up: close the TCP socket.
close(b);
// say: 再关掉 UDP 套接字，内存回到 0。 | Then the UDP socket: the memory in use is back to 0.
close(u);
