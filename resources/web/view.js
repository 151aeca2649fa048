// The conversation on screen: a bounded window of the timeline's items in the DOM. New items are
// drawn in one batch per animation frame, with no layout read per message; older items leave the
// DOM as new ones come, and come back (from the timeline, or from the hub through `needOlder`)
// when a person scrolls up. The reading position is kept when items come or go above it.

import { appendRichText, isolated, make, timeNode } from './richtext.js';

export const windowSize = 300; // most items in the DOM
const pageStep = 100; // items added at once when a person scrolls past an end of the window
const nearEdgePx = 400; // how close to an end of the window counts as "at" it
const followPx = 120; // how close to the bottom still follows new messages
const groupGapMs = 5 * 60 * 1000;
// At most this often a frame with new messages: every drawn frame costs a layout and a paint of
// the visible conversation, whatever it holds, so a busy room is drawn a few times a second
// rather than at the display's rate.
const drawGapMs = 200;

export class MessageView {
  // el: {scroller, messages, jump, empty, historyStatus}.
  // deps: timeline, t, tNodes, lang, fileCard(file), followWindow (bool, default true).
  // handlers: needOlder(), needNewer(), toNewest() — asked of the owner when the window
  // reaches the held timeline's start or end, or "back to the newest" needs the hub.
  constructor(el, deps, handlers) {
    this.el = el;
    this.timeline = deps.timeline;
    this.t = deps.t;
    this.tNodes = deps.tNodes;
    this.fileCard = deps.fileCard; // file model → its card (filecard.js)
    this.handlers = handlers;
    this.timeFormat = new Intl.DateTimeFormat(deps.lang, { timeStyle: 'short' });
    this.fullFormat = new Intl.DateTimeFormat(deps.lang, { dateStyle: 'full', timeStyle: 'medium' });
    this.dayFormat = new Intl.DateTimeFormat(deps.lang,
      { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
    this.lo = 0; // the DOM shows timeline.items[lo, hi)
    this.hi = 0;
    this.nodes = new Map(); // item key → its nodes in the DOM (a day line first, when shown)
    this.following = true; // at the bottom: new messages scroll into view
    this.pinnedTop = 0; // scrollTop when the view last scrolled to the end itself
    // The window ends at the timeline's end, but for what the next frame draws. False when the
    // window stopped short of it (a person reads further up, or scrolled back).
    this.endShown = true;
    this.frame = 0;
    this.lastDraw = 0;
    this.newWhileReading = false;
    this.visible = true; // the conversation is shown (not the search results)
    this.highlight = null; // seq of a search hit jumped to

    el.scroller.addEventListener('scroll', () => this.onScroll(), { passive: true });
  }

  // ---- items to DOM --------------------------------------------------------------------------
  dayKey(time) {
    return new Date(time).toDateString();
  }

  timeElement(time) {
    return timeNode(time, this.timeFormat, this.fullFormat);
  }

  // The nodes of items[i]: a day line when the day changes (always for the window's first item),
  // then the item.
  build(i) {
    const items = this.timeline.items;
    const item = items[i];
    const prev = i > this.lo ? items[i - 1] : null;
    const nodes = [];
    if (i === 0 && this.timeline.complete) nodes.push(make('li', 'start', this.t('roomStart')));
    if (!prev || this.dayKey(prev.time) !== this.dayKey(item.time)) {
      const day = make('li', 'day');
      day.append(make('span', '', this.dayFormat.format(new Date(item.time))));
      nodes.push(day);
    }
    if (item.kind === 'system') {
      const li = make('li', 'system');
      const text = make('span', 'system-text');
      text.append(this.tNodes(item.textKey, item.params));
      li.append(text, ' ', this.timeElement(item.time));
      nodes.push(li);
      return nodes;
    }
    const continued = prev !== null && prev.kind !== 'system' && prev.from === item.from
      && item.time - prev.time < groupGapMs && nodes.length === 0;
    const li = make('li', 'msg' + (item.own ? ' own' : '') + (continued ? ' continued' : ''));
    if (item.seq !== null) li.dataset.seq = String(item.seq);
    li.dataset.from = item.from;
    if (item.seq !== null && item.seq === this.highlight) li.classList.add('hit');
    const meta = make('div', continued ? 'meta visually-hidden' : 'meta');
    meta.append(isolated('bdi', 'from', item.own ? this.t('you') : item.from), ' ',
      this.timeElement(item.time));
    const bubble = make('div', 'bubble');
    if (item.kind === 'file') {
      li.classList.add('file-msg');
      bubble.append(this.fileCard(item.file));
    } else {
      const body = isolated('p', 'text');
      appendRichText(body, item.text);
      bubble.append(body);
    }
    li.append(meta, bubble);
    nodes.push(li);
    return nodes;
  }

  fragment(from, to) {
    const fragment = document.createDocumentFragment();
    const items = this.timeline.items;
    for (let i = from; i < to; ++i) {
      const nodes = this.build(i);
      this.nodes.set(items[i].key, nodes);
      fragment.append(...nodes);
    }
    return fragment;
  }

  removeItem(item) {
    const nodes = this.nodes.get(item.key);
    if (!nodes) return;
    for (const node of nodes) node.remove();
    this.nodes.delete(item.key);
  }

  // Draws items[i] again in place (its neighbour above changed: grouping, day line).
  redraw(i) {
    const item = this.timeline.items[i];
    const old = this.nodes.get(item.key);
    if (!old) return;
    const nodes = this.build(i);
    old[0].before(...nodes);
    for (const node of old) node.remove();
    this.nodes.set(item.key, nodes);
  }

  // Empties the DOM and shows items[lo, hi).
  rebuild(lo, hi) {
    this.nodes.clear();
    this.lo = lo;
    this.hi = lo;
    this.el.messages.replaceChildren();
    this.hi = hi;
    this.el.messages.append(this.fragment(lo, hi));
    this.endShown = hi === this.timeline.items.length;
  }

  // ---- batching ------------------------------------------------------------------------------
  // Something was added to the timeline: draw it with the next frame.
  schedule() {
    if (this.frame) return;
    const wait = this.lastDraw + drawGapMs - performance.now();
    const draw = () => {
      this.frame = requestAnimationFrame((now) => {
        this.frame = 0;
        this.lastDraw = now;
        this.flush();
      });
    };
    if (wait > 0) this.frame = setTimeout(draw, wait);
    else draw();
  }

  // Draws what came since the last frame, all at once.
  flush() {
    const items = this.timeline.items;
    if (this.hi > items.length) this.hi = items.length; // the timeline was replaced meanwhile
    const waiting = items.length - this.hi;
    if (this.following) {
      if (waiting > windowSize) {
        this.rebuild(items.length - windowSize, items.length);
      } else if (waiting > 0) {
        const from = this.hi;
        this.hi = items.length;
        this.el.messages.append(this.fragment(from, this.hi));
      }
      this.endShown = true;
      this.trimTop(this.hi - this.lo - windowSize);
      this.scrollToEnd();
    } else if (waiting > 0) {
      // Reading further up: fill the window, but never push out what is being read.
      const room = Math.max(0, windowSize - (this.hi - this.lo));
      const to = this.hi + Math.min(room, waiting);
      if (to > this.hi) {
        const from = this.hi;
        this.hi = to;
        this.el.messages.append(this.fragment(from, to));
      }
      this.endShown = this.hi === items.length;
      this.newWhileReading = true;
    }
    this.forgetFarItems();
    this.updateJump();
    this.updateEmpty();
  }

  // Removes n items from the top of the window (they stay in the timeline).
  trimTop(n) {
    if (n <= 0) return;
    const items = this.timeline.items;
    for (let i = 0; i < n; ++i) this.removeItem(items[this.lo + i]);
    this.lo += n;
    if (this.lo < this.hi) this.redraw(this.lo);
  }

  trimBottom(n) {
    if (n <= 0) return;
    const items = this.timeline.items;
    for (let i = 1; i <= n; ++i) this.removeItem(items[this.hi - i]);
    this.hi -= n;
    this.endShown = false;
  }

  // Keeps the timeline bounded: items far above the window are forgotten (the hub has them).
  forgetFarItems() {
    const over = this.timeline.items.length - this.timeline.cap;
    if (over <= 0) return;
    const n = Math.min(over, this.lo);
    this.timeline.dropFront(n);
    this.lo -= n;
    this.hi -= n;
  }

  // ---- scrolling -----------------------------------------------------------------------------
  scrollToEnd() {
    const s = this.el.scroller;
    s.scrollTop = s.scrollHeight;
    this.pinnedTop = s.scrollTop;
  }

  // Runs change() (which adds or removes items above or below) without moving what is seen:
  // the anchor item (redrawn or not) stays where it was on the screen.
  keepPosition(anchorItem, change) {
    const nodeOf = () => {
      const nodes = anchorItem ? this.nodes.get(anchorItem.key) : null;
      return nodes ? nodes[nodes.length - 1] : null;
    };
    const anchor = nodeOf();
    const before = anchor ? anchor.getBoundingClientRect().top : 0;
    change();
    const after = nodeOf();
    if (anchor && after && after.isConnected) {
      this.el.scroller.scrollTop += after.getBoundingClientRect().top - before;
    }
  }

  onScroll() {
    if (!this.visible) return;
    const s = this.el.scroller;
    const fromBottom = s.scrollHeight - s.scrollTop - s.clientHeight;
    const items = this.timeline.items;
    const atEnd = this.endShown && this.timeline.atLiveEnd;
    // Following ends when the person scrolls up, not when the content below grows by itself
    // (messages laid out late, fonts): that moves the bottom, not scrollTop.
    if (fromBottom < followPx) this.following = atEnd;
    else if (s.scrollTop < this.pinnedTop - followPx) this.following = false;
    if (!atEnd) this.following = false;
    if (this.following) this.newWhileReading = false;
    if (s.scrollTop < nearEdgePx) this.showOlder();
    else if (fromBottom < nearEdgePx && !(this.endShown && this.timeline.atLiveEnd)) this.showNewer();
    this.updateJump();
  }

  // Scrolled near the top of the window: more from the timeline, or ask the hub.
  showOlder() {
    if (this.lo === 0) {
      if (!this.timeline.complete) this.handlers.needOlder();
      return;
    }
    const items = this.timeline.items;
    const n = Math.min(pageStep, this.lo);
    this.keepPosition(items[this.lo], () => {
      const oldFirst = this.lo;
      this.lo -= n;
      this.el.messages.prepend(this.fragment(this.lo, oldFirst));
      this.redraw(oldFirst);
      this.trimBottom(this.hi - this.lo - windowSize);
    });
  }

  // Scrolled near the bottom of the window: more from the timeline, or ask the hub.
  showNewer() {
    const items = this.timeline.items;
    if (this.hi === items.length) {
      this.endShown = true;
      if (!this.timeline.atLiveEnd) this.handlers.needNewer();
      return;
    }
    const n = Math.min(pageStep, items.length - this.hi);
    this.keepPosition(items[this.hi - 1], () => {
      const from = this.hi;
      this.hi += n;
      this.el.messages.append(this.fragment(from, this.hi));
      this.trimTop(this.hi - this.lo - windowSize);
    });
    this.endShown = this.hi === items.length;
  }

  // The timeline got `added` (oldest first) in front: show them above, keeping the position.
  olderArrived(added) {
    if (added.length === 0) {
      // Nothing older, or the start was reached: the first item shows it.
      if (this.lo === 0 && this.hi > 0) this.keepPosition(this.timeline.items[0], () => this.redraw(0));
      return;
    }
    const items = this.timeline.items;
    const k = added.length;
    this.lo += k;
    this.hi += k;
    if (this.lo !== k) return; // the window is not at the front: they show when scrolled to
    const anchorItem = this.hi > this.lo ? items[this.lo] : null;
    this.keepPosition(anchorItem, () => {
      this.lo = 0;
      this.el.messages.prepend(this.fragment(0, k));
      if (k < this.hi) this.redraw(k);
      this.trimBottom(this.hi - this.lo - windowSize);
    });
    this.updateEmpty();
  }

  // The timeline got newer items at its end (scrolled down in an older stretch).
  newerArrived() {
    this.showNewer();
    this.updateJump();
  }

  // The timeline was replaced (a jump to a hit, or back to the newest): show it, with the
  // message `seq` in the middle of the screen, or the end.
  replaced(seq) {
    const items = this.timeline.items;
    this.highlight = seq ?? null;
    let at = seq === undefined || seq === null ? -1 : this.timeline.indexOfSeq(seq);
    const hi = at < 0 ? items.length : Math.min(items.length, at + pageStep);
    const lo = Math.max(0, hi - windowSize);
    this.rebuild(lo, hi);
    this.newWhileReading = false;
    if (at < 0) {
      this.following = this.timeline.atLiveEnd;
      this.scrollToEnd();
    } else {
      this.following = false;
      const node = this.nodes.get(items[at].key);
      node[node.length - 1].scrollIntoView({ block: 'center' });
    }
    this.updateJump();
    this.updateEmpty();
  }

  // "New messages" / "Back to the newest".
  toBottom() {
    const items = this.timeline.items;
    this.highlight = null;
    if (!this.timeline.atLiveEnd) {
      this.handlers.toNewest();
      return;
    }
    if (this.hi < items.length) this.rebuild(Math.max(0, items.length - windowSize), items.length);
    this.following = true;
    this.newWhileReading = false;
    this.scrollToEnd();
    this.updateJump();
  }

  // The newest is wanted (an own message was sent): follow again.
  follow() {
    if (this.timeline.atLiveEnd) this.toBottom();
  }

  updateJump() {
    const detached = !this.timeline.atLiveEnd;
    const show = this.visible && (detached || (!this.following
      && (this.newWhileReading || this.hi < this.timeline.items.length)));
    this.el.jump.hidden = !show;
    const label = detached ? this.t('backToNewest') : this.t('newMessages');
    if (this.el.jump.textContent !== label) this.el.jump.textContent = label;
  }

  updateEmpty() {
    this.el.empty.hidden = !this.showEmpty || this.timeline.items.some((i) => i.kind !== 'system')
      || this.el.pending.childElementCount > 0;
  }

  setEmptyAllowed(allowed) {
    this.showEmpty = allowed;
    this.updateEmpty();
  }

  // Everything goes (the room restarted: nothing shown can be matched any more).
  reset() {
    this.timeline.clear();
    this.rebuild(0, 0);
    this.following = true;
    this.highlight = null;
    this.updateJump();
  }

  // A word on loading older messages, over the top of the conversation (it moves nothing).
  setHistoryStatus(text) {
    this.el.historyStatus.textContent = text;
    this.el.historyStatus.hidden = !text;
  }
}
