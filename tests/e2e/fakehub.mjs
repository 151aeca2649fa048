// A stand-in hub in node for the page's tests and benchmarks: it serves the page's files (from
// any folder, with the real hub's security headers) and either speaks the chat protocol itself —
// including `history` and `search` — or hands every WebSocket upgrade on to a real hub.
//
// Speaking it itself lets the page's scroll-back and search — and files: upload slots, PUT,
// resume, cancel, downloads — be tried in Chromium before (or without) a hub that answers them;
// serving another folder lets a benchmark run an older page against the real hub.

import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';

const csp = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
  + "connect-src 'self'; media-src 'self' data:; manifest-src 'self'; base-uri 'none'; "
  + "form-action 'none'; frame-ancestors 'none'";

const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.svg': 'image/svg+xml', '.json': 'application/json' };

// ---- a minimal WebSocket server side (RFC 6455: text, close, ping; no extensions) ----------
function textFrame(text, opcode = 0x1) {
  const payload = Buffer.from(text);
  let head;
  if (payload.length < 126) {
    head = Buffer.from([0x80 | opcode, payload.length]);
  } else if (payload.length < 65536) {
    head = Buffer.alloc(4);
    head[0] = 0x80 | opcode;
    head[1] = 126;
    head.writeUInt16BE(payload.length, 2);
  } else {
    head = Buffer.alloc(10);
    head[0] = 0x80 | opcode;
    head[1] = 127;
    head.writeBigUInt64BE(BigInt(payload.length), 2);
  }
  return Buffer.concat([head, payload]);
}

function acceptWebSocket(req, socket, onText, onClose) {
  const accept = createHash('sha1')
    .update(req.headers['sec-websocket-key'] + '258EAFA5-E914-47DA-95CA-C5AB0DC85B11').digest('base64');
  socket.write('HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n'
    + `Sec-WebSocket-Accept: ${accept}\r\n\r\n`);
  let buffer = Buffer.alloc(0);
  let closed = false;
  const peer = {
    send(obj) {
      if (!closed) socket.write(textFrame(JSON.stringify(obj)));
    },
    close(code) {
      if (closed) return;
      closed = true;
      const payload = Buffer.alloc(2);
      payload.writeUInt16BE(code);
      socket.end(Buffer.concat([Buffer.from([0x88, 2]), payload]));
    },
  };
  socket.on('data', (chunk) => {
    buffer = Buffer.concat([buffer, chunk]);
    for (;;) {
      if (buffer.length < 2) return;
      const opcode = buffer[0] & 0x0f;
      let length = buffer[1] & 0x7f;
      let offset = 2;
      if (length === 126) {
        if (buffer.length < 4) return;
        length = buffer.readUInt16BE(2);
        offset = 4;
      } else if (length === 127) {
        if (buffer.length < 10) return;
        length = Number(buffer.readBigUInt64BE(2));
        offset = 10;
      }
      const masked = (buffer[1] & 0x80) !== 0;
      const mask = masked ? buffer.subarray(offset, offset + 4) : null;
      if (masked) offset += 4;
      if (buffer.length < offset + length) return;
      const payload = Buffer.from(buffer.subarray(offset, offset + length));
      buffer = buffer.subarray(offset + length);
      if (mask) for (let i = 0; i < payload.length; ++i) payload[i] ^= mask[i % 4];
      if (opcode === 0x1) onText(peer, payload.toString('utf8'));
      else if (opcode === 0x8) peer.close(1000);
      else if (opcode === 0x9) socket.write(textFrame(payload.toString('latin1'), 0xa));
    }
  });
  socket.on('close', () => {
    closed = true;
    onClose(peer);
  });
  socket.on('error', () => {});
  return peer;
}

