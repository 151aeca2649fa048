// Who gets in and who stays, as the page sees it (docs/PROTOCOL.md, "Access: passcode, host
// rights, moderation" and "Private messages"): the protocol's words for it, the secrets a link
// hands over in its fragment, what a refused join means, and the system line of a moderation
// act. No DOM.

export const AccessType = Object.freeze({
  kick: 'kick',
  ban: 'ban',
  unban: 'unban',
  lock: 'lock',
  passcode: 'passcode',
  moderation: 'moderation',
  access: 'access',
});

export const AccessError = Object.freeze({
  passcodeRequired: 'passcode_required',
  wrongPasscode: 'wrong_passcode',
  tooManyTries: 'too_many_tries',
  locked: 'locked',
  wrongHostToken: 'wrong_host_token',
  notHost: 'not_host',
  notAllowed: 'not_allowed',
  noSuchPerson: 'no_such_person',
});

// Errors that refuse a `join`: the connection stays open for another try.
export const joinRefusals = Object.freeze([AccessError.passcodeRequired, AccessError.wrongPasscode,
  AccessError.tooManyTries, AccessError.locked]);

export const AccessLeave = Object.freeze({ kicked: 'kicked', banned: 'banned' });

// Close codes that end this page's time in the room: no automatic reconnect.
export const AccessClose = Object.freeze({ kicked: 4001, banned: 4002 });
export const isFinalClose = (code) => code === AccessClose.kicked || code === AccessClose.banned;

export const ModerationAction = Object.freeze({
  kick: 'kick',
  ban: 'ban',
  unban: 'unban',
  lock: 'lock',
  unlock: 'unlock',
  passcodeSet: 'passcode_set',
  passcodeRemoved: 'passcode_removed',
});

export const accessFrames = Object.freeze({
  kick: (name) => ({ type: AccessType.kick, name }),
  ban: (name) => ({ type: AccessType.ban, name }),
  unban: (address) => ({ type: AccessType.unban, address }),
  lock: (locked) => ({ type: AccessType.lock, locked }),
  passcode: (passcode) => ({ type: AccessType.passcode, passcode }),
});

// The fields a `join` carries besides the name: only those that are set.
export function joinFields({ passcode = '', hostToken = '' } = {}) {
  const fields = {};
  if (passcode) fields.passcode = passcode;
  if (hostToken) fields.hostToken = hostToken;
  return fields;
}

function decode(text) {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch (e) {
    return null;
  }
}

// A link's fragment (`#code=tulip-42`, `#host=…`, `#name=…`, joined by `&`): what it hands
// over, and whether it held anything of ours (then the address bar drops it).
export function readFragment(hash) {
  const found = { name: '', code: '', host: '', any: false };
  const text = typeof hash === 'string' ? hash.replace(/^#/, '') : '';
  for (const part of text.split('&')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    const key = part.slice(0, eq);
    if (key !== 'name' && key !== 'code' && key !== 'host') continue;
    found.any = true;
    const value = decode(part.slice(eq + 1));
    if (value === null) continue;
    if (key === 'name') found.name = value.trim();
    else if (key === 'code') found.code = value;
    else if (/^[0-9a-fA-F]{16,64}$/.test(value)) found.host = value.toLowerCase();
  }
  return found;
}

// Secrets of this tab, kept for reconnects and reloads in sessionStorage (never sent anywhere
// but in the `join`): the passcode, the host token, and the person key (`welcome.token`) by
// which the hub knows which private messages are ours to read again.
export class Secrets {
  constructor(storage) {
    this.storage = storage;
  }

  get(key) {
    try {
      return this.storage.getItem('lanchat.' + key) || '';
    } catch (e) {
      return '';
    }
  }

  set(key, value) {
    try {
      if (value) this.storage.setItem('lanchat.' + key, value);
      else this.storage.removeItem('lanchat.' + key);
    } catch (e) {
      // storage off: the secret lasts as long as the page
    }
  }

  get passcode() {
    return this.get('passcode');
  }

  set passcode(value) {
    this.set('passcode', value);
  }

  get hostToken() {
    return this.get('hostToken');
  }

  set hostToken(value) {
    this.set('hostToken', value);
  }

  get token() {
    return this.get('token');
  }

  set token(value) {
    this.set('token', /^[0-9a-fA-F]{16,64}$/.test(value || '') ? value : '');
  }
}

// The i18n key of what a refused join asks of the person, by error code.
export function refusalKey(code) {
  switch (code) {
  case AccessError.passcodeRequired: return 'passcodeNeeded';
  case AccessError.wrongPasscode: return 'err_wrong_passcode';
  case AccessError.tooManyTries: return 'err_too_many_tries';
  case AccessError.locked: return 'err_locked';
  default: return '';
  }
}

// The system line of a `moderation` message: {key, params}, or null when it is not one.
export function moderationLine(m) {
  if (!m || typeof m !== 'object' || typeof m.action !== 'string') return null;
  const by = typeof m.by === 'string' && m.by ? m.by : 'host';
  const name = typeof m.name === 'string' ? m.name : '';
  const keys = {
    [ModerationAction.kick]: 'mod_kick',
    [ModerationAction.ban]: 'mod_ban',
    [ModerationAction.unban]: 'mod_unban',
    [ModerationAction.lock]: 'mod_lock',
    [ModerationAction.unlock]: 'mod_unlock',
    [ModerationAction.passcodeSet]: 'mod_passcode_set',
    [ModerationAction.passcodeRemoved]: 'mod_passcode_removed',
  };
  const key = keys[m.action];
  if (!key) return null;
  if ((m.action === ModerationAction.kick || m.action === ModerationAction.ban) && !name) return null;
  return { key, params: name ? { by, name } : { by } };
}

// An `access` message, checked: {passcode, locked, blocked: [{address, name, ban, until}]}.
export function accessState(m) {
  const blocked = [];
  for (const b of Array.isArray(m && m.blocked) ? m.blocked : []) {
    if (!b || typeof b !== 'object' || typeof b.address !== 'string') continue;
    blocked.push({
      address: b.address,
      name: typeof b.name === 'string' ? b.name : '',
      ban: b.ban === true,
      until: typeof b.until === 'string' ? b.until : '',
    });
  }
  return {
    passcode: m && typeof m.passcode === 'string' ? m.passcode : '',
    locked: m && m.locked === true,
    blocked,
  };
}
