// What the page holds of the room's conversation: one contiguous stretch of it (chat messages by
// seq, with the page's own lines between them), bounded in size. It knows no DOM; the view draws
// a window of it. The stretch is either the newest part of the room (`atLiveEnd`: live messages
// join it) or an older part a person scrolled back or jumped to, which live messages do not
// join until it reaches the newest again.

import { fileModel } from './files.js';
import { MessageType, chatMessage } from './protocol.js';

let nextKey = 1;

export class Timeline {
  // cap: most items kept when the view allows it. isOwn(id): a message id of this browser.
  constructor({ cap = 1000, isOwn = () => false } = {}) {
    this.cap = cap;
    this.isOwn = isOwn;
    this.clear();
  }

  clear() {
    this.items = []; // oldest first
    this.atLiveEnd = true;
    this.complete = false; // the first item is the room's first message
    this.newestSeq = 0; // the newest seq this page has heard of
  }

  get firstSeq() {
    const item = this.items.find((i) => i.seq !== null);
    return item ? item.seq : null;
  }

  get lastSeq() {
    for (let i = this.items.length - 1; i >= 0; --i) {
      if (this.items[i].seq !== null) return this.items[i].seq;
    }
    return null;
  }

  chatItem(m) {
    const c = chatMessage(m);
    if (!c) return null;
    const parsed = Date.parse(c.time);
    // A file is numbered and grouped like chat; its name stands in for the text.
    const file = m.type === MessageType.file ? fileModel(m) : null;
    if (m.type === MessageType.file && !file) return null;
    return {
      key: nextKey++,
      kind: file ? 'file' : 'chat',
      file,
      seq: c.seq,
      from: c.from,
      text: file ? file.name : c.text,
      time: Number.isNaN(parsed) ? Date.now() : parsed,
      id: c.id,
      own: this.isOwn(c.id),
    };
  }

  // A chat message as it happened (or from the welcome's history). Returns the new item, or
  // null when it is already here, older than what is held, or the stretch is not the newest.
  addLive(m) {
    const item = this.chatItem(m);
    if (!item) return null;
    if (item.seq !== null) {
      if (item.seq > this.newestSeq) this.newestSeq = item.seq;
      const last = this.lastSeq;
      if (last !== null && item.seq <= last) return null;
    }
    if (!this.atLiveEnd) return null;
    this.items.push(item);
    return item;
  }

  // One of the page's own lines (someone joined, the room restarted …): key and params for i18n.
  addSystem(textKey, params, time) {
    if (!this.atLiveEnd) return null;
    const parsed = typeof time === 'string' ? Date.parse(time) : NaN;
    const item = {
      key: nextKey++,
      kind: 'system',
      seq: null,
      textKey,
      params: params || {},
      time: Number.isNaN(parsed) ? Date.now() : parsed,
    };
    this.items.push(item);
    return item;
  }

  // Messages older than the first held (a `history` answer, oldest first). Returns the items
  // put in front, oldest first.
  prependOlder(messages, complete) {
    const first = this.firstSeq;
    const added = [];
    for (const m of messages) {
      const item = this.chatItem(m);
      if (!item || item.seq === null) continue;
      if (first !== null && item.seq >= first) continue;
      if (added.length && item.seq <= added[added.length - 1].seq) continue;
      added.push(item);
    }
    this.items.unshift(...added);
    if (complete) this.complete = true;
    return added;
  }

  // Messages newer than the last held (oldest first). Returns the items added at the end.
  appendNewer(messages) {
    const added = [];
    let last = this.lastSeq;
    for (const m of messages) {
      const item = this.chatItem(m);
      if (!item || item.seq === null || (last !== null && item.seq <= last)) continue;
      added.push(item);
      last = item.seq;
      if (item.seq > this.newestSeq) this.newestSeq = item.seq;
    }
    this.items.push(...added);
    if (last !== null && last >= this.newestSeq) this.atLiveEnd = true;
    return added;
  }

  // Replaces everything with another stretch (a jump to a search hit, or back to the newest).
  replace(messages, { complete = false, atLiveEnd = false } = {}) {
    const newest = this.newestSeq;
    this.items = [];
    this.complete = false;
    this.atLiveEnd = false;
    this.appendNewer(messages);
    this.newestSeq = Math.max(newest, this.newestSeq);
    this.complete = complete;
    if (atLiveEnd) this.atLiveEnd = true;
    return this.items;
  }

  // Drops n items from the front (the room's start is then no longer held).
  dropFront(n) {
    if (n <= 0) return [];
    this.complete = false;
    return this.items.splice(0, n);
  }

  // Drops n items from the end: the stretch is then no longer the newest.
  dropBack(n) {
    if (n <= 0) return [];
    this.atLiveEnd = false;
    return this.items.splice(this.items.length - n, n);
  }

  indexOfSeq(seq) {
    return this.items.findIndex((i) => i.seq === seq);
  }
}
