// Private conversations (docs/PROTOCOL.md, "Private messages"): a `chat` with `to` belongs to the
// conversation with the other person, never to the room's timeline. One conversation per person,
// each bounded, ordered by seq, with its unread count. No DOM.

import { chatMessage } from './protocol.js';

export const isPrivate = (m) => !!m && typeof m === 'object' && typeof m.to === 'string' && m.to !== '';

const fold = (name) => (typeof name === 'string' ? name.toLowerCase() : '');

let nextKey = 1;

export class Conversations {
  // cap: most messages kept per conversation. isOwn(id): a message id of this browser.
  constructor({ cap = 500, isOwn = () => false } = {}) {
    this.cap = cap;
    this.isOwn = isOwn;
    this.map = new Map(); // folded name → {name, items, unread}
    this.active = ''; // folded name of the conversation shown; '' is the room
  }

  get list() {
    return [...this.map.values()];
  }

  get(name) {
    return this.map.get(fold(name)) || null;
  }

  // The conversation with `name`, made when new.
  open(name) {
    let conv = this.get(name);
    if (!conv) {
      conv = { name, items: [], unread: 0 };
      this.map.set(fold(name), conv);
    }
    return conv;
  }

  get activeConversation() {
    return this.active ? this.get(this.active) : null;
  }

  // Shows the conversation with `name` ('' for the room): its unread count is read.
  activate(name) {
    this.active = fold(name);
    const conv = this.activeConversation;
    if (conv) conv.unread = 0;
    return conv;
  }

  isActive(name) {
    return this.active !== '' && this.active === fold(name);
  }

  // Whether this private message was written here (this browser's id, or our name).
  ownMessage(m, me) {
    return this.isOwn(m.id) || (fold(m.from) !== '' && fold(m.from) === fold(me));
  }

  // A private message, live or from a history. Returns {conv, item, own} with item null when it
  // was already held; null when it is no private message.
  add(m, me, { live = false, reading = true } = {}) {
    if (!isPrivate(m)) return null;
    const c = chatMessage(m);
    const own = this.ownMessage(m, me);
    const conv = this.open(own ? m.to : c.from);
    if (c.seq !== null && conv.items.some((i) => i.seq === c.seq)) return { conv, item: null, own };
    if (c.id && conv.items.some((i) => i.id === c.id && i.own === own && i.seq === c.seq))
      return { conv, item: null, own };
    const parsed = Date.parse(c.time);
    const item = {
      key: 'p' + nextKey++, seq: c.seq, from: c.from, to: m.to, text: c.text, id: c.id, own,
      time: Number.isNaN(parsed) ? Date.now() : parsed,
    };
    // In seq order: history pages arrive after newer live messages.
    let at = conv.items.length;
    while (at > 0 && item.seq !== null && conv.items[at - 1].seq !== null && conv.items[at - 1].seq > item.seq) --at;
    conv.items.splice(at, 0, item);
    if (conv.items.length > this.cap) conv.items.splice(0, conv.items.length - this.cap);
    if (live && !own && !(reading && this.isActive(conv.name))) conv.unread += 1;
    return { conv, item, own };
  }

  // Someone changed their name: their conversation follows.
  rename(from, to) {
    const conv = this.get(from);
    if (!conv || fold(from) === fold(to)) {
      if (conv) conv.name = to;
      return;
    }
    this.map.delete(fold(from));
    const existing = this.get(to);
    if (existing) {
      existing.items = [...existing.items, ...conv.items].sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0));
      existing.unread += conv.unread;
    } else {
      conv.name = to;
      this.map.set(fold(to), conv);
    }
    if (this.active === fold(from)) this.active = fold(to);
  }

  get totalUnread() {
    let n = 0;
    for (const conv of this.map.values()) n += conv.unread;
    return n;
  }

  // Everything goes (the room restarted).
  clear() {
    this.map.clear();
    this.active = '';
  }
}

// Splits history messages: the public ones (returned, for the room's timeline) and the private
// ones (handed to `onPrivate`). Also the lowest seq of the private ones, or null.
export function splitPrivate(messages, onPrivate) {
  const publicOnes = [];
  let lowestPrivate = null;
  for (const m of messages) {
    if (isPrivate(m)) {
      onPrivate(m);
      if (typeof m.seq === 'number' && (lowestPrivate === null || m.seq < lowestPrivate)) lowestPrivate = m.seq;
    } else {
      publicOnes.push(m);
    }
  }
  return { publicOnes, lowestPrivate };
}
