// What the hub tells about rooms over HTTP: this room before joining (GET /room.json) and the
// other rooms it heard on the LAN (GET /rooms.json), drawn as links that hand the name over.

import { make, safeHttpUrl } from './richtext.js';

// This room's {room, people, passcode}, or null (an older hub, or offline). A room with a
// passcode tells no people count.
export async function fetchRoomInfo() {
  try {
    const response = await fetch('/room.json', { cache: 'no-store' });
    if (!response.ok) return null;
    const info = await response.json();
    if (!info || typeof info.room !== 'string') return null;
    if (typeof info.people !== 'number' && info.passcode !== true) return null;
    return { room: info.room, people: info.people, passcode: info.passcode === true };
  } catch (e) {
    return null;
  }
}

export class OtherRooms {
  // el: {section, list}. deps: t, tNodes, name() → the name to hand over. pollMs.
  constructor(el, deps, pollMs = 10000) {
    this.el = el;
    this.deps = deps;
    this.pollMs = pollMs;
    this.timer = 0;
  }

  render(list) {
    const { t, tNodes } = this.deps;
    const items = [];
    for (const r of Array.isArray(list) ? list : []) {
      if (!r || typeof r !== 'object' || typeof r.room !== 'string') continue;
      const url = safeHttpUrl(r.url);
      if (!url) continue;
      const name = this.deps.name();
      if (name) url.hash = 'name=' + encodeURIComponent(name);
      const li = make('li', 'room-item');
      const a = make('a', 'room-link');
      a.href = url.href;
      a.rel = 'noopener noreferrer';
      a.append(typeof r.host === 'string' && r.host
        ? tNodes('roomLink', { room: r.room, host: r.host }) : tNodes('{room}', { room: r.room }));
      li.append(a);
      if (r.passcode === true) {
        const lock = make('span', 'room-lock', '\u{1F512}');
        lock.setAttribute('role', 'img');
        lock.setAttribute('aria-label', t('passcodeLock'));
        lock.title = t('passcodeLock');
        li.append(' ', lock);
      }
      if (typeof r.people === 'number' && r.people >= 0) {
        li.append(' ', make('span', 'room-people', t('roomPeople', { n: r.people })));
      }
      items.push(li);
    }
    this.el.list.replaceChildren(...items);
    this.el.section.hidden = items.length === 0;
  }

  async poll() {
    clearTimeout(this.timer);
    if (!document.hidden) {
      try {
        const response = await fetch('/rooms.json', { cache: 'no-store' });
        if (response.ok) this.render(await response.json());
      } catch (e) {
        // offline or an older hub: keep what is shown
      }
    }
    this.timer = setTimeout(() => this.poll(), this.pollMs);
  }
}
