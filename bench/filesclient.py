#!/usr/bin/env python3
"""Files benchmark client (bench/files.sh): uploads a file to a LAN Chat hub the way the
protocol says (docs/PROTOCOL.md, "Files and pictures"), and downloads one URL with N parallel
clients, checking the SHA-256 of what came back. Python standard library only; the upload's bytes
move with sendfile(), so the client costs little next to the hub it measures. (The timed
downloads use bench/filesget, which drops the bytes in the kernel.) Prints one JSON line.

  filesclient.py upload --port P --file F [--pid HUB_PID]
  filesclient.py download --url http://127.0.0.1:P/files/ID/NAME --clients 10 [--pid SERVER_PID]
                          [--seconds S] [--sha256 HEX]
"""
import argparse
import base64
import hashlib
import json
import os
import socket
import struct
import sys
import threading
import time
import urllib.parse


def rss_kib(pid):
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


class RssSampler:
    """Samples a process's VmRSS every 10 ms on a thread: the value before, and the peak."""

    def __init__(self, pid):
        self.pid = pid
        self.before = rss_kib(pid) if pid else 0
        self.peak = self.before
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        if pid:
            self._thread.start()

    def _run(self):
        while not self._stop.wait(0.01):
            self.peak = max(self.peak, rss_kib(self.pid))

    def stop(self):
        self._stop.set()
        if self.pid:
            self._thread.join()
            self.peak = max(self.peak, rss_kib(self.pid))
        return {"rss_before_kib": self.before, "rss_peak_kib": self.peak,
                "rss_growth_kib": self.peak - self.before}


class WebSocket:
    """Just enough of RFC 6455 for a client: handshake, masked text frames out, text frames in."""

    def __init__(self, host, port, path="/ws"):
        self.sock = socket.create_connection((host, port))
        key = base64.b64encode(os.urandom(16)).decode()
        self.sock.sendall((f"GET {path} HTTP/1.1\r\nHost: {host}:{port}\r\nUpgrade: websocket\r\n"
                           f"Connection: Upgrade\r\nSec-WebSocket-Key: {key}\r\n"
                           "Sec-WebSocket-Version: 13\r\n\r\n").encode())
        self.buf = b""
        while b"\r\n\r\n" not in self.buf:
            chunk = self.sock.recv(65536)
            if not chunk:
                raise RuntimeError("hub closed during the handshake")
            self.buf += chunk
        head, self.buf = self.buf.split(b"\r\n\r\n", 1)
        if not head.startswith(b"HTTP/1.1 101"):
            raise RuntimeError("handshake refused: " + head.decode(errors="replace"))

    def send(self, obj):
        payload = json.dumps(obj).encode()
        mask = os.urandom(4)
        n = len(payload)
        header = bytes([0x81]) + (bytes([0x80 | n]) if n < 126 else bytes([0x80 | 126]) + struct.pack(">H", n))
        masked = bytes(b ^ mask[i % 4] for i, b in enumerate(payload))
        self.sock.sendall(header + mask + masked)

    def _need(self, n):
        while len(self.buf) < n:
            chunk = self.sock.recv(65536)
            if not chunk:
                raise RuntimeError("hub closed the WebSocket")
            self.buf += chunk

    def recv(self):
        """The next text message as an object (pings answered, other frames skipped)."""
        while True:
            self._need(2)
            opcode, n = self.buf[0] & 0x0F, self.buf[1] & 0x7F
            at = 2
            if n == 126:
                self._need(4)
                n, at = struct.unpack(">H", self.buf[2:4])[0], 4
            elif n == 127:
                self._need(10)
                n, at = struct.unpack(">Q", self.buf[2:10])[0], 10
            self._need(at + n)
            payload, self.buf = self.buf[at:at + n], self.buf[at + n:]
            if opcode == 0x9:  # ping → pong
                mask = os.urandom(4)
                self.sock.sendall(bytes([0x8A, 0x80 | len(payload)]) + mask
                                  + bytes(b ^ mask[i % 4] for i, b in enumerate(payload)))
            elif opcode == 0x8:
                raise RuntimeError("hub closed the WebSocket: " + payload[2:].decode(errors="replace"))
            elif opcode == 0x1:
                return json.loads(payload)

    def wait_for(self, predicate, what, timeout=600):
        self.sock.settimeout(timeout)
        while True:
            msg = self.recv()
            if msg.get("type") == "error":
                raise RuntimeError(f"hub answered {what} with {msg}")
            if predicate(msg):
                return msg


def read_http_answer(sock):
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = sock.recv(65536)
        if not chunk:
            break
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    lines = head.decode(errors="replace").split("\r\n")
    status = int(lines[0].split()[1]) if lines and len(lines[0].split()) > 1 else 0
    headers = {k.strip().lower(): v.strip() for k, _, v in (l.partition(":") for l in lines[1:])}
    want = int(headers.get("content-length", "0"))
    while len(body) < want:
        chunk = sock.recv(65536)
        if not chunk:
            break
        body += chunk
    return status, headers, body


