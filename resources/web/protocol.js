// The words of docs/PROTOCOL.md the page speaks, each named once. The other modules use these
// names, never the strings themselves.

export const PROTOCOL_VERSION = 1;

// The `type` of a frame, both directions.
export const MessageType = Object.freeze({
  join: 'join',
  chat: 'chat',
  rename: 'rename',
  ping: 'ping',
  pong: 'pong',
  history: 'history',
  search: 'search',
  welcome: 'welcome',
  joined: 'joined',
  left: 'left',
  renamed: 'renamed',
  error: 'error',
  room: 'room',
  upload: 'upload', // ask for an upload slot; the hub's answer grants one
  file: 'file', // a complete file, numbered like chat
});

// `error.code`.
export const ErrorCode = Object.freeze({
  badMessage: 'bad_message',
  unknownType: 'unknown_type',
  badName: 'bad_name',
  alreadyJoined: 'already_joined',
  notJoined: 'not_joined',
  empty: 'empty',
  tooLong: 'too_long',
  rateLimited: 'rate_limited',
  badQuery: 'bad_query',
  filesOff: 'files_off',
  fileTooBig: 'file_too_big',
  fileType: 'file_type',
  quotaFull: 'quota_full',
  diskFull: 'disk_full',
  noSuchPerson: 'no_such_person',
});

// Errors only an upload gets; with `no_such_person` and `bad_message` they refuse an upload
// (named by its id) before any byte is sent.
export const fileErrors = Object.freeze([ErrorCode.filesOff, ErrorCode.fileTooBig,
  ErrorCode.fileType, ErrorCode.quotaFull, ErrorCode.diskFull]);

// Errors that refuse one chat message (and name it by its id when it had one).
export const chatRefusals = Object.freeze([ErrorCode.empty, ErrorCode.tooLong, ErrorCode.rateLimited]);

// `left.reason`.
export const LeaveReason = Object.freeze({
  quit: 'quit',
  lost: 'lost',
  timeout: 'timeout',
  slow: 'slow',
  flood: 'flood',
  error: 'error',
  replaced: 'replaced',
  shutdown: 'shutdown',
});

// WebSocket close codes the hub uses.
export const CloseCode = Object.freeze({
  normal: 1000,
  goingAway: 1001, // the host ended the room
  protocolError: 1002,
  unsupportedData: 1003,
  abnormal: 1006, // no close frame: the connection broke (never sent on the wire)
  invalidPayload: 1007,
  policy: 1008, // flooding, or not reading
  tooBig: 1009,
  tryAgainLater: 1013,
  replaced: 4000, // a newer connection of the same person took over
});

// Limits the hub applies (docs/PROTOCOL.md, "Limits").
export const Limits = Object.freeze({
  welcomeHistory: 200,
  historyPage: 200, // most messages one `history` or `search` answer holds
  maxText: 8000,
  maxName: 32,
});

// Frames the page sends.
export const frames = Object.freeze({
  join(name, resume) {
    const frame = { type: MessageType.join, name };
    // The token alone (a reload) keeps the person's key: their private messages stay theirs.
    if (resume && resume.token) frame.token = resume.token;
    if (resume && resume.instance) {
      frame.after = resume.after;
      frame.instance = resume.instance;
    }
    return frame;
  },
  chat: (text, id, to) => (to ? { type: MessageType.chat, text, id, to } : { type: MessageType.chat, text, id }),
  rename: (name) => ({ type: MessageType.rename, name }),
  ping: () => ({ type: MessageType.ping }),
  history(before, limit) {
    const frame = { type: MessageType.history, limit: Math.min(limit, Limits.historyPage) };
    if (typeof before === 'number') frame.before = before;
    return frame;
  },
  // An upload slot for a file (docs/PROTOCOL.md, "Files and pictures"). sha256 and to are left
  // out when empty; slot (the hub's `upload`) asks to resume that slot.
  upload({ id, name, size, mime, sha256, to, slot }) {
    const frame = { type: MessageType.upload, id, name, size };
    if (mime) frame.mime = mime;
    if (sha256) frame.sha256 = sha256;
    if (to) frame.to = to;
    if (slot) frame.upload = slot;
    return frame;
  },
  search(query, limit, before) {
    const frame = { type: MessageType.search, query, limit: Math.min(limit, Limits.historyPage) };
    if (typeof before === 'number') frame.before = before;
    return frame;
  },
});

// A chat message as the hub sends it, checked; null when it is not one.
export function chatMessage(m) {
  if (!m || typeof m !== 'object') return null;
  return {
    seq: typeof m.seq === 'number' ? m.seq : null,
    from: typeof m.from === 'string' ? m.from : '?',
    text: typeof m.text === 'string' ? m.text : '',
    time: typeof m.time === 'string' ? m.time : '',
    id: typeof m.id === 'string' ? m.id : '',
  };
}
