// LAN Chat browser page. Speaks docs/PROTOCOL.md (v1) to the hub that served this page.
//
// Rules this file keeps:
// - Everything received is put into the page as text (textContent / text nodes). Links are built
//   with createElement, and only for http: and https: URLs.
// - The connection survives phone life: heartbeat (ping/pong), reconnect with backoff, resume with
//   join.after/instance/token, dedup by seq, and a queue of typed messages matched to the hub's echo
//   by their id so nothing is sent twice.
'use strict';

(() => {
  const { t, lang, apply } = window.LanChatI18n;
  const $ = (id) => document.getElementById(id);

  // ---- settings kept in localStorage --------------------------------------------------------
  const store = {
    get(key, fallback) {
      try {
        const value = localStorage.getItem('lanchat.' + key);
        return value === null ? fallback : value;
      } catch (e) {
        return fallback;
      }
    },
    set(key, value) {
      try {
        localStorage.setItem('lanchat.' + key, String(value));
      } catch (e) {
        // private mode or storage full: the setting just isn't remembered
      }
    },
  };

  function positiveNumber(text, fallback) {
    const n = Number(text);
    return Number.isFinite(n) && n > 0 ? n : fallback;
  }

  // Timings. The debug.* keys exist so tests can make the heartbeat fast; people never set them.
  const heartbeatMs = positiveNumber(store.get('debug.heartbeatMs', ''), 15000);
  const pongTimeoutMs = Math.min(5000, heartbeatMs);
  const backoffMs = [500, 1000, 2000, 4000, 8000, 15000, 30000];
  const connectTimeoutMs = 10000;
  const groupGapMs = 5 * 60 * 1000;
  const roomsPollMs = 10000;
  const noticeMs = 8000;

  // A stable per-browser prefix for message ids: own messages are recognised by it, even in the
  // history after a reload.
  function randomHex(bytes) {
    const a = new Uint8Array(bytes);
    crypto.getRandomValues(a);
    return Array.from(a, (b) => b.toString(16).padStart(2, '0')).join('');
  }
  let clientId = store.get('client', '');
  if (!/^[0-9a-f]{12}$/.test(clientId)) {
    clientId = randomHex(6);
    store.set('client', clientId);
  }
  const sessionId = randomHex(3);
  let idCounter = 0;
  const newMessageId = () => `${clientId}-${sessionId}-${(++idCounter).toString(36)}`;
  const isOwnId = (id) => typeof id === 'string' && id.startsWith(clientId + '-');

  // ---- elements -------------------------------------------------------------------------------
  const el = {
    app: $('app'),
    roomName: $('room-name'),
    status: $('status'),
    statusText: $('status-text'),
    retry: $('retry'),
    peopleToggle: $('people-toggle'),
    peopleCount: $('people-count'),
    sidebar: $('sidebar'),
    peopleHeading: $('people-heading'),
    people: $('people'),
    roomsSection: $('rooms-section'),
    rooms: $('rooms'),
    youName: $('you-name'),
    rename: $('rename'),
    sound: $('sound'),
    scroller: $('scroller'),
    jump: $('jump'),
    empty: $('empty'),
    messages: $('messages'),
    pending: $('pending'),
    announcer: $('announcer'),
    notice: $('notice'),
    composer: $('composer'),
    input: $('input'),
    dialog: $('name-dialog'),
    nameForm: $('name-form'),
    nameTitle: $('name-title'),
    nameIntro: $('name-intro'),
    nameInput: $('name-input'),
    nameError: $('name-error'),
    nameOk: $('name-ok'),
    nameCancel: $('name-cancel'),
  };

  // ---- state ------------------------------------------------------------------------------------
  const state = {
    ws: null,
    phase: 'idle', // idle | connecting | joining | joined | waiting | stopped
    opened: false, // the current socket reached onopen
    attempt: 0, // failed attempts since the last welcome
    everJoined: false,
    preferredName: store.get('name', ''),
    me: '', // our name in the room (welcome.you, then renames)
    room: '',
    instance: '',
    token: '',
    lastSeq: 0,
    seen: new Set(), // seqs shown, for this hub instance
    maxText: 8000,
    users: [],
    pending: [], // {id, text, status: 'queued'|'sent'|'failed', reason, li}
    inflight: [], // pending entries sent on the current socket, not yet echoed, oldest first
    tx: 0, // frames sent on the current socket
    pings: [], // tx numbers of our pings not yet answered, oldest first
    renaming: false,
    hostEnded: false, // the last close was 1001: say so until we are back in
    lostReason: '', // why the last open connection ended: repeated while attempts fail
    unread: 0,
    last: null, // {from, time(ms), day} of the last chat line, for grouping
    lastDay: '',
    lastRx: 0,
  };
  const timers = {
    retry: 0, countdown: 0, heartbeat: 0, pongCheck: 0, connect: 0, notice: 0, rooms: 0, barrier: 0,
  };
  function clearTimer(name) {
    clearTimeout(timers[name]);
    clearInterval(timers[name]);
    timers[name] = 0;
  }

  // ---- small helpers --------------------------------------------------------------------------
  const timeFormat = new Intl.DateTimeFormat(lang, { timeStyle: 'short' });
  const fullFormat = new Intl.DateTimeFormat(lang, { dateStyle: 'full', timeStyle: 'medium' });
  const dayFormat = new Intl.DateTimeFormat(lang, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
  const sameName = (a, b) => typeof a === 'string' && typeof b === 'string' && a.toLowerCase() === b.toLowerCase();

  function parseTime(value) {
    const d = typeof value === 'string' ? new Date(value) : new Date(NaN);
    return Number.isNaN(d.getTime()) ? new Date() : d;
  }

  function make(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function timeElement(date) {
    const node = make('time', 'time', timeFormat.format(date));
    node.dateTime = date.toISOString();
    node.title = fullFormat.format(date);
    return node;
  }

  // Trailing characters that usually end a sentence rather than a URL.
  const urlPattern = /\bhttps?:\/\/[^\s<>"]+/gi;
  function trimUrl(url) {
    for (;;) {
      const last = url.slice(-1);
      if (/[.,;:!?'’”»*]/.test(last)) {
        url = url.slice(0, -1);
      } else if ((last === ')' && count(url, '(') < count(url, ')'))
                 || (last === ']' && count(url, '[') < count(url, ']'))) {
        url = url.slice(0, -1);
      } else {
        return url;
      }
    }
  }
  function count(text, ch) {
    return text.split(ch).length - 1;
  }

  // Appends text to parent, with http(s) URLs as safe links. Never parses markup.
  function appendRichText(parent, text) {
    let from = 0;
    for (const match of text.matchAll(urlPattern)) {
      const candidate = trimUrl(match[0]);
      let url = null;
      try {
        url = new URL(candidate);
      } catch (e) {
        url = null;
      }
      if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) continue;
      if (match.index > from) parent.append(document.createTextNode(text.slice(from, match.index)));
      const a = make('a', 'link', candidate);
      a.href = url.href;
      a.rel = 'noopener noreferrer';
      a.target = '_blank';
      parent.append(a);
      from = match.index + candidate.length;
    }
    if (from < text.length) parent.append(document.createTextNode(text.slice(from)));
  }

  // ---- scrolling, title, sound, announcements ------------------------------------------------
  function nearBottom() {
    const s = el.scroller;
    return s.scrollHeight - s.scrollTop - s.clientHeight < 120;
  }
  function scrollToBottom() {
    el.scroller.scrollTop = el.scroller.scrollHeight;
    el.jump.hidden = true;
  }

  function updateTitle() {
    const base = state.room ? `${state.room} – ${t('appName')}` : t('appName');
    document.title = state.unread > 0 ? `(${state.unread}) ${base}` : base;
  }

  let audio = null;
  function beep() {
    if (!el.sound.checked) return;
    try {
      const Ctx = window.AudioContext || window.webkitAudioContext;
      if (!Ctx) return;
      if (!audio) audio = new Ctx();
      if (audio.state === 'suspended') audio.resume();
      const now = audio.currentTime;
      const osc = audio.createOscillator();
      const gain = audio.createGain();
      osc.type = 'sine';
      osc.frequency.setValueAtTime(880, now);
      osc.frequency.setValueAtTime(1320, now + 0.07);
      gain.gain.setValueAtTime(0.0001, now);
      gain.gain.exponentialRampToValueAtTime(0.12, now + 0.01);
      gain.gain.exponentialRampToValueAtTime(0.0001, now + 0.16);
      osc.connect(gain).connect(audio.destination);
      osc.start(now);
      osc.stop(now + 0.17);
    } catch (e) {
      // no audio: silently skip
    }
  }

  function announce(text) {
    const line = make('p', '', text);
    el.announcer.append(line);
    while (el.announcer.childElementCount > 3) el.announcer.firstElementChild.remove();
  }

  function showNotice(text) {
    el.notice.textContent = text;
    el.notice.hidden = false;
    clearTimer('notice');
    timers.notice = setTimeout(() => {
      el.notice.hidden = true;
    }, noticeMs);
  }

  // ---- rendering messages ------------------------------------------------------------------
  function updateEmpty() {
    el.empty.hidden = state.phase !== 'joined' || el.messages.querySelector('.msg') !== null
      || el.pending.childElementCount > 0;
  }

  function addDayIfNeeded(date) {
    const day = date.toDateString();
    if (day === state.lastDay) return;
    state.lastDay = day;
    const li = make('li', 'day');
    li.append(make('span', '', dayFormat.format(date)));
    el.messages.append(li);
    state.last = null;
  }

  function addSystemLine(text, timeValue) {
    const stick = nearBottom();
    const date = timeValue ? parseTime(timeValue) : new Date();
    addDayIfNeeded(date);
    const li = make('li', 'system');
    li.append(make('span', 'system-text', text), document.createTextNode(' '), timeElement(date));
    el.messages.append(li);
    state.last = null;
    updateEmpty();
    if (stick) scrollToBottom();
  }

  function buildChatItem(from, text, date, own, continued) {
    const li = make('li', 'msg' + (own ? ' own' : '') + (continued ? ' continued' : ''));
    const meta = make('div', continued ? 'meta visually-hidden' : 'meta');
    meta.append(make('span', 'from', own ? t('you') : from), document.createTextNode(' '), timeElement(date));
    const bubble = make('div', 'bubble');
    const body = make('p', 'text');
    appendRichText(body, text);
    bubble.append(body);
    li.append(meta, bubble);
    return li;
  }

  // Shows one chat message from the hub (live or history). Returns false for a duplicate.
  function showChat(m, live) {
    if (typeof m.seq === 'number') {
      if (state.seen.has(m.seq)) return false;
      state.seen.add(m.seq);
      if (m.seq > state.lastSeq) state.lastSeq = m.seq;
    }
    const from = typeof m.from === 'string' ? m.from : '?';
    const text = typeof m.text === 'string' ? m.text : '';
    const own = isOwnId(m.id);
    if (own) {
      const p = state.pending.find((x) => x.id === m.id);
      if (live && p && p.status === 'sent') refuseSentBefore(p.tx);
      settlePending(m.id);
    }

    const stick = nearBottom() || own;
    const date = parseTime(m.time);
    addDayIfNeeded(date);
    const continued = state.last !== null && state.last.from === from
      && date.getTime() - state.last.time < groupGapMs;
    const li = buildChatItem(from, text, date, own, continued);
    if (typeof m.seq === 'number') li.dataset.seq = String(m.seq);
    li.dataset.from = from;
    el.messages.append(li);
    state.last = { from, time: date.getTime() };
    updateEmpty();
    if (stick) scrollToBottom();
    else if (live) el.jump.hidden = false; // scrolled back to read: don't pull them down

    if (live && !own) {
      announce(t('fromLabel', { name: from }) + ' ' + text);
      if (document.hidden) {
        state.unread += 1;
        updateTitle();
      }
      if (document.hidden || !document.hasFocus()) beep();
    }
    return true;
  }

  // ---- pending (typed but not yet confirmed) messages ----------------------------------------
  function renderPending(p) {
    const li = p.li || make('li', 'msg own pending-msg');
    li.replaceChildren();
    li.classList.toggle('failed', p.status === 'failed');
    const meta = make('div', 'meta');
    let label;
    if (p.status === 'failed') label = t('notSent', { reason: p.reason });
    else if (p.status === 'sent') label = t('sending');
    else label = t('waiting');
    meta.append(make('span', 'pending-state', label));
    const bubble = make('div', 'bubble');
    const body = make('p', 'text');
    appendRichText(body, p.text);
    bubble.append(body);
    li.append(meta, bubble);
    if (p.status === 'failed') {
      const actions = make('div', 'pending-actions');
      const again = make('button', 'link-button', t('sendAgain'));
      again.type = 'button';
      again.addEventListener('click', () => {
        p.status = 'queued';
        renderPending(p);
        flushPending();
      });
      const discard = make('button', 'link-button', t('discard'));
      discard.type = 'button';
      discard.addEventListener('click', () => dropPending(p));
      actions.append(again, discard);
      li.append(actions);
    }
    if (!p.li) {
      p.li = li;
      el.pending.append(li);
    }
  }

  function dropPending(p) {
    state.pending = state.pending.filter((x) => x !== p);
    state.inflight = state.inflight.filter((x) => x !== p);
    if (p.li) p.li.remove();
    updateEmpty();
  }

  function settlePending(id) {
    const p = state.pending.find((x) => x.id === id);
    if (p) dropPending(p);
  }

  function sendPending(p) {
    if (!send({ type: 'chat', text: p.text, id: p.id })) return;
    p.status = 'sent';
    p.tx = state.tx;
    state.inflight.push(p);
    renderPending(p);
  }

  function markRefused(p, reason) {
    state.inflight = state.inflight.filter((x) => x !== p);
    p.status = 'failed';
    p.reason = reason;
    renderPending(p);
  }

  // The hub answers our frames in order, and names every refused chat in an error. So when the
  // answer to frame N arrives (an echo or a pong), a chat sent before N that is still in flight
  // was refused without us hearing of it; a safety net, not the normal path.
  function refuseSentBefore(tx) {
    for (const p of [...state.inflight]) {
      if (p.tx < tx) markRefused(p, t('reason_rate_limited'));
    }
  }

  function sendPing() {
    if (!send({ type: 'ping' })) return false;
    state.pings.push(state.tx);
    return true;
  }

  function flushPending() {
    if (state.phase !== 'joined') return;
    for (const p of state.pending) {
      if (p.status === 'queued') sendPending(p);
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
    const p = { id: newMessageId(), text, status: 'queued', reason: '', li: null };
    state.pending.push(p);
    renderPending(p);
    updateEmpty();
    scrollToBottom();
    flushPending();
    el.input.focus();
  }

  // ---- people -----------------------------------------------------------------------------------
  function renderPeople() {
    const n = state.users.length;
    el.peopleCount.textContent = String(n);
    el.peopleToggle.setAttribute('aria-label', t('peopleButton', { n }));
    el.peopleHeading.textContent = t('people', { n });
    const sorted = [...state.users].sort((a, b) => a.localeCompare(b, lang, { sensitivity: 'base' }));
    el.people.replaceChildren(...sorted.map((name) => {
      const li = make('li', 'person');
      li.append(make('span', 'person-name', name));
      if (sameName(name, state.me)) {
        li.classList.add('me');
        li.append(document.createTextNode(' '), make('span', 'person-you', t('youSuffix')));
      }
      return li;
    }));
    el.youName.textContent = state.me || state.preferredName;
  }

  function addUser(name) {
    if (!state.users.some((u) => sameName(u, name))) state.users.push(name);
  }
  function removeUser(name) {
    state.users = state.users.filter((u) => !sameName(u, name));
  }

  // ---- the connection ---------------------------------------------------------------------------
  function send(obj) {
    const ws = state.ws;
    if (!ws || ws.readyState !== WebSocket.OPEN) return false;
    try {
      ws.send(JSON.stringify(obj));
      state.tx += 1;
      return true;
    } catch (e) {
      return false;
    }
  }

  // action: '' (none), 'retry' (a "Retry now" button) or 'name' (a "Choose a name" button).
  function setStatus(kind, text, action) {
    el.status.dataset.state = kind;
    el.statusText.textContent = text;
    el.retry.hidden = !action;
    el.retry.dataset.action = action || '';
    if (action) el.retry.textContent = action === 'name' ? t('chooseName') : t('retryNow');
  }

  function wsUrl() {
    return (location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/ws';
  }

  function connect() {
    clearTimer('retry');
    clearTimer('countdown');
    if (state.ws) abandon();
    state.phase = 'connecting';
    state.opened = false;
    setStatus('connecting', state.everJoined ? t('reconnecting') : t('connecting'), '');
    let ws;
    try {
      ws = new WebSocket(wsUrl());
    } catch (e) {
      socketGone(1006);
      return;
    }
    state.ws = ws;
    state.tx = 0;
    state.pings = [];
    ws.onopen = () => {
      if (ws !== state.ws) return;
      state.opened = true;
      state.phase = 'joining';
      state.lastRx = Date.now();
      const join = { type: 'join', name: state.me || state.preferredName };
      if (state.instance) {
        join.after = state.lastSeq;
        join.instance = state.instance;
        join.token = state.token;
      }
      send(join);
    };
    ws.onmessage = (event) => {
      if (ws !== state.ws) return;
      state.lastRx = Date.now();
      onFrame(event.data);
    };
    ws.onclose = (event) => {
      if (ws !== state.ws) return;
      socketGone(event.code);
    };
    ws.onerror = () => {
      // a close event follows
    };
    // Neither a welcome nor a failure within the time: treat the socket as dead.
    timers.connect = setTimeout(() => {
      if (ws === state.ws && state.phase !== 'joined') {
        abandon();
        socketGone(1006);
      }
    }, connectTimeoutMs);
  }

  function closeQuietly(ws) {
    try {
      ws.close(1000);
    } catch (e) {
      // already closed
    }
  }

  // Sockets given up as dead but not closed: closing one would tell the hub we left if it is in
  // fact half alive. Our next join (with the token) replaces it at the hub without a left/joined
  // pair; only then, or after a while, is it closed.
  const zombies = new Set();
  function closeZombies() {
    for (const ws of zombies) closeQuietly(ws);
    zombies.clear();
  }

  // Forgets the current socket without waiting for its close handshake. keepOpen: it looked dead
  // but may be half alive (see zombies).
  function abandon(keepOpen) {
    const ws = state.ws;
    state.ws = null;
    clearTimer('heartbeat');
    clearTimer('pongCheck');
    clearTimer('connect');
    clearTimer('barrier');
    if (!ws) return;
    ws.onopen = ws.onmessage = ws.onclose = ws.onerror = null;
    if (keepOpen && state.token) {
      zombies.add(ws);
      setTimeout(() => {
        if (zombies.delete(ws)) closeQuietly(ws);
      }, 30000);
    } else {
      closeQuietly(ws);
    }
  }

  function closeReason(code) {
    if (navigator.onLine === false && code !== 1001) return t('offline');
    // Attempts that fail after we were in keep saying what went wrong then; "full or
    // unreachable" is for a room we never got into.
    if (!state.opened) return state.lostReason || t('unreachable');
    if (code === 1001) state.hostEnded = true;
    switch (code) {
    case 1001: state.lostReason = t('hostEnded'); break;
    case 1003: state.lostReason = t('closedUnsupported'); break;
    case 1008: state.lostReason = t('closedTooFast'); break;
    case 1009: state.lostReason = t('closedTooBig'); break;
    case 4000: state.lostReason = t('closedReplaced'); break;
    default: state.lostReason = t('connectionLost'); break;
    }
    return state.lostReason;
  }

  function socketGone(code) {
    abandon(); // keeps state.opened: it tells "lost" from "unreachable"
    // What was sent but not echoed goes back to the queue; the welcome after the resume tells
    // which of them did arrive (by id), the rest is sent again. Not after the hub cut us off for
    // flooding (1008) or a huge message (1009): sending them again would only repeat that, so
    // they wait for the person to send them again.
    const reason = closeReason(code);
    const refused = code === 1008 || code === 1009;
    for (const p of state.inflight) {
      if (p.status === 'sent') {
        p.status = refused ? 'failed' : 'queued';
        p.reason = code === 1008 ? t('reason_rate_limited') : t('reason_too_long');
        renderPending(p);
      }
    }
    state.inflight = [];
    if (code === 4000) {
      state.phase = 'stopped';
      setStatus('ended', reason, 'retry');
      return;
    }
    state.phase = 'waiting';
    let delay = backoffMs[Math.min(state.attempt, backoffMs.length - 1)];
    if (code === 1001) delay = Math.max(delay, 2000);
    // Cut off for flooding or for not reading (1008): give the hub's rate limit time to refill
    // instead of coming straight back.
    if (code === 1008) delay = Math.max(delay, 5000);
    delay = Math.round(delay * (0.8 + Math.random() * 0.4));
    state.attempt += 1;
    const until = Date.now() + delay;
    const kind = state.hostEnded ? 'ended' : 'waiting';
    const tick = () => {
      const left = Math.max(1, Math.ceil((until - Date.now()) / 1000));
      setStatus(kind, `${reason} ${t('retryIn', { n: left })}`, 'retry');
    };
    tick();
    timers.countdown = setInterval(tick, 1000);
    timers.retry = setTimeout(connect, delay);
  }

  function startHeartbeat() {
    clearTimer('heartbeat');
    timers.heartbeat = setInterval(checkAlive, heartbeatMs);
  }

  // Sends a ping; if nothing at all arrives within pongTimeoutMs, the socket is taken as dead.
  function checkAlive() {
    if (state.phase !== 'joined' || timers.pongCheck) return;
    const sentAt = Date.now();
    if (!sendPing()) return;
    const ws = state.ws;
    timers.pongCheck = setTimeout(() => {
      timers.pongCheck = 0;
      if (ws === state.ws && state.lastRx < sentAt) {
        abandon(true);
        socketGone(1006);
      }
    }, pongTimeoutMs);
  }

  function retryNow() {
    if (state.phase === 'waiting' || state.phase === 'stopped') {
      state.attempt = 0;
      connect();
    }
  }

  // ---- frames from the hub ----------------------------------------------------------------------
  function onFrame(data) {
    if (typeof data !== 'string') return;
    let m;
    try {
      m = JSON.parse(data);
    } catch (e) {
      return;
    }
    if (!m || typeof m !== 'object' || typeof m.type !== 'string') return;
    switch (m.type) {
    case 'welcome': onWelcome(m); break;
    case 'chat': showChat(m, true); break;
    case 'joined':
      if (typeof m.name !== 'string') break;
      addUser(m.name);
      renderPeople();
      if (!sameName(m.name, state.me)) addSystemLine(t('joined', { name: m.name }), m.time);
      break;
    case 'left': onLeft(m); break;
    case 'renamed': onRenamed(m); break;
    case 'room': // the host renamed the room
      if (typeof m.room !== 'string' || !m.room) break;
      state.room = m.room;
      el.roomName.textContent = state.room;
      updateTitle();
      break;
    case 'error': onError(m); break;
    case 'pong': {
      const tx = state.pings.shift();
      if (tx !== undefined) refuseSentBefore(tx);
      break;
    }
    default: break; // a type from a newer hub: ignore
    }
  }

  function onWelcome(m) {
    clearTimer('connect');
    closeZombies();
    const restarted = state.instance !== '' && m.instance !== state.instance;
    const resumed = state.instance !== '' && !restarted;
    if (restarted) {
      // seq started again at 0: what is shown cannot be matched any more, start afresh.
      el.messages.replaceChildren();
      state.seen.clear();
      state.lastSeq = 0;
      state.last = null;
      state.lastDay = '';
      addSystemLine(t('roomRestarted'));
    }
    state.instance = typeof m.instance === 'string' ? m.instance : '';
    state.token = typeof m.token === 'string' ? m.token : '';
    state.me = typeof m.you === 'string' ? m.you : state.preferredName;
    state.room = typeof m.room === 'string' ? m.room : '';
    state.users = Array.isArray(m.users) ? m.users.filter((u) => typeof u === 'string') : [];
    if (typeof m.maxText === 'number' && m.maxText > 0) state.maxText = m.maxText;
    state.phase = 'joined';
    state.attempt = 0;
    state.hostEnded = false;
    state.lostReason = '';

    el.roomName.textContent = state.room || t('appName');
    updateTitle();
    renderPeople();
    el.rename.disabled = false;

    if (resumed && m.truncated) addSystemLine(t('historyTruncated'));
    const history = Array.isArray(m.history) ? m.history : [];
    for (const h of history) {
      if (h && typeof h === 'object') showChat(h, false);
    }
    if (!state.everJoined) addSystemLine(t('joinedYou', { room: state.room, name: state.me }));
    state.everJoined = true;
    setStatus('connected', t('connected'), '');
    updateEmpty();
    scrollToBottom();
    startHeartbeat();
    flushPending();
  }

  function onLeft(m) {
    if (typeof m.name !== 'string') return;
    removeUser(m.name);
    renderPeople();
    const keys = { quit: 'left', lost: 'leftLost', timeout: 'leftTimeout', shutdown: 'leftShutdown' };
    const key = keys[m.reason] || 'leftDropped';
    if (m.reason !== 'replaced') addSystemLine(t(key, { name: m.name }), m.time);
  }

  function onRenamed(m) {
    if (typeof m.from !== 'string' || typeof m.to !== 'string') return;
    state.users = state.users.map((u) => (sameName(u, m.from) ? m.to : u));
    if (sameName(m.from, state.me)) {
      state.me = m.to;
      if (state.renaming) {
        state.renaming = false;
        state.preferredName = m.to;
        store.set('name', m.to);
        closeDialog();
      }
      addSystemLine(t('renamedYou', { to: m.to }), m.time);
    } else {
      addSystemLine(t('renamed', { from: m.from, to: m.to }), m.time);
    }
    renderPeople();
  }

  function onError(m) {
    const code = typeof m.code === 'string' ? m.code : '';
    const known = ['bad_message', 'unknown_type', 'bad_name', 'already_joined', 'not_joined',
                   'empty', 'too_long', 'rate_limited'];
    const text = known.includes(code)
      ? t('err_' + code, { max: state.maxText })
      : t('err_other', { text: typeof m.text === 'string' ? m.text : code });
    if (code === 'empty' || code === 'too_long' || code === 'rate_limited') {
      // The hub names the refused message by its id; an error without one is about another
      // frame (a ping, a rename) and refuses no message.
      const named = typeof m.id === 'string' ? state.inflight.find((x) => x.id === m.id) : null;
      if (named) markRefused(named, t('reason_' + code));
      if (code === 'rate_limited' && !timers.barrier) {
        // Later messages may be dropped without an error: a ping once the limit has recovered
        // tells which (see refuseSentBefore).
        timers.barrier = setTimeout(() => {
          timers.barrier = 0;
          if (state.inflight.length > 0) sendPing();
        }, 1500);
      }
      showNotice(text);
      return;
    }
    if (code === 'bad_name') {
      if (state.phase === 'joining') {
        // The hub refused the name we joined with: ask for another, then connect again.
        abandon();
        state.phase = 'idle';
        state.me = '';
        state.preferredName = '';
        setStatus('idle', t('chooseNameFirst'), '');
        openDialog(false, text);
        return;
      }
      if (state.renaming) {
        showNameError(text);
        return;
      }
    }
    showNotice(text);
  }

  // ---- the name dialog --------------------------------------------------------------------------
  function validName(name) {
    return name.length >= 1 && name.length <= 32 && !/[\u0000-\u001f\u007f-\u009f]/.test(name);
  }

  function showNameError(text) {
    el.nameError.textContent = text;
    el.nameError.hidden = !text;
  }

  let dialogRename = false;
  function openDialog(rename, error) {
    dialogRename = rename;
    el.nameTitle.textContent = rename ? t('renameTitle') : t('chooseName');
    el.nameIntro.hidden = rename;
    el.nameOk.textContent = rename ? t('save') : t('join');
    el.nameCancel.hidden = !rename;
    el.nameInput.value = rename ? state.me : (state.preferredName || '');
    showNameError(error || '');
    if (!el.dialog.open) {
      if (typeof el.dialog.showModal === 'function') el.dialog.showModal();
      else el.dialog.setAttribute('open', '');
    }
    el.nameInput.focus();
    el.nameInput.select();
  }

  function closeDialog() {
    state.renaming = false;
    if (el.dialog.open) {
      if (typeof el.dialog.close === 'function') el.dialog.close();
      else el.dialog.removeAttribute('open');
    }
    el.input.focus();
  }

  function submitName() {
    const name = el.nameInput.value.trim();
    if (!validName(name)) {
      showNameError(t('err_bad_name'));
      el.nameInput.focus();
      return;
    }
    showNameError('');
    if (dialogRename) {
      if (name === state.me) {
        closeDialog();
        return;
      }
      state.renaming = true;
      if (!send({ type: 'rename', name })) showNameError(t('connectionLost'));
      return;
    }
    state.preferredName = name;
    store.set('name', name);
    closeDialog();
    renderPeople();
    if (state.phase === 'idle') connect();
  }

  // ---- other rooms (GET /rooms.json) ---------------------------------------------------------
  // An absolute http(s) URL, or null.
  function safeHttpUrl(text) {
    if (typeof text !== 'string') return null;
    try {
      const url = new URL(text);
      return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
    } catch (e) {
      return null;
    }
  }

  function renderRooms(list) {
    const items = [];
    for (const r of Array.isArray(list) ? list : []) {
      if (!r || typeof r !== 'object' || typeof r.room !== 'string') continue;
      const url = safeHttpUrl(r.url);
      if (!url) continue;
      const name = state.me || state.preferredName;
      if (name) url.hash = 'name=' + encodeURIComponent(name);
      const li = make('li', 'room-item');
      const a = make('a', 'room-link');
      a.href = url.href;
      a.rel = 'noopener noreferrer';
      a.textContent = typeof r.host === 'string' && r.host
        ? t('roomLink', { room: r.room, host: r.host }) : r.room;
      li.append(a);
      if (typeof r.people === 'number' && r.people >= 0) {
        li.append(document.createTextNode(' '), make('span', 'room-people', t('roomPeople', { n: r.people })));
      }
      items.push(li);
    }
    el.rooms.replaceChildren(...items);
    el.roomsSection.hidden = items.length === 0;
  }

  async function pollRooms() {
    clearTimer('rooms');
    if (!document.hidden) {
      try {
        const response = await fetch('/rooms.json', { cache: 'no-store' });
        if (response.ok) renderRooms(await response.json());
      } catch (e) {
        // offline or an older hub: keep what is shown
      }
    }
    timers.rooms = setTimeout(pollRooms, roomsPollMs);
  }

  // ---- layout: keep the composer above the on-screen keyboard -----------------------------------
  function fitViewport() {
    const vv = window.visualViewport;
    if (!vv) return;
    const stick = nearBottom();
    document.documentElement.style.setProperty('--app-height', `${Math.round(vv.height)}px`);
    el.app.classList.add('fit-visual-viewport');
    if (window.scrollY !== 0) window.scrollTo(0, 0);
    if (stick) scrollToBottom();
  }

  function autosize() {
    el.input.style.height = 'auto';
    el.input.style.height = `${Math.min(el.input.scrollHeight + 2, 160)}px`;
  }

  // ---- wiring -----------------------------------------------------------------------------------
  function setSidebar(open) {
    el.app.classList.toggle('sidebar-open', open);
    el.peopleToggle.setAttribute('aria-expanded', String(open));
  }

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
      if (state.phase === 'idle' && !state.preferredName) setStatus('idle', t('chooseNameFirst'), 'name');
    });
    el.dialog.addEventListener('cancel', (e) => {
      // Escape: a rename may be cancelled, the first name may not.
      if (!dialogRename) e.preventDefault();
      else state.renaming = false;
    });
    el.rename.addEventListener('click', () => {
      if (state.phase === 'joined') openDialog(true, '');
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
      scrollToBottom();
      el.input.focus();
    });
    el.scroller.addEventListener('scroll', () => {
      if (!el.jump.hidden && nearBottom()) el.jump.hidden = true;
    }, { passive: true });
    el.retry.addEventListener('click', () => {
      if (el.retry.dataset.action === 'name') openDialog(false, '');
      else retryNow();
    });

    document.addEventListener('visibilitychange', () => {
      if (document.hidden) return;
      state.unread = 0;
      updateTitle();
      pollRooms();
      if (state.phase === 'waiting') retryNow();
      else if (state.phase === 'joined') checkAlive(); // the phone may have slept: is it alive?
    });
    window.addEventListener('online', () => {
      if (state.phase === 'waiting') retryNow();
      else if (state.phase === 'joined') checkAlive();
    });
    window.addEventListener('offline', () => {
      if (state.phase === 'joined') checkAlive();
    });
    window.addEventListener('pagehide', () => {
      // Leave cleanly so the others see "left" at once; pageshow reconnects after bfcache.
      closeZombies();
      if (state.ws) {
        abandon(false);
        state.phase = 'idle';
      }
    });
    window.addEventListener('pageshow', (e) => {
      if (e.persisted && state.phase === 'idle' && state.preferredName) connect();
    });
    if (window.visualViewport) {
      window.visualViewport.addEventListener('resize', fitViewport);
      fitViewport();
    }

    // A name handed over by a room link (#name=…) from another LAN Chat room.
    const hashName = /^#name=(.*)$/.exec(location.hash);
    if (hashName) {
      let name = '';
      try {
        name = decodeURIComponent(hashName[1]).trim();
      } catch (e) {
        name = '';
      }
      if (!state.preferredName && validName(name)) {
        state.preferredName = name;
        store.set('name', name);
      }
      history.replaceState(null, '', location.pathname + location.search);
    }

    renderPeople();
    updateEmpty();
    pollRooms();
    if (state.preferredName) {
      connect();
    } else {
      setStatus('idle', t('chooseNameFirst'), '');
      openDialog(false, '');
    }
  }

  init();
})();
