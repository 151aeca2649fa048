// The private conversations on screen: a switcher above the conversation (the room, then one
// entry per person with its unread count) and the private conversation shown in place of the
// room's. The room's own view (view.js) stays as it is underneath, hidden while a private
// conversation is shown.

import { appendRichText, isolated, make, timeNode } from './richtext.js';

export class ConversationView {
  // el: {section, bar, list, scroller, intro, messages, pending, input}.
  // deps: conversations (Conversations), t, tNodes, lang, fileCard(file) (filecard.js), pendingFor(name) → [li] of messages
  // to that person not confirmed yet.
  // handlers: switched(name) → '' when the room is shown again.
  constructor(el, deps, handlers) {
    this.el = el;
    this.deps = deps;
    this.handlers = handlers;
    this.timeFormat = new Intl.DateTimeFormat(deps.lang, { timeStyle: 'short' });
    this.fullFormat = new Intl.DateTimeFormat(deps.lang, { dateStyle: 'full', timeStyle: 'medium' });
    this.roomUnread = 0; // room messages come while a private conversation is shown
  }

  get conversations() {
    return this.deps.conversations;
  }

  // The name of the person whose conversation is shown, or '' for the room.
  get activeName() {
    const conv = this.conversations.activeConversation;
    return conv ? conv.name : '';
  }

  renderBar() {
    const { t } = this.deps;
    const list = this.conversations.list;
    this.el.bar.hidden = list.length === 0;
    const active = this.activeName;
    const entry = (label, name, unread) => {
      const li = make('li', 'conv-entry');
      const b = make('button', 'conv-button');
      b.type = 'button';
      b.dataset.name = name;
      if (name === '') b.append(label);
      else b.append(isolated('bdi', 'conv-name', label));
      if (unread > 0) {
        const badge = make('span', 'conv-unread', String(unread));
        badge.setAttribute('aria-label', t('unread', { n: unread }));
        b.append(' ', badge);
      }
      const current = name === '' ? active === '' : this.conversations.isActive(name);
      if (current) b.setAttribute('aria-current', 'true');
      b.addEventListener('click', () => this.show(name));
      li.append(b);
      return li;
    };
    this.el.list.replaceChildren(entry(t('roomConversation'), '', this.roomUnread),
      ...list.map((conv) => entry(conv.name, conv.name, conv.unread)));
  }

  timeElement(time) {
    return timeNode(time, this.timeFormat, this.fullFormat);
  }

  build(item) {
    const li = make('li', 'msg private' + (item.own ? ' own' : ''));
    if (item.seq !== null) li.dataset.seq = String(item.seq);
    li.dataset.from = item.from;
    const meta = make('div', 'meta');
    meta.append(isolated('bdi', 'from', item.own ? this.deps.t('you') : item.from), ' ',
      this.timeElement(item.time));
    const bubble = make('div', 'bubble');
    if (item.file) {
      li.classList.add('file-msg');
      bubble.append(this.deps.fileCard(item.file));
    } else {
      const body = isolated('p', 'text');
      appendRichText(body, item.text);
      bubble.append(body);
    }
    li.append(meta, bubble);
    return li;
  }

  // Shows the conversation with `name` ('' for the room).
  show(name) {
    const conv = this.conversations.activate(name);
    const { el } = this;
    if (!conv) this.roomUnread = 0;
    el.section.classList.toggle('show-private', !!conv);
    el.scroller.hidden = !conv;
    if (conv) {
      el.intro.replaceChildren(this.deps.tNodes('privateWith', { name: conv.name }));
      el.messages.replaceChildren(...conv.items.map((item) => this.build(item)));
      el.pending.replaceChildren(...this.deps.pendingFor(conv.name));
      this.scrollToEnd();
    }
    this.renderBar();
    this.handlers.switched(conv ? conv.name : '');
  }

  // A private message was added to `conv` (a new item): draw it when that conversation is shown.
  added(conv, item) {
    if (this.conversations.isActive(conv.name)) {
      const node = this.build(item);
      const next = [...this.el.messages.children].find((li) =>
        item.seq !== null && li.dataset.seq && Number(li.dataset.seq) > item.seq);
      const s = this.el.scroller;
      const atEnd = s.scrollHeight - s.scrollTop - s.clientHeight < 120;
      if (next) next.before(node);
      else this.el.messages.append(node);
      while (this.el.messages.childElementCount > this.conversations.cap) this.el.messages.firstElementChild.remove();
      if (atEnd || item.own) this.scrollToEnd();
    }
    this.renderBar();
  }

  // A room message came live: counted while a private conversation is shown.
  roomMessage() {
    if (!this.activeName) return;
    this.roomUnread += 1;
    this.renderBar();
  }

  // Marks the message `seq` of the shown conversation and scrolls it to the middle.
  highlight(seq) {
    for (const li of this.el.messages.querySelectorAll('li.hit')) li.classList.remove('hit');
    const li = this.el.messages.querySelector(`li[data-seq="${Number(seq)}"]`);
    if (!li) return;
    li.classList.add('hit');
    li.scrollIntoView({ block: 'center' });
  }

  // Where a pending message to `to` is drawn: the shown conversation's list, or nowhere yet.
  pendingParent(to) {
    return this.conversations.isActive(to) ? this.el.pending : null;
  }

  scrollToEnd() {
    const s = this.el.scroller;
    s.scrollTop = s.scrollHeight;
  }

  // Everything goes (the room restarted).
  reset() {
    this.conversations.clear();
    this.show('');
  }
}
