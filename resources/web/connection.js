// The page's connection to the hub: one WebSocket at a time, the join (and resume), the
// heartbeat, and reconnecting with backoff. It knows no DOM: it tells its owner what happens
// through the callbacks given to the constructor, and `setPhase` is the one place the phase
// changes.
//
// Phases: idle (not started, or stopped for a new name) → connecting (socket opening) → joining
// (join sent) → joined (welcome received) → waiting (lost; a retry is scheduled) → connecting …
// and stopped (replaced by another window, or removed by the host: no automatic retry).
// A join the hub refuses (a passcode, a locked room) keeps the socket: `hold()` waits for the
// person, `rejoin()` tries again on the same connection.

import { isFinalClose } from './access.js';
import { CloseCode, MessageType, frames } from './protocol.js';

export const Phase = Object.freeze({
  idle: 'idle',
  connecting: 'connecting',
  joining: 'joining',
  joined: 'joined',
  waiting: 'waiting',
  stopped: 'stopped',
});

export const defaultTimings = Object.freeze({
  heartbeatMs: 15000,
  pongTimeoutMs: 5000,
  backoffMs: [500, 1000, 2000, 4000, 8000, 15000, 30000],
  connectTimeoutMs: 10000,
  zombieMs: 30000,
});

const OPEN = 1;

export class Connection {
  // options: url, WebSocket (constructor), name() → the name to join with, timings, clock
  // ({setTimeout, clearTimeout, setInterval, clearInterval, now}), random() in [0, 1),
  // joinFields() → more fields for the join (passcode, hostToken), token: a person key kept from
  // an earlier page load.
  // handlers: phase(phase, detail), frame(message), pong(tx of the answered ping).
  constructor(options, handlers) {
    this.url = options.url;
    this.WebSocket = options.WebSocket;
    this.name = options.name;
    this.joinFields = options.joinFields || (() => ({}));
    this.timings = { ...defaultTimings, ...(options.timings || {}) };
    this.timings.pongTimeoutMs = Math.min(this.timings.pongTimeoutMs, this.timings.heartbeatMs);
    this.clock = options.clock || globalThis;
    this.now = this.clock.now || Date.now;
    this.random = options.random || Math.random;
    this.handlers = handlers;

    this.ws = null;
    this.phase = Phase.idle;
    this.opened = false; // the current socket reached onopen
    this.attempt = 0; // failed attempts since the last welcome
    this.everJoined = false;
    this.hostEnded = false; // the last close was "going away": say so until we are back in
    this.lostCode = 0; // close code of the last connection that was open (0: none yet)
    this.tx = 0; // frames sent on the current socket
    this.pings = []; // tx numbers of our pings not yet answered, oldest first
    this.lastRx = 0;
    this.resume = { instance: '', token: options.token || '', after: 0 };
    this.holding = false; // a join was refused; the socket waits for another try
    this.timers = { retry: 0, heartbeat: 0, pongCheck: 0, connect: 0 };
    // Sockets given up as dead but not closed: closing one would tell the hub we left if it is
    // in fact half alive. Our next join (with the token) replaces it at the hub without a
    // left/joined pair; only then, or after a while, is it closed.
    this.zombies = new Set();
  }

  get joined() {
    return this.phase === Phase.joined;
  }

  setPhase(phase, detail = {}) {
    this.phase = phase;
    this.handlers.phase(phase, detail);
  }

  clearTimer(name) {
    this.clock.clearTimeout(this.timers[name]);
    this.clock.clearInterval(this.timers[name]);
    this.timers[name] = 0;
  }

  // Sends a frame; returns its number on this socket, or 0 when it could not be sent.
  send(obj) {
    const ws = this.ws;
    if (!ws || ws.readyState !== OPEN) return 0;
    try {
      ws.send(JSON.stringify(obj));
    } catch (e) {
      return 0;
    }
    this.tx += 1;
    return this.tx;
  }

  sendPing() {
    const tx = this.send(frames.ping());
    if (tx) this.pings.push(tx);
    return tx;
  }

  connect() {
    this.clearTimer('retry');
    if (this.ws) this.abandon();
    this.opened = false;
    this.tx = 0;
    this.pings = [];
    this.setPhase(Phase.connecting, { reconnecting: this.everJoined });
    let ws;
    try {
      ws = new this.WebSocket(this.url);
    } catch (e) {
      this.socketGone(CloseCode.abnormal);
      return;
    }
    this.ws = ws;
    ws.onopen = () => {
      if (ws !== this.ws) return;
      this.opened = true;
      this.lastRx = this.now();
      this.setPhase(Phase.joining);
      this.sendJoin();
    };
    ws.onmessage = (event) => {
      if (ws !== this.ws) return;
      this.lastRx = this.now();
      this.receive(event.data);
    };
    ws.onclose = (event) => {
      if (ws !== this.ws) return;
      this.socketGone(event.code);
    };
    ws.onerror = () => {
      // a close event follows
    };
    this.armConnectTimer(ws);
  }

  // Neither a welcome nor a failure within the time: treat the socket as dead.
  armConnectTimer(ws) {
    this.clearTimer('connect');
    this.timers.connect = this.clock.setTimeout(() => {
      this.timers.connect = 0;
      if (ws === this.ws && this.phase !== Phase.joined) {
        this.abandon();
        this.socketGone(CloseCode.abnormal);
      }
    }, this.timings.connectTimeoutMs);
  }

  sendJoin() {
    this.holding = false;
    return this.send({ ...frames.join(this.name(), this.resume), ...this.joinFields() });
  }

  // The hub refused the join (and keeps the connection): wait for the person, however long.
  hold() {
    if (this.phase !== Phase.joining) return;
    this.clearTimer('connect');
    this.holding = true;
  }