def upload(args):
    size = os.path.getsize(args.file)
    name = args.name or os.path.basename(args.file)
    ws = WebSocket(args.host, args.port)
    ws.send({"type": "join", "name": "bench-uploader"})
    ws.wait_for(lambda m: m.get("type") == "welcome", "join")
    ws.send({"type": "upload", "id": "bench-1", "name": name, "size": size})
    grant = ws.wait_for(lambda m: m.get("type") == "upload" and m.get("id") == "bench-1", "upload")

    sampler = RssSampler(args.pid)
    start = time.monotonic()
    put = socket.create_connection((args.host, args.port))
    put.sendall((f"PUT {grant['url']} HTTP/1.1\r\nHost: {args.host}:{args.port}\r\n"
                 f"Content-Length: {size}\r\n\r\n").encode())
    with open(args.file, "rb") as f:
        sent = put.sendfile(f)
    status, _, body = read_http_answer(put)
    seconds = time.monotonic() - start
    rss = sampler.stop()
    put.close()
    if status != 201:
        raise RuntimeError(f"PUT answered {status}: {body[:200]!r}")
    announced = ws.wait_for(lambda m: m.get("type") == "file" and m.get("id") == "bench-1", "the file")
    result = {"tool": "filesclient", "run": "upload", "bytes": sent, "seconds": round(seconds, 4),
              "mb_per_s": round(sent / seconds / 1e6, 1), "status": status,
              "url": announced.get("url"), "sha256": announced.get("sha256")}
    result.update(rss)
    print(json.dumps(result), flush=True)


def fetch(url, buf, sha):
    """One GET; returns (status, body bytes); hashes the body when sha is a hashlib object."""
    u = urllib.parse.urlsplit(url)
    sock = socket.create_connection((u.hostname, u.port or 80))
    sock.sendall((f"GET {u.path} HTTP/1.1\r\nHost: {u.netloc}\r\nConnection: close\r\n\r\n").encode())
    view = memoryview(buf)
    head = b""
    while b"\r\n\r\n" not in head:
        n = sock.recv_into(view)
        if n == 0:
            raise RuntimeError("closed before the head")
        head += bytes(view[:n])
    head, _, rest = head.partition(b"\r\n\r\n")
    status = int(head.split()[1])
    length = None
    for line in head.split(b"\r\n")[1:]:
        k, _, v = line.partition(b":")
        if k.strip().lower() == b"content-length":
            length = int(v)
    got = len(rest)
    if sha:
        sha.update(rest)
    while length is None or got < length:
        n = sock.recv_into(view)
        if n == 0:
            break
        got += n
        if sha:
            sha.update(view[:n])
    sock.close()
    return status, got


def download(args):
    sampler = RssSampler(args.pid)
    results = []
    lock = threading.Lock()
    deadline = time.monotonic() + args.seconds if args.seconds else None

    def client(i):
        buf = bytearray(1 << 20)
        while True:
            sha = hashlib.sha256() if args.sha256 and i == 0 else None
            t0 = time.monotonic()
            status, got = fetch(args.url, buf, sha)
            with lock:
                results.append((status, got, time.monotonic() - t0,
                                sha.hexdigest() if sha else None))
            if deadline is None or time.monotonic() >= deadline:
                return

    start = time.monotonic()
    threads = [threading.Thread(target=client, args=(i,)) for i in range(args.clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    seconds = time.monotonic() - start
    rss = sampler.stop()
    total = sum(r[1] for r in results)
    statuses = sorted({r[0] for r in results})
    digests = [r[3] for r in results if r[3]]
    result = {"tool": "filesclient", "run": "download", "label": args.label, "clients": args.clients,
              "downloads": len(results), "bytes": total, "seconds": round(seconds, 4),
              "mb_per_s": round(total / seconds / 1e6, 1), "statuses": statuses,
              "sizes": sorted({r[1] for r in results})}
    if args.sha256:
        result["sha256_ok"] = bool(digests) and all(d == args.sha256 for d in digests)
    result.update(rss)
    print(json.dumps(result), flush=True)
    if statuses != [200] or (args.sha256 and not result["sha256_ok"]):
        sys.exit(1)


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = p.add_subparsers(dest="cmd", required=True)
    up = sub.add_parser("upload")
    up.add_argument("--host", default="127.0.0.1")
    up.add_argument("--port", type=int, required=True)
    up.add_argument("--file", required=True)
    up.add_argument("--name")
    up.add_argument("--pid", type=int, default=0, help="the hub's PID, for its VmRSS")
    down = sub.add_parser("download")
    down.add_argument("--url", required=True)
    down.add_argument("--clients", type=int, default=10)
    down.add_argument("--pid", type=int, default=0, help="the server's PID, for its VmRSS")
    down.add_argument("--seconds", type=float, default=0,
                      help="keep downloading again until this many seconds passed (0: once each)")
    down.add_argument("--sha256", help="check the first client's downloads against this digest")
    down.add_argument("--label", default="")
    args = p.parse_args()
    try:
        upload(args) if args.cmd == "upload" else download(args)
    except (OSError, RuntimeError, ValueError) as e:
        print(f"filesclient: {e}", file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
