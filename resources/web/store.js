// Settings kept in localStorage, and the ids of this browser's messages.

export const store = {
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

export function positiveNumber(text, fallback) {
  const n = Number(text);
  return Number.isFinite(n) && n > 0 ? n : fallback;
}

function randomHex(bytes) {
  const a = new Uint8Array(bytes);
  crypto.getRandomValues(a);
  return Array.from(a, (b) => b.toString(16).padStart(2, '0')).join('');
}

// A stable per-browser prefix for message ids: own messages are recognised by it, even in the
// history after a reload.
let clientId = store.get('client', '');
if (!/^[0-9a-f]{12}$/.test(clientId)) {
  clientId = randomHex(6);
  store.set('client', clientId);
}
const sessionId = randomHex(3);
let idCounter = 0;

export const newMessageId = () => `${clientId}-${sessionId}-${(++idCounter).toString(36)}`;
export const isOwnId = (id) => typeof id === 'string' && id.startsWith(clientId + '-');
