// LAN Chat browser page: wires the modules together. Speaks docs/PROTOCOL.md (v1) to the hub
// that served this page.
//
//   protocol.js   the protocol's names (types, error codes, leave reasons, close codes)
//   connection.js socket, join/resume, heartbeat, backoff (no DOM)
//   outbox.js     typed messages until the hub echoes them (no DOM)
//   timeline.js   the stretch of the conversation held, bounded (no DOM)
//   history.js    history and search requests and their answers (no DOM)
//   view.js       the conversation on screen: a bounded window, drawn once per frame
//   search.js     the search field and its hits
//   rooms.js      this room before joining, and the other rooms on the LAN
//   alerts.js     sound and screen-reader announcements of new messages
//   namedialog.js the name dialog (and the passcode)
//   access.js     passcode, host token and person key of this tab; moderation words (no DOM)
//   joingate.js   a refused join: the passcode asked, the next try on the same socket
//   hostcontrols.js a host's person menu and room controls
//   privatechat.js private messages: conversations.js (no DOM), drawn by conversationview.js
//   store.js      settings in localStorage, ids of own messages
//   richtext.js   text and links into the DOM, direction per text
//   files.js      file messages checked, sizes, resume offsets (no DOM)
//   upload.js     sending files: upload slots, PUT with progress, resume, cancel (no DOM)
//   filecard.js   pictures, file cards, the lightbox, rows of files being sent
//   sendfiles.js  the attach button, paste and drop
//   i18n.js       strings in English, German and French (i18n-access.js: the access strings)

import { AccessClose, AccessError, AccessLeave, AccessType, Secrets, isFinalClose, joinFields,
  moderationLine, readFragment } from './access.js';
import { Announcer, beep } from './alerts.js';
import { Connection, Phase } from './connection.js';
import { fileCard } from './filecard.js';
import { HistoryClient } from './history.js';
import { HostControls } from './hostcontrols.js';
import { JoinGate } from './joingate.js';
import { apply, lang, t, tNodes } from './i18n.js';
import { NameDialog, validName } from './namedialog.js';
import { Outbox, Status } from './outbox.js';
import { PrivateChat } from './privatechat.js';
import {
  CloseCode, ErrorCode, LeaveReason, Limits, MessageType, chatRefusals, fileErrors, frames,
} from './protocol.js';
import { appendRichText, isolated, make } from './richtext.js';
import { OtherRooms } from './rooms.js';
import { SearchPanel } from './search.js';
import { FileSender } from './sendfiles.js';
import { isOwnId, newMessageId, positiveNumber, store } from './store.js';
import { Timeline } from './timeline.js';
import { MessageView } from './view.js';

const $ = (id) => document.getElementById(id);

// The debug.* keys exist so tests can make the heartbeat fast; people never set them.
const heartbeatMs = positiveNumber(store.get('debug.heartbeatMs', ''), 15000);
const noticeMs = 8000;

const el = {
  app: $('app'), roomName: $('room-name'), status: $('status'), statusText: $('status-text'),
  retry: $('retry'), peopleToggle: $('people-toggle'), peopleCount: $('people-count'),
  sidebar: $('sidebar'), peopleHeading: $('people-heading'), people: $('people'),
  roomsSection: $('rooms-section'), rooms: $('rooms'), youName: $('you-name'), rename: $('rename'),
  sound: $('sound'), scroller: $('scroller'), jump: $('jump'), empty: $('empty'),
  messages: $('messages'), pending: $('pending'), historyStatus: $('history-status'),
  announcer: $('announcer'), notice: $('notice'), composer: $('composer'), input: $('input'),
  dialog: $('name-dialog'), nameForm: $('name-form'), nameTitle: $('name-title'),
  nameRoom: $('name-room'), nameIntro: $('name-intro'), nameInput: $('name-input'),
  nameError: $('name-error'), nameOk: $('name-ok'), nameCancel: $('name-cancel'),
  passcodeField: $('passcode-field'), passcodeInput: $('passcode-input'),
};

