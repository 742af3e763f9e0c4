// SPDX-License-Identifier: Apache-2.0
// node's http server and client in one script: the server listens on 127.0.0.1, port 0;
// the client GETs / once with a keep-alive agent (so the connection stays open) and reads
// the reply. Then it prints READY, waits for a line on stdin and leaves with
// process.exit(0), closing nothing by hand: /proc/PID/fd at READY is what the process has
// when it exits. libuv makes every socket non-blocking, watches them with
// epoll, and wakes its loop with an eventfd; node runs worker threads beside the main one.
// Run: node node_http.js
'use strict';
const http = require('http');

const server = http.createServer((req, res) => {
  res.end('hello from node\n');
});

server.listen(0, '127.0.0.1', () => {
  const port = server.address().port;
  const agent = new http.Agent({ keepAlive: true });
  http.get({ host: '127.0.0.1', port, path: '/', agent }, (res) => {
    let body = '';
    res.setEncoding('utf8');
    res.on('data', (chunk) => { body += chunk; });
    res.on('end', () => {
      process.stdout.write(`got ${res.statusCode} ${body.trim()} from port ${port}; READY\n`, () => {
        process.stdin.once('data', () => process.exit(0));
      });
    });
  });
});
