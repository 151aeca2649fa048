// Messages a person typed that the hub has not confirmed yet. Each has an id; the hub echoes it
// in the broadcast chat, so a message is never sent twice, also across reconnects. No DOM: the
// owner draws entries when `changed(entry)` or `removed(entry)` is called.
//
// Entry: {id, text, to (a private message's recipient, or ''), status: 'queued' | 'sent' |
// 'failed', reason (an ErrorCode), tx}.

import { CloseCode, ErrorCode, frames } from './protocol.js';

export const Status = Object.freeze({ queued: 'queued', sent: 'sent', failed: 'failed' });

export class Outbox {
  // send(frame) → the frame's number on the current socket, or 0 when it could not be sent.
  // handlers: changed(entry), removed(entry).
  constructor(send, handlers) {
    this.sendFrame = send;
    this.handlers = handlers;
    this.entries = []; // oldest first
    this.inflight = []; // entries sent on the current socket, not yet echoed, oldest first
  }

  get size() {
    return this.entries.length;
  }

  find(id) {
    return this.entries.find((e) => e.id === id) || null;
  }

  add(id, text, to = '') {
    const entry = { id, text, to, status: Status.queued, reason: '', tx: 0 };
    this.entries.push(entry);
    this.handlers.changed(entry);
    return entry;
  }

  // Sends every queued entry; call when the connection is (again) joined.
  flush() {
    for (const entry of this.entries) {
      if (entry.status === Status.queued) this.sendEntry(entry);
    }
  }

  sendEntry(entry) {
    const tx = this.sendFrame(frames.chat(entry.text, entry.id, entry.to));
    if (!tx) return;
    entry.status = Status.sent;
    entry.tx = tx;
    this.inflight.push(entry);
    this.handlers.changed(entry);
  }

  // A failed entry, tried again by the person.
  retry(entry, joined) {
    entry.status = Status.queued;
    entry.reason = '';
    this.handlers.changed(entry);
    if (joined) this.flush();
  }

  discard(entry) {
    this.entries = this.entries.filter((e) => e !== entry);
    this.inflight = this.inflight.filter((e) => e !== entry);
    this.handlers.removed(entry);
  }

  // The hub's broadcast of our message `id` arrived. live: as it happened (not from a history).
  echoed(id, live) {
    const entry = this.find(id);
    if (!entry) return;
    if (live && entry.status === Status.sent) this.refuseSentBefore(entry.tx);
    this.discard(entry);
  }

  refuse(entry, reason) {
    this.inflight = this.inflight.filter((e) => e !== entry);
    entry.status = Status.failed;
    entry.reason = reason;
    this.handlers.changed(entry);
  }

  // The hub refused the chat with this id (error empty / too_long / rate_limited).
  refused(id, code) {
    const entry = typeof id === 'string' ? this.inflight.find((e) => e.id === id) : null;
    if (entry) this.refuse(entry, code);
    return entry;
  }

  // The hub answers our frames in order, and names every refused chat in an error. So when the
  // answer to frame `tx` arrives (an echo or a pong), a chat sent before it that is still in
  // flight was refused without us hearing of it; a safety net, not the normal path.
  refuseSentBefore(tx) {
    for (const entry of [...this.inflight]) {
      if (entry.tx < tx) this.refuse(entry, ErrorCode.rateLimited);
    }
  }

  get hasInflight() {
    return this.inflight.length > 0;
  }

  // The socket ended with `code`. What was sent but not echoed goes back to the queue; the
  // welcome after the resume tells which of them did arrive (by id), the rest is sent again.
  // Not after the hub cut us off for flooding or a huge message: sending them again would only
  // repeat that, so they wait for the person to send them again.
  socketGone(code) {
    const refused = code === CloseCode.policy || code === CloseCode.tooBig;
    for (const entry of this.inflight) {
      if (entry.status !== Status.sent) continue;
      entry.status = refused ? Status.failed : Status.queued;
      entry.reason = code === CloseCode.policy ? ErrorCode.rateLimited : ErrorCode.tooLong;
      if (!refused) entry.reason = '';
      this.handlers.changed(entry);
    }
    this.inflight = [];
  }
}
