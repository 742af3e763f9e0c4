// title: 三个标签页 | Three browser tabs
// description: 关闭中间的一个，号码回来了 | Close the middle one and its number comes back
// limit: 8
int a = socket(AF_INET, SOCK_STREAM, 0);   // say: 第一个标签页 | the first tab
int b = socket(AF_INET, SOCK_STREAM, 0);
close(a);
int c = socket(AF_INET, SOCK_DGRAM, 0);     // say: 最小的空号码 | the lowest free number again