const state = {
  preferredName: store.get('name', ''),
  me: '', // our name in the room (welcome.you, then renames)
  room: '',
  maxText: Limits.maxText,
  users: [],
  hosts: [], // the joined people with host rights
  present: false, // users is what the hub told us and still holds (we are in the room)
  renaming: false,
  unread: 0,
  noticeTimer: 0,
  barrierTimer: 0,
};

// ---- the parts --------------------------------------------------------------------------------
// Secrets a link hands over (#code=, #host=) are taken from the address and kept in this tab.
const secrets = new Secrets(sessionStorage);
const fragment = readFragment(location.hash);
if (fragment.code) secrets.passcode = fragment.code;
if (fragment.host) secrets.hostToken = fragment.host;
if (fragment.any) window.history.replaceState(null, '', location.pathname + location.search);

const timeline = new Timeline({ cap: 1000, isOwn: isOwnId });

const conn = new Connection({
  url: (location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/ws',
  WebSocket,
  name: () => state.me || state.preferredName,
  joinFields: () => joinFields({ passcode: secrets.passcode, hostToken: secrets.hostToken }),
  token: secrets.token,
  timings: { heartbeatMs },
  clock: {
    setTimeout: (f, ms) => setTimeout(f, ms),
    clearTimeout: (id) => clearTimeout(id),
    setInterval: (f, ms) => setInterval(f, ms),
    clearInterval: (id) => clearInterval(id),
    now: () => Date.now(),
  },
}, { phase: onPhase, frame: onFrame, pong: (tx) => outbox.refuseSentBefore(tx) });

const outbox = new Outbox((frame) => conn.send(frame), {
  changed: renderPending,
  removed: (entry) => {
    if (entry.li) entry.li.remove();
    view.updateEmpty();
  },
});

// A file message's card, in the room and in private conversations.
const cardOf = (file) => fileCard(file, { t, lang, open: (f) => files.openPicture(f) });

const view = new MessageView(el, { timeline, t, tNodes, lang, fileCard: cardOf }, {
  needOlder: () => {
    const first = timeline.firstSeq;
    if (history.supported === false) return;
    if (history.older(first ?? undefined)) view.setHistoryStatus(t('loadingOlder'));
  },
  needNewer: () => {
    const last = timeline.lastSeq;
    if (last !== null) history.newer(last);
  },
  toNewest: () => history.latest(),
});

const history = new HistoryClient((frame) => conn.joined && conn.send(frame), {
  history: onHistory,
  search: (request, answer) => {
    privateChat.hits(answer.messages); // a private hit opens in its conversation
    search.answered(request.query, request.before, answer.messages, answer.complete);
  },
  unsupported: (request) => {
    if (request.purpose === 'search') search.unavailable();
    else view.setHistoryStatus(t('olderUnavailable'));
    timeline.complete = true; // stop asking
  },
});

const search = new SearchPanel({
  toggle: $('search-toggle'), form: $('search-form'), input: $('search-input'),
  close: $('search-close'), results: $('search-results'), status: $('search-status'),
  hits: $('hits'), more: $('search-more'),
}, { t, lang }, {
  search: (query, before) => {
    if (!conn.joined) return t('connectionLost');
    return history.search(query, before) || t('searchUnavailable');
  },
  open: (seq) => {
    if (!privateChat.showSeq(seq)) history.jump(seq);
  },
  shown: (shown) => {
    view.visible = !shown && !privateChat.recipient;
    view.updateJump();
  },
});

const announcer = new Announcer(el.announcer);
const nameDialog = new NameDialog({
  dialog: el.dialog, title: el.nameTitle, room: el.nameRoom, intro: el.nameIntro,
  input: el.nameInput, error: el.nameError, ok: el.nameOk, cancel: el.nameCancel,
  passcodeField: el.passcodeField, passcodeInput: el.passcodeInput,
}, { t, tNodes }, (info) => {
  if (!state.room) el.roomName.textContent = info.room;
});
const hostControls = new HostControls({
  section: $('host-section'), lockState: $('lock-state'), lock: $('lock-room'),
  passcodeState: $('passcode-state'), passcodeForm: $('passcode-form'), passcodeInput: $('passcode-new'),
  removePasscode: $('passcode-remove'), blockedList: $('blocked'), confirm: $('confirm-dialog'),
  confirmText: $('confirm-text'), confirmOk: $('confirm-ok'), confirmCancel: $('confirm-cancel'),
}, {
  t, tNodes, lang, send: (frame) => conn.joined && conn.send(frame),
  openPrivate: (name) => privateChat.open(name), notice: showNotice,
});
const privateChat = new PrivateChat({
  section: $('conversation'), bar: $('conv-bar'), list: $('conv-list'),
  scroller: $('private-scroller'), intro: $('private-intro'), messages: $('private-messages'),
  pending: $('private-pending'), input: el.input, sound: el.sound,
}, {
  t, tNodes, lang, isOwn: isOwnId, me: () => state.me, outbox, view, alert: alertOf, beep,
  fileCard: cardOf, delivered: (m) => files.uploads.delivered(m),
  shown: (name) => {
    if (!name) return;
    setSidebar(false);
    el.input.focus();
  },
});
// Files go where the conversation is: the room, or the person of the private one shown.
const files = new FileSender({
  app: el.app, attach: $('attach'), picker: $('file-picker'), uploads: $('uploads'),
  dropHint: $('drop-hint'), input: el.input,
  lightbox: { dialog: $('lightbox'), img: $('lightbox-img'), name: $('lightbox-name'),
    download: $('lightbox-download'), close: $('lightbox-close') },
}, {
  t, lang, send: (frame) => conn.joined && conn.send(frame), newId: newMessageId,
  recipient: () => privateChat.recipient,
  sent: () => (privateChat.recipient ? privateChat.sent() : view.toBottom()),
});
const joinGate = new JoinGate({ conn, nameDialog, secrets },
  { t, setStatus, notice: showNotice, openDialog });
const otherRooms = new OtherRooms({ section: el.roomsSection, list: el.rooms },
  { t, tNodes, name: () => state.me || state.preferredName });

function onHistory(request, { messages: all, complete }) {
  // Private messages go to their conversations; the room's timeline holds the public ones.
  const { publicOnes: messages, lowestPrivate } = privateChat.split(all);
  const answer = { messages, complete };
  if (request.purpose === 'older' && messages.length === 0 && lowestPrivate !== null && !complete) {
    // A page of private messages only: the room's next page is older still.
    history.older(lowestPrivate);
    return;
  }
  if (request.purpose === 'older') {
    const added = timeline.prependOlder(answer.messages, answer.complete || answer.messages.length === 0);
    view.setHistoryStatus('');
    view.olderArrived(added);
  } else if (request.purpose === 'newer') {
    timeline.appendNewer(answer.messages);
    view.newerArrived();
  } else {
    timeline.replace(answer.messages, {
      complete: answer.complete, atLiveEnd: request.purpose === 'latest',
    });
    view.setHistoryStatus('');
    view.replaced(request.purpose === 'jump' ? request.seq : undefined);
  }
}

// ---- status, title, sound, announcements ------------------------------------------------------
// action: '' (none), 'retry' (a "Retry now" button) or 'name' (a "Choose a name" button).
function setStatus(kind, text, action) {
  el.status.dataset.state = kind;
  el.statusText.textContent = text;
  el.retry.hidden = !action;
  el.retry.dataset.action = action || '';
  if (action) el.retry.textContent = action === 'name' ? t('chooseName') : t('retryNow');
}

function updateTitle() {
  const base = state.room ? `${state.room} – ${t('appName')}` : t('appName');
  document.title = state.unread > 0 ? `(${state.unread}) ${base}` : base;
}

function showNotice(text) {
  el.notice.textContent = text;
  el.notice.hidden = false;
  clearTimeout(state.noticeTimer);
  state.noticeTimer = setTimeout(() => {
    el.notice.hidden = true;
  }, noticeMs);
}

function addSystemLine(key, params, time) {
  if (timeline.addSystem(key, params, time)) view.schedule();
}

// ---- chat and pending messages ----------------------------------------------------------------
function alertOf(text) {
  announcer.say(text);
  if (document.hidden) {
    state.unread += 1;
    updateTitle();
  }
}

function showChat(m, live) {
  if (privateChat.take(m, live)) return;
  const own = isOwnId(m.id);
  if (own && m.type === MessageType.file) files.uploads.delivered(m);
  else if (own) outbox.echoed(m.id, live);
  const item = timeline.addLive(m);
  if (own && live) view.follow();
  if (!item) return;
  view.schedule();
  if (live && !own) {
    alertOf(t('fromLabel', { name: item.from }) + ' ' + item.text);
    privateChat.roomMessage();
    if ((document.hidden || !document.hasFocus()) && el.sound.checked) beep();
  }
}

function renderPending(p) {
  const li = p.li || make('li', 'msg own pending-msg');
  li.replaceChildren();
  li.classList.toggle('failed', p.status === Status.failed);
  const meta = make('div', 'meta');
  let label;
  if (p.status === Status.failed) label = t('notSent', { reason: t('reason_' + p.reason) });
  else if (p.status === Status.sent) label = t('sending');
  else label = t('waiting');
  meta.append(make('span', 'pending-state', label));
  const bubble = make('div', 'bubble');
  const body = isolated('p', 'text');
  appendRichText(body, p.text);
  bubble.append(body);
  li.append(meta, bubble);
  if (p.status === Status.failed) {
    const actions = make('div', 'pending-actions');
    const again = make('button', 'link-button', t('sendAgain'));
    again.type = 'button';
    again.addEventListener('click', () => outbox.retry(p, conn.joined));
    const discard = make('button', 'link-button', t('discard'));
    discard.type = 'button';
    discard.addEventListener('click', () => outbox.discard(p));
    actions.append(again, discard);
    li.append(actions);
  }
  if (!p.li) {
    p.li = li;
    const parent = privateChat.pendingParent(p, el.pending);
    if (parent) parent.append(li);
  }
}

function submitMessage() {
  if (!state.preferredName && !state.me) {
    openDialog(false, '');
    return;
  }
  const text = el.input.value;
  if (!text.trim()) {
    el.input.focus();
    return;
  }
  if (text.length > state.maxText) {
    showNotice(t('err_too_long', { max: state.maxText }));
    return;
  }
  el.input.value = '';
  autosize();
  const to = privateChat.recipient;
  outbox.add(newMessageId(), text, to);
  view.updateEmpty();
  if (to) privateChat.sent();
  else view.toBottom(); // back to the newest, where the message will show
  if (conn.joined) outbox.flush();
  el.input.focus();
}

// ---- people -----------------------------------------------------------------------------------
function renderPeople() {
  const n = state.users.length;
  el.peopleCount.textContent = state.present ? String(n) : '–';
  el.peopleToggle.setAttribute('aria-label', state.present
    ? t('peopleButton', { n }) : t('peopleButtonOffline'));
  el.peopleHeading.textContent = state.present ? t('people', { n })
    : (conn.hostEnded ? t('roomEnded') : t('peopleOffline'));
  const sorted = state.present
    ? [...state.users].sort((a, b) => a.localeCompare(b, lang, { sensitivity: 'base' })) : [];
  el.people.replaceChildren(...sorted.map((name) => {
    const li = make('li', 'person');
    li.append(isolated('bdi', 'person-name', name));
    const host = state.hosts.some((h) => sameName(h, name));
    if (host) li.append(make('span', 'person-host', t('hostMark')));
    if (sameName(name, state.me)) {
      li.classList.add('me');
      li.append(' ', make('span', 'person-you', t('youSuffix')));
    } else {
      hostControls.decoratePerson(li, name, host);
    }
    return li;
  }));
  el.youName.textContent = state.me || state.preferredName;
}

const sameName = (a, b) => typeof a === 'string' && typeof b === 'string' && a.toLowerCase() === b.toLowerCase();
function addUser(name) {
  if (!state.users.some((u) => sameName(u, name))) state.users.push(name);
}
function removeUser(name) {
  state.users = state.users.filter((u) => !sameName(u, name));
  state.hosts = state.hosts.filter((u) => !sameName(u, name));
}

// ---- the connection's phases ------------------------------------------------------------------
let countdown = 0;
function onPhase(phase, detail) {
  clearInterval(countdown);
  countdown = 0;
  if (phase !== Phase.joined && state.present) {
    // Out of the room: who was there is no longer known.
    state.present = false;
    renderPeople();
    el.rename.disabled = true;
  }
  if (phase !== Phase.joined) {
    clearTimeout(state.barrierTimer);
    state.barrierTimer = 0;
    history.reset();
  }
  switch (phase) {
  case Phase.connecting:
    setStatus('connecting', detail.reconnecting ? t('reconnecting') : t('connecting'), '');
    break;
  case Phase.joined:
    setStatus('connected', t('connected'), '');
    outbox.flush();
    files.uploads.joined();
    break;
  case Phase.waiting: {
    outbox.socketGone(detail.code);
    const reason = closeReason(detail);
    const kind = detail.hostEnded ? 'ended' : 'waiting';
    const tick = () => {
      const left = Math.max(1, Math.ceil((detail.retryAt - Date.now()) / 1000));
      setStatus(kind, `${reason} ${t('retryIn', { n: left })}`, 'retry');
    };
    tick();
    countdown = setInterval(tick, 1000);
    break;
  }
  case Phase.stopped:
    outbox.socketGone(detail.code);
    if (isFinalClose(detail.code)) {
      // Removed by the host: said once, plainly, and no way back from this page.
      setStatus('ended', closeReason(detail), '');
      addSystemLine(detail.code === AccessClose.banned ? 'closedBanned' : 'closedKicked');
      el.notice.textContent = closeReason(detail);
      el.notice.hidden = false;
      clearTimeout(state.noticeTimer);
      hostControls.setHost(false);
      for (const control of el.composer.elements) control.disabled = true;
      break;
    }
    setStatus('ended', closeReason(detail), 'retry');
    break;
  default:
    break;
  }
  view.setEmptyAllowed(phase === Phase.joined);
}

function closeReason(detail) {
  if (navigator.onLine === false && detail.code !== CloseCode.goingAway) return t('offline');
  // Attempts that fail after we were in keep saying what went wrong then; "full or
  // unreachable" is for a room we never got into.
  if (isFinalClose(detail.code)) return t(detail.code === AccessClose.banned ? 'closedBanned' : 'closedKicked');
  switch (detail.lostCode) {
  case 0: return t('unreachable');
  case CloseCode.goingAway: return t('hostEnded');
  case CloseCode.unsupportedData: return t('closedUnsupported');
  case CloseCode.policy: return t('closedTooFast');
  case CloseCode.tooBig: return t('closedTooBig');
  case CloseCode.replaced: return t('closedReplaced');
  default: return t('connectionLost');
  }
}

// ---- frames from the hub ----------------------------------------------------------------------
function onFrame(m, welcomeInfo) {
  switch (m.type) {
  case MessageType.welcome: onWelcome(m, welcomeInfo); break;
  case MessageType.chat:
  case MessageType.file:
    showChat(m, true);
    break;
  case MessageType.upload: files.uploads.answer(m); break;
  case MessageType.joined:
    if (typeof m.name !== 'string') break;
    addUser(m.name);
    if (m.host === true && !state.hosts.some((h) => sameName(h, m.name))) state.hosts.push(m.name);
    renderPeople();
    if (!sameName(m.name, state.me)) addSystemLine('joined', { name: m.name }, m.time);
    break;
  case MessageType.left: onLeft(m); break;
  case MessageType.renamed: onRenamed(m); break;
  case MessageType.room: // the host renamed the room
    if (typeof m.room !== 'string' || !m.room) break;
    state.room = m.room;
    el.roomName.textContent = state.room;
    updateTitle();
    break;
  case MessageType.error: onError(m); break;
  case AccessType.moderation: {
    const line = moderationLine(m);
    if (line) addSystemLine(line.key, line.params, m.time);
    break;
  }
  case AccessType.access: hostControls.update(m); break;
  case MessageType.history:
  case MessageType.search:
    history.receive(m);
    break;
  default: break; // a type from a newer hub: ignore
  }
}

function onWelcome(m, { restarted, resumed }) {
  if (restarted) {
    // seq started again at 0: what is shown cannot be matched any more, start afresh.
    view.reset();
    privateChat.reset();
    addSystemLine('roomRestarted');
  }
  const first = !conn.everJoined;
  state.me = typeof m.you === 'string' ? m.you : state.preferredName;
  state.room = typeof m.room === 'string' ? m.room : '';
  state.users = Array.isArray(m.users) ? m.users.filter((u) => typeof u === 'string') : [];
  state.hosts = Array.isArray(m.hosts) ? m.hosts.filter((u) => typeof u === 'string') : [];
  state.present = true;
  secrets.token = conn.resume.token; // the person key: private messages stay ours after a reload
  hostControls.setHost(m.host === true);
  if (nameDialog.isOpen && !nameDialog.rename) closeDialog();
  if (typeof m.maxText === 'number' && m.maxText > 0) state.maxText = m.maxText;
  files.setLimits(m.files);

  el.roomName.textContent = state.room || t('appName');
  updateTitle();
  renderPeople();
  el.rename.disabled = false;

  if (resumed && m.truncated) addSystemLine('historyTruncated');
  if (!timeline.atLiveEnd) {
    // Reading an older stretch: the history lands in it only when it reaches the newest.
    timeline.newestSeq = Math.max(timeline.newestSeq, typeof m.seq === 'number' ? m.seq : 0);
  } else {
    const held = timeline.items.length;
    for (const h of Array.isArray(m.history) ? m.history : []) showChat(h, false);
    if (held === 0) {
      timeline.complete = m.historyComplete === true
        || (timeline.firstSeq === 1) || (timeline.firstSeq === null && m.seq === 0);
    }
  }
  if (first) addSystemLine('joinedYou', { room: state.room, name: state.me });
  view.schedule();
  if (first) view.toBottom();
}

function onLeft(m) {
  if (typeof m.name !== 'string') return;
  removeUser(m.name);
  renderPeople();
  const keys = {
    [LeaveReason.quit]: 'left', [LeaveReason.lost]: 'leftLost',
    [LeaveReason.timeout]: 'leftTimeout', [LeaveReason.shutdown]: 'leftShutdown',
  };
  const key = keys[m.reason] || 'leftDropped';
  // A removal is told by its `moderation` line.
  if (m.reason === AccessLeave.kicked || m.reason === AccessLeave.banned) return;
  if (m.reason !== LeaveReason.replaced) addSystemLine(key, { name: m.name }, m.time);
}

function onRenamed(m) {
  if (typeof m.from !== 'string' || typeof m.to !== 'string') return;
  state.users = state.users.map((u) => (sameName(u, m.from) ? m.to : u));
  state.hosts = state.hosts.map((u) => (sameName(u, m.from) ? m.to : u));
  if (!sameName(m.from, state.me)) privateChat.renamed(m.from, m.to);
  if (sameName(m.from, state.me)) {
    state.me = m.to;
    if (state.renaming) {
      state.renaming = false;
      state.preferredName = m.to;
      store.set('name', m.to);
      closeDialog();
    }
    addSystemLine('renamedYou', { to: m.to }, m.time);
  } else {
    addSystemLine('renamed', { from: m.from, to: m.to }, m.time);
  }
  renderPeople();
}

// Errors about access and private messages. Returns true when handled.
function onAccessError(code, m) {
  if (joinGate.refused(code)) return true;
  if (code === AccessError.noSuchPerson && typeof m.id === 'string' && outbox.refused(m.id, code)) {
    showNotice(t('err_no_such_person'));
    return true;
  }
  const known = Object.values(AccessError);
  if (!known.includes(code)) return false;
  showNotice(t('err_' + code));
  return true;
}

function onError(m) {
  const code = typeof m.code === 'string' ? m.code : '';
  if (code === ErrorCode.unknownType && history.unknownType()) return;
  if (files.uploads.refused(m)) return; // shown on the file's row
  if (fileErrors.includes(code)) { // about a file this page no longer holds
    showNotice(t('uploadFailed', { reason: t('uploadReason_' + code, { max: '?' }) }));
    return;
  }
  if (onAccessError(code, m)) return;
  const known = Object.values(ErrorCode);
  const text = known.includes(code)
    ? t('err_' + code, { max: state.maxText })
    : t('err_other', { text: typeof m.text === 'string' ? m.text : code });
  if (chatRefusals.includes(code)) {
    // The hub names the refused message by its id; an error without one is about another
    // frame (a ping, a rename) and refuses no message.
    outbox.refused(m.id, code);
    if (code === ErrorCode.rateLimited && !state.barrierTimer) {
      // Later messages may be dropped without an error: a ping once the limit has recovered
      // tells which (see Outbox.refuseSentBefore).
      state.barrierTimer = setTimeout(() => {
        state.barrierTimer = 0;
        if (outbox.hasInflight) conn.sendPing();
      }, 1500);
    }
    showNotice(text);
    return;
  }
  if (code === ErrorCode.badName) {
    if (conn.phase === Phase.joining) {
      // The hub refused the name we joined with: ask for another, then connect again.
      conn.stop();
      state.me = '';
      state.preferredName = '';
      setStatus('idle', t('chooseNameFirst'), '');
      openDialog(false, text);
      return;
    }
    if (state.renaming) {
      nameDialog.showError(text);
      return;
    }
  }
  showNotice(text);
}

// ---- the name dialog --------------------------------------------------------------------------
function openDialog(rename, error, passcode = false) {
  nameDialog.open(rename, rename ? state.me : (state.preferredName || ''), error, passcode);
}

function closeDialog() {
  state.renaming = false;
  nameDialog.close();
  el.input.focus();
}

function submitName() {
  const name = el.nameInput.value.trim();
  if (!validName(name)) {
    nameDialog.showError(t('err_bad_name'));
    el.nameInput.focus();
    return;
  }
  nameDialog.showError('');
  if (nameDialog.rename) {
    if (name === state.me) {
      closeDialog();
      return;
    }
    state.renaming = true;
    if (!conn.send(frames.rename(name))) nameDialog.showError(t('connectionLost'));
    return;
  }
  if (!joinGate.takePasscode()) {
    el.passcodeInput.focus();
    return;
  }
  state.preferredName = name;
  store.set('name', name);
  renderPeople();
  // After a refused join the dialog stays until the hub lets us in.
  if (joinGate.retry()) return;
  closeDialog();
  if (conn.phase === Phase.idle) conn.connect();
  else if (conn.phase === Phase.waiting) conn.retryNow();
}

// ---- layout: keep the composer above the on-screen keyboard -----------------------------------
function fitViewport() {
  const vv = window.visualViewport;
  if (!vv) return;
  document.documentElement.style.setProperty('--app-height', `${Math.round(vv.height)}px`);
  el.app.classList.add('fit-visual-viewport');
  if (window.scrollY !== 0) window.scrollTo(0, 0);
  if (view.following) view.scrollToEnd();
}

function autosize() {
  el.input.style.height = 'auto';
  el.input.style.height = `${Math.min(el.input.scrollHeight + 2, 160)}px`;
}

function setSidebar(open) {
  el.app.classList.toggle('sidebar-open', open);
  el.peopleToggle.setAttribute('aria-expanded', String(open));
}

// ---- wiring -----------------------------------------------------------------------------------
function init() {
  apply(document);
  updateTitle();
  el.sound.checked = store.get('sound', '0') === '1';
  el.rename.disabled = true;

  el.composer.addEventListener('submit', (e) => {
    e.preventDefault();
    submitMessage();
  });
  el.input.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && !e.shiftKey && !e.isComposing && e.keyCode !== 229) {
      e.preventDefault();
      submitMessage();
    }
  });
  el.input.addEventListener('input', autosize);

  el.nameForm.addEventListener('submit', (e) => {
    e.preventDefault();
    submitName();
  });
  el.nameCancel.addEventListener('click', closeDialog);
  el.dialog.addEventListener('close', () => {
    // Closed without a name (the browser may let Escape through): offer a way back.
    if (conn.phase === Phase.idle && !state.preferredName) setStatus('idle', t('chooseNameFirst'), 'name');
  });
  el.dialog.addEventListener('cancel', (e) => {
    // Escape: a rename may be cancelled, the first name may not.
    if (!nameDialog.rename) e.preventDefault();
    else state.renaming = false;
  });
  el.rename.addEventListener('click', () => {
    if (conn.joined) openDialog(true, '');
  });
  el.sound.addEventListener('change', () => {
    store.set('sound', el.sound.checked ? '1' : '0');
    if (el.sound.checked) beep(); // a user gesture: unlocks audio and lets people hear it
  });
  el.peopleToggle.addEventListener('click', () => {
    setSidebar(!el.app.classList.contains('sidebar-open'));
  });
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && el.app.classList.contains('sidebar-open') && !el.dialog.open) {
      setSidebar(false);
      el.peopleToggle.focus();
    }
  });
  // On a phone the people panel covers the conversation: a tap beside it closes it.
  el.app.querySelector('.main').addEventListener('click', (e) => {
    if (el.app.classList.contains('sidebar-open') && !el.sidebar.contains(e.target)) setSidebar(false);
  });
  el.jump.addEventListener('click', () => {
    view.toBottom();
    el.input.focus();
  });
  el.retry.addEventListener('click', () => {
    if (el.retry.dataset.action === 'name') openDialog(false, '');
    else conn.retryNow();
  });

  document.addEventListener('visibilitychange', () => {
    if (document.hidden) return;
    state.unread = 0;
    updateTitle();
    otherRooms.poll();
    if (conn.phase === Phase.waiting) conn.retryNow();
    else if (conn.joined) conn.checkAlive(); // the phone may have slept: is it alive?
  });
  window.addEventListener('online', () => {
    if (conn.phase === Phase.waiting) conn.retryNow();
    else if (conn.joined) conn.checkAlive();
  });
  window.addEventListener('offline', () => {
    if (conn.joined) conn.checkAlive();
  });
  window.addEventListener('pagehide', () => {
    // Leave cleanly so the others see "left" at once; pageshow reconnects after bfcache.
    conn.stop();
  });
  window.addEventListener('pageshow', (e) => {
    if (e.persisted && conn.phase === Phase.idle && state.preferredName) conn.connect();
  });
  if (window.visualViewport) {
    window.visualViewport.addEventListener('resize', fitViewport);
    fitViewport();
  }

  // A name handed over by a room link (#name=…) from another LAN Chat room.
  if (!state.preferredName && validName(fragment.name)) {
    state.preferredName = fragment.name;
    store.set('name', fragment.name);
  }

  renderPeople();
  view.setEmptyAllowed(false);
  otherRooms.poll();
  if (state.preferredName) {
    conn.connect();
  } else {
    setStatus('idle', t('chooseNameFirst'), '');
    openDialog(false, '');
  }
}

init();
