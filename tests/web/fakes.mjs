// A fake WebSocket and a fake clock, so the page's modules run under `node --test` without a
// browser or a network.

export class FakeClock {
  constructor() {
    this.time = 1000;
    this.nextId = 1;
    this.timers = new Map(); // id → {at, fn, every}
  }

  now = () => this.time;

  setTimeout = (fn, ms) => this.add(fn, ms, 0);
  setInterval = (fn, ms) => this.add(fn, ms, ms);
  clearTimeout = (id) => this.timers.delete(id);
  clearInterval = (id) => this.timers.delete(id);

  add(fn, ms, every) {
    const id = this.nextId++;
    this.timers.set(id, { at: this.time + ms, fn, every });
    return id;
  }

  // Moves time on by ms, running every timer that falls due, in order.
  advance(ms) {
    const end = this.time + ms;
    for (;;) {
      let next = null;
      for (const [id, timer] of this.timers) {
        if (timer.at <= end && (!next || timer.at < next[1].at)) next = [id, timer];
      }
      if (!next) break;
      const [id, timer] = next;
      this.time = timer.at;
      if (timer.every) timer.at += timer.every;
      else this.timers.delete(id);
      timer.fn();
    }
    this.time = end;
  }

  pending() {
    return this.timers.size;
  }
}

// Records every socket made; a test plays the hub's side with open(), receive(), close().
export function fakeWebSocketClass() {
  const sockets = [];
  class FakeWebSocket {
    constructor(url) {
      this.url = url;
      this.readyState = 0;
      this.sent = [];
      this.closedWith = null;
      sockets.push(this);
    }

    send(text) {
      if (this.readyState !== 1) throw new Error('not open');
      this.sent.push(JSON.parse(text));
    }

    close(code) {
      this.closedWith = code;
      this.readyState = 3;
    }

    // The hub's side.
    open() {
      this.readyState = 1;
      this.onopen?.();
    }

    receive(obj) {
      this.onmessage?.({ data: typeof obj === 'string' ? obj : JSON.stringify(obj) });
    }

    drop(code) {
      this.readyState = 3;
      this.onclose?.({ code });
    }

    sentOfType(type) {
      return this.sent.filter((f) => f.type === type);
    }
  }
  return { FakeWebSocket, sockets };
}