  // Tries the join again (a passcode was typed): on the same socket when it is still there.
  rejoin() {
    if (this.phase === Phase.joining && this.ws && this.ws.readyState === OPEN) {
      this.armConnectTimer(this.ws);
      this.sendJoin();
    } else if (this.phase !== Phase.joined) {
      this.attempt = 0;
      this.connect();
    }
  }

  receive(data) {
    if (typeof data !== 'string') return;
    let m;
    try {
      m = JSON.parse(data);
    } catch (e) {
      return;
    }
    if (!m || typeof m !== 'object' || typeof m.type !== 'string') return;
    const numbered = m.type === MessageType.chat || m.type === MessageType.file;
    if (numbered && typeof m.seq === 'number' && m.seq > this.resume.after)
      this.resume.after = m.seq;
    if (m.type === MessageType.pong) {
      const tx = this.pings.shift();
      if (tx !== undefined) this.handlers.pong(tx);
      return;
    }
    if (m.type === MessageType.welcome) {
      this.welcome(m);
      return;
    }
    this.handlers.frame(m);
  }

  welcome(m) {
    this.clearTimer('connect');
    this.closeZombies();
    const instance = typeof m.instance === 'string' ? m.instance : '';
    // A new instance numbers its messages from 0 again: what we have seen says nothing there.
    const restarted = this.resume.instance !== '' && instance !== this.resume.instance;
    const resumed = this.resume.instance !== '' && !restarted;
    if (restarted) this.resume.after = 0;
    this.resume.instance = instance;
    this.resume.token = typeof m.token === 'string' ? m.token : '';
    for (const h of Array.isArray(m.history) ? m.history : []) {
      if (h && typeof h.seq === 'number' && h.seq > this.resume.after) this.resume.after = h.seq;
    }
    this.attempt = 0;
    this.holding = false;
    this.hostEnded = false;
    this.lostCode = 0;
    this.handlers.frame(m, { restarted, resumed });
    this.everJoined = true;
    this.startHeartbeat();
    this.setPhase(Phase.joined, { restarted, resumed });
  }

  startHeartbeat() {
    this.clearTimer('heartbeat');
    this.timers.heartbeat = this.clock.setInterval(() => this.checkAlive(), this.timings.heartbeatMs);
  }

  // Sends a ping; if nothing at all arrives within the pong timeout, the socket is taken as dead.
  checkAlive() {
    if (this.phase !== Phase.joined || this.timers.pongCheck) return;
    const sentAt = this.now();
    if (!this.sendPing()) return;
    const ws = this.ws;
    this.timers.pongCheck = this.clock.setTimeout(() => {
      this.timers.pongCheck = 0;
      if (ws === this.ws && this.lastRx < sentAt) {
        this.abandon(true);
        this.socketGone(CloseCode.abnormal);
      }
    }, this.timings.pongTimeoutMs);
  }

  retryNow() {
    if (this.phase === Phase.waiting || this.phase === Phase.stopped) {
      this.attempt = 0;
      this.connect();
    }
  }

  // Leaves for good (a new name is needed, or the page goes away): closes the socket normally.
  stop() {
    this.closeZombies();
    this.clearTimer('retry');
    if (this.ws) this.abandon(false);
    if (this.phase !== Phase.idle) this.setPhase(Phase.idle);
  }

  closeQuietly(ws) {
    try {
      ws.close(CloseCode.normal);
    } catch (e) {
      // already closed
    }
  }

  closeZombies() {
    for (const ws of this.zombies) this.closeQuietly(ws);
    this.zombies.clear();
  }

  // Forgets the current socket without waiting for its close handshake. keepOpen: it looked
  // dead but may be half alive (see zombies).
  abandon(keepOpen) {
    const ws = this.ws;
    this.ws = null;
    this.clearTimer('heartbeat');
    this.clearTimer('pongCheck');
    this.clearTimer('connect');
    if (!ws) return;
    ws.onopen = ws.onmessage = ws.onclose = ws.onerror = null;
    if (keepOpen && this.resume.token) {
      this.zombies.add(ws);
      this.clock.setTimeout(() => {
        if (this.zombies.delete(ws)) this.closeQuietly(ws);
      }, this.timings.zombieMs);
    } else {
      this.closeQuietly(ws);
    }
  }

  // The socket ended (or was given up) with `code`: schedule the next attempt.
  socketGone(code) {
    this.abandon(); // keeps this.opened: it tells "lost" from "unreachable"
    if (this.opened) {
      this.lostCode = code;
      if (code === CloseCode.goingAway) this.hostEnded = true;
    }
    const detail = {
      code,
      opened: this.opened,
      lostCode: this.lostCode, // what went wrong the last time we were in (0: never in)
      hostEnded: this.hostEnded,
    };
    this.holding = false;
    if (code === CloseCode.replaced || isFinalClose(code)) {
      this.setPhase(Phase.stopped, detail);
      return;
    }
    let delay = this.timings.backoffMs[Math.min(this.attempt, this.timings.backoffMs.length - 1)];
    if (code === CloseCode.goingAway) delay = Math.max(delay, 2000);
    // Cut off for flooding or for not reading: give the hub's rate limit time to refill instead
    // of coming straight back.
    if (code === CloseCode.policy) delay = Math.max(delay, 5000);
    delay = Math.round(delay * (0.8 + this.random() * 0.4));
    this.attempt += 1;
    detail.retryAt = this.now() + delay;
    this.timers.retry = this.clock.setTimeout(() => {
      this.timers.retry = 0;
      this.connect();
    }, delay);
    this.setPhase(Phase.waiting, detail);
  }
}
