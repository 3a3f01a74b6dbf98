// A loopback JSON server in its own process, so the client's CPU time is not shared with the server's.
import http from 'node:http';

const body = JSON.stringify({ templates: [{ id: 1, name: 'Welcome' }] });
const server = http.createServer((_req, res) => {
  res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
  res.end(body);
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => process.send?.({ port: server.address().port }));
process.on('disconnect', () => server.close(() => process.exit(0)));
