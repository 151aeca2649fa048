// Private messages on the page: where a private `chat` goes (its conversation, never the room's
// timeline), how it alerts, and the composer's recipient. Ties conversations.js (the model) and
// conversationview.js (the drawing) to the outbox, the room's view and the alerts.

import { ConversationView } from './conversationview.js';
import { Conversations, isPrivate, splitPrivate } from './conversations.js';
import { fileModel } from './files.js';
import { MessageType } from './protocol.js';

// A name in a text that cannot hold markup (a placeholder, the live region), isolated so that a
// right-to-left name does not reorder the words around it.
const isolate = (name) => `\u2068${name}\u2069`;

export class PrivateChat {
  // el: the ConversationView's elements, and input, sound (the composer, the sound setting).
  // deps: t, tNodes, lang, isOwn(id), me() → our name, outbox, view (the room's MessageView),
  // alert(text) (live region, title count), beep(), shown(name) (a conversation was opened),
  // fileCard(file) (a file message's card), delivered(m) (an own file arrived).
  constructor(el, deps) {
    this.el = el;
    this.deps = deps;
    this.conversations = new Conversations({ cap: 500, isOwn: deps.isOwn });
    const fold = (name) => String(name).toLowerCase();
    this.convView = new ConversationView(el, {
      conversations: this.conversations, t: deps.t, tNodes: deps.tNodes, lang: deps.lang,
      fileCard: deps.fileCard,
      pendingFor: (name) => deps.outbox.entries
        .filter((e) => e.to && fold(e.to) === fold(name) && e.li).map((e) => e.li),
    }, { switched: (name) => this.switched(name) });
  }

  // The person the composer writes to, or '' for the room.
  get recipient() {
    return this.convView.activeName;
  }

  // A chat message from the hub: true when it was private (and is now in its conversation).
  take(m, live) {
    if (!isPrivate(m)) return false;
    const { deps } = this;
    const file = m.type === MessageType.file ? fileModel(m) : null;
    if (m.type === MessageType.file && !file) return true;
    if (deps.isOwn(m.id)) {
      if (file) deps.delivered(m);
      else deps.outbox.echoed(m.id, live);
    }
    const result = this.conversations.add(m, deps.me(), { live, reading: !document.hidden });
    if (!result || !result.item) return true;
    if (file) Object.assign(result.item, { file, text: file.name }); // drawn as its card
    this.convView.added(result.conv, result.item);
    if (live && !result.own) {
      // Like a mention: the live region and the title always, the sound unless being read.
      deps.alert(deps.t('privateFrom', { name: isolate(result.item.from) }) + ' ' + result.item.text);
      const reading = this.conversations.isActive(result.conv.name) && !document.hidden && document.hasFocus();
      if (!reading && this.el.sound.checked) deps.beep();
    }
    return true;
  }

  // A history answer's messages: the private ones taken, the public ones returned, and the
  // lowest seq of the private ones (or null).
  split(messages) {
    return splitPrivate(messages, (m) => this.take(m, false));
  }

  // Search hits: the private ones are put in their conversations (as history), so that a
  // chosen one can be shown there.
  hits(messages) {
    for (const m of messages) this.take(m, false);
  }

  // Shows the private message `seq` in its conversation; false when it is not a private one
  // held here (then the room is shown, for the room's view to jump to it).
  showSeq(seq) {
    const conv = this.conversations.list.find((c) => c.items.some((i) => i.seq === seq));
    if (!conv) {
      if (this.recipient) this.convView.show('');
      return false;
    }
    this.convView.show(conv.name);
    this.convView.highlight(seq);
    return true;
  }

  // A live room message came (counted while a conversation is shown).
  roomMessage() {
    this.convView.roomMessage();
  }

  open(name) {
    if (String(name).toLowerCase() === String(this.deps.me()).toLowerCase()) return;
    this.conversations.open(name);
    this.convView.show(name);
  }

  switched(name) {
    const { el, deps } = this;
    el.input.placeholder = name ? deps.t('privatePlaceholder', { name: isolate(name) }) : deps.t('placeholder');
    deps.view.visible = !name;
    if (!name) deps.view.follow();
    deps.view.updateJump();
    deps.shown(name);
  }

  // Where the pending message `entry` is drawn: the room's list, its conversation's, or nowhere
  // while another conversation is shown.
  pendingParent(entry, roomList) {
    return entry.to ? this.convView.pendingParent(entry.to) : roomList;
  }

  // The message was typed: follow it to the end of its conversation.
  sent() {
    this.convView.scrollToEnd();
  }

  // Someone else changed their name: their conversation follows.
  renamed(from, to) {
    const shown = this.convView.activeName;
    this.conversations.rename(from, to);
    if (shown) this.convView.show(this.convView.activeName);
    else this.convView.renderBar();
  }

  reset() {
    this.convView.reset();
  }
}
