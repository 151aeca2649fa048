// Requests for older messages and for search, and matching the hub's answers to them. The hub
// answers a connection's frames in order, so answers of one type come back in the order asked;
// a hub that does not know these requests answers each with `error` `unknown_type`. No DOM.

import { MessageType, frames } from './protocol.js';

export const pageSize = 100;
export const jumpContext = 10; // messages shown after a search hit (and ~pageSize before it)

export class HistoryClient {
  // send(frame) → nonzero when sent. handlers: history(request, answer), search(request, answer),
  // unsupported(request).
  constructor(send, handlers) {
    this.send = send;
    this.handlers = handlers;
    this.pending = []; // {type, purpose, ...} oldest first
    this.supported = null; // null: not known yet; false: the hub said unknown_type
  }

  busy(purpose) {
    return this.pending.some((r) => r.purpose === purpose);
  }

  ask(frame, request) {
    if (this.supported === false) return false;
    if (!this.send(frame)) return false;
    this.pending.push({ ...request, type: frame.type });
    return true;
  }

  // purpose: 'older' (scrolled to the top), 'newer' (scrolled to the bottom of an older stretch),
  // 'jump' (to a search hit: `seq`), 'latest' (back to the newest).
  older(before) {
    if (this.busy('older')) return false;
    return this.ask(frames.history(before, pageSize), { purpose: 'older', before });
  }

  newer(after) {
    if (this.busy('newer')) return false;
    return this.ask(frames.history(after + 1 + pageSize, pageSize), { purpose: 'newer', after });
  }

  jump(seq) {
    return this.ask(frames.history(seq + jumpContext + 1, pageSize), { purpose: 'jump', seq });
  }

  latest() {
    return this.ask(frames.history(undefined, pageSize), { purpose: 'latest' });
  }

  search(query, before) {
    return this.ask(frames.search(query, pageSize, before), { purpose: 'search', query, before });
  }

  // Forgets what is in flight (the connection ended: its answers will never come).
  reset() {
    this.pending = [];
  }

  take(type) {
    const i = this.pending.findIndex((r) => r.type === type);
    return i < 0 ? null : this.pending.splice(i, 1)[0];
  }

  // A `history` or `search` frame from the hub. Returns true when it was ours.
  receive(m) {
    const request = this.take(m.type);
    if (!request) return false;
    this.supported = true;
    const list = m.type === MessageType.search ? m.results : m.messages;
    const answer = {
      messages: Array.isArray(list) ? list.filter((x) => x && typeof x === 'object') : [],
      complete: m.complete === true,
    };
    if (m.type === MessageType.search) this.handlers.search(request, answer);
    else this.handlers.history(request, answer);
    return true;
  }

  // An `unknown_type` error: the oldest request in flight was not understood (the hub answers
  // in order, and these are the only types this page sends that an older hub does not know).
  // Returns true when it was about one of ours.
  unknownType() {
    const request = this.pending.shift();
    if (!request) return false;
    this.supported = false;
    this.pending = [];
    this.handlers.unsupported(request);
    return true;
  }
}