// ---- the room -------------------------------------------------------------------------------
// options: room, webDir (the page's files), upstreamPort (hand /ws to a real hub instead),
// legacy (answer history/search with unknown_type, as a hub without them does), files
// (`welcome.files`, e.g. {maxBytes}; null: no files).
export async function startFakeHub({ room = 'Stand-in', webDir, upstreamPort = 0, legacy = false,
  files = null } = {}) {
  const messages = []; // every chat and file, oldest first
  // A private message (`to`) is only for the two.
  const fold = (x) => String(x).toLowerCase();
  const mayRead = (m, name) => !m.to || fold(m.to) === fold(name) || fold(m.from) === fold(name);
  const slots = new Map(); // upload id → {request, from, chunks, received}
  const stored = new Map(); // file id → {name, mime, bytes}
  const peers = new Map(); // peer → name
  const instance = randomBytes(4).toString('hex');
  const time = (i) => new Date(Date.UTC(2026, 10, 30, 9, 0, 0) + i * 1000).toISOString();

  const broadcast = (obj) => {
    for (const [peer, name] of peers) if (mayRead(obj, name)) peer.send(obj);
  };
  const addChat = (from, text, id) => {
    const m = { type: 'chat', seq: messages.length + 1, from, text, time: time(messages.length) };
    if (id) m.id = id;
    messages.push(m);
    return m;
  };

  function onUpload(peer, m) {
    const refuse = (code) => peer.send({ type: 'error', id: m.id, code, text: code });
    if (!files) return refuse('files_off');
    if (!Number.isSafeInteger(m.size) || m.size < 0 || typeof m.name !== 'string') return refuse('bad_message');
    if (m.size > files.maxBytes) return refuse('file_too_big');
    let slotId = typeof m.upload === 'string' && slots.has(m.upload) ? m.upload : '';
    if (!slotId) {
      slotId = randomBytes(16).toString('hex');
      slots.set(slotId, { request: m, from: peers.get(peer) || 'guest', chunks: [], received: 0 });
    }
    peer.send({ type: 'upload', id: m.id, upload: slotId, url: `/upload/${slotId}`,
      offset: slots.get(slotId).received });
  }

  // A PNG's size from its IHDR, for the `file` message (the stand-in's thumbnail is the picture).
  const pngSize = (b) => (b.length > 24 && b.readUInt32BE(12) === 0x49484452
    ? { width: b.readUInt32BE(16), height: b.readUInt32BE(20) } : null);

  function complete(slotId, slot) {
    slots.delete(slotId);
    const bytes = Buffer.concat(slot.chunks);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    if (slot.request.sha256 && slot.request.sha256 !== sha256) return 422;
    const fileId = randomBytes(16).toString('hex');
    const name = slot.request.name.replace(/[\\/:\u0000-\u001f]/g, '');
    const mime = slot.request.mime || 'application/octet-stream';
    stored.set(fileId, { name, mime, bytes });
    const m = { type: 'file', seq: messages.length + 1, from: slot.from, time: time(messages.length),
      id: slot.request.id, name, size: bytes.length, mime, sha256,
      url: `/files/${fileId}/${encodeURIComponent(name)}` };
    if (slot.request.to) m.to = slot.request.to;
    const picture = mime === 'image/png' ? pngSize(bytes) : null;
    if (picture) Object.assign(m, { thumb: `/files/${fileId}/thumb`, ...picture });
    messages.push(m);
    broadcast(m);
    return 201;
  }

  // PUT /upload/ID (Content-Range resumes), DELETE /upload/ID; GET /files/ID/NAME|thumb.
  function onFileRequest(req, res, url, headers) {
    const upload = /^\/upload\/([0-9a-f]{32})$/.exec(url.pathname);
    if (upload) {
      const slot = slots.get(upload[1]);
      if (!slot) {
        res.writeHead(404, headers);
        res.end();
        return true;
      }
      if (req.method === 'DELETE') {
        slots.delete(upload[1]);
        res.writeHead(204, headers);
        res.end();
        return true;
      }
      const range = /^bytes (\d+)-(\d+)\/(\d+)$/.exec(req.headers['content-range'] || '');
      const start = range ? Number(range[1]) : 0;
      if (start !== slot.received) {
        res.writeHead(409, { ...headers, 'Upload-Offset': String(slot.received) });
        res.end();
        return true;
      }
      req.on('data', (chunk) => {
        slot.chunks.push(chunk);
        slot.received += chunk.length;
      });
      req.on('end', () => {
        if (slot.received < slot.request.size) {
          res.writeHead(204, { ...headers, 'Upload-Offset': String(slot.received) });
          res.end();
          return;
        }
        const status = complete(upload[1], slot);
        res.writeHead(status, { ...headers, 'Content-Type': 'application/json' });
        res.end(status === 201 ? '{}' : '');
      });
      return true;
    }
    const file = /^\/files\/([0-9a-f]{32})\/(.+)$/.exec(url.pathname);
    if (file) {
      const f = stored.get(file[1]);
      if (!f) {
        res.writeHead(404, headers);
        res.end();
        return true;
      }
      const inline = /^image\/(png|jpeg|gif|webp)$/.test(f.mime);
      res.writeHead(200, { ...headers, 'Content-Type': f.mime, 'Content-Length': f.bytes.length,
        'Content-Disposition': `${inline ? 'inline' : 'attachment'}; filename*=UTF-8''${encodeURIComponent(f.name)}` });
      res.end(f.bytes);
      return true;
    }
    return false;
  }

  function onText(peer, text) {
    let m;
    try {
      m = JSON.parse(text);
    } catch (e) {
      return;
    }
    switch (m.type) {
    case 'join': {
      peers.set(peer, String(m.name));
      const history = messages.filter((x) => mayRead(x, String(m.name))).slice(-200);
      const welcome = { type: 'welcome', v: 1, you: m.name, room, instance, token: 'fake',
        users: [...peers.values()], seq: messages.length, truncated: false, maxText: 8000, history,
        historyComplete: history.length === messages.length };
      if (files) welcome.files = files;
      peer.send(welcome);
      break;
    }
    case 'upload':
      onUpload(peer, m);
      break;
    case 'chat':
      broadcast(addChat(peers.get(peer) || 'guest', String(m.text), m.id));
      break;
    case 'ping':
      peer.send({ type: 'pong' });
      break;
    case 'history':
    case 'search': {
      if (legacy) {
        peer.send({ type: 'error', code: 'unknown_type', text: `unknown type ${m.type}` });
        break;
      }
      const before = typeof m.before === 'number' ? m.before : Infinity;
      const limit = Math.min(200, m.limit || 100);
      const older = messages.filter((c) => c.seq < before);
      if (m.type === 'history') {
        const page = older.slice(-limit);
        peer.send({ type: 'history', before: m.before, messages: page,
          complete: page.length === older.length });
      } else {
        const query = String(m.query).toLowerCase();
        const all = older.filter((c) => (c.text ?? c.name).toLowerCase().includes(query)).reverse();
        peer.send({ type: 'search', query: m.query, results: all.slice(0, limit),
          complete: all.length <= limit });
      }
      break;
    }
    default:
      peer.send({ type: 'error', code: 'unknown_type', text: 'unknown type' });
    }
  }

  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    const headers = { 'Content-Security-Policy': csp, 'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-cache' };
    if (url.pathname === '/room.json' && !upstreamPort) {
      res.writeHead(200, { ...headers, 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ people: peers.size, room }));
      return;
    }
    if (upstreamPort && /^\/(upload|files)\//.test(url.pathname)) {
      // Files are the real hub's: pass the request and its answer through as they are.
      const up = http.request({ host: '127.0.0.1', port: upstreamPort, method: req.method, path: req.url,
        headers: { ...req.headers, host: `127.0.0.1:${upstreamPort}` } }, (answer) => {
        res.writeHead(answer.statusCode, answer.headers);
        answer.pipe(res);
      });
      up.on('error', () => res.destroy());
      req.on('aborted', () => up.destroy());
      req.pipe(up);
      return;
    }
    if (!upstreamPort && onFileRequest(req, res, url, headers)) return;
    if (url.pathname === '/rooms.json') {
      res.writeHead(200, { ...headers, 'Content-Type': 'application/json' });
      res.end('[]');
      return;
    }
    const file = url.pathname === '/' ? 'index.html' : url.pathname.slice(1);
    if (!/^[A-Za-z0-9_-][A-Za-z0-9._-]*$/.test(file)) {
      res.writeHead(404, headers);
      res.end();
      return;
    }
    try {
      const body = readFileSync(path.join(webDir, file));
      res.writeHead(200, { ...headers, 'Content-Type': types[path.extname(file)] || 'application/octet-stream' });
      res.end(body);
    } catch (e) {
      res.writeHead(404, headers);
      res.end();
    }
  });
  const sockets = new Set();
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  server.on('upgrade', (req, socket, head) => {
    if (upstreamPort) {
      // Hand the upgrade to the real hub as it came (without the Origin of this other port).
      const upstream = net.connect(upstreamPort, '127.0.0.1', () => {
        const lines = [`${req.method} ${req.url} HTTP/1.1`];
        for (let i = 0; i < req.rawHeaders.length; i += 2) {
          if (req.rawHeaders[i].toLowerCase() !== 'origin') lines.push(`${req.rawHeaders[i]}: ${req.rawHeaders[i + 1]}`);
        }
        upstream.write(lines.join('\r\n') + '\r\n\r\n');
        if (head.length) upstream.write(head);
        socket.pipe(upstream).pipe(socket);
      });
      const end = () => {
        socket.destroy();
        upstream.destroy();
      };
      socket.on('error', end);
      upstream.on('error', end);
      return;
    }
    acceptWebSocket(req, socket, onText, (peer) => {
      const name = peers.get(peer);
      peers.delete(peer);
      if (name) broadcast({ type: 'left', name, reason: 'quit', time: new Date().toISOString() });
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = server.address().port;
  return {
    port,
    url: `http://127.0.0.1:${port}/`,
    messages,
    // Adds chat messages to the room (and sends them to who is in it). text(i) → the text.
    say(from, n, text) {
      for (let i = 0; i < n; ++i) broadcast(addChat(from, text(i)));
    },
    stop() {
      for (const s of sockets) s.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
