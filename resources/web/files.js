// Files and pictures without the DOM: a `file` message checked into what a card shows, sizes for
// people, where an upload resumes, and which files the room takes. docs/PROTOCOL.md, "Files and
// pictures".

export const digestLimit = 64 * 1024 * 1024; // the browser's digest needs the file in memory
export const thumbBox = 320; // the hub's thumbnails fit in 320×320

// Raster types a browser shows in <img>; the hub never makes a thumbnail of anything else (SVG
// could carry script, so it is only ever a download).
const pictureTypes = ['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'image/bmp'];

const fileIdPath = /^\/files\/[0-9a-fA-F]{32}\/[^?#]*$/;

// A path on this hub under /files/ (a capability URL), or '' for anything else: a message can
// never make the page load or link another origin, a data: or a javascript: URL.
export function filePath(url) {
  if (typeof url !== 'string' || !fileIdPath.test(url) || url.includes('\\')) return '';
  const parts = url.split('/');
  if (parts.some((p) => p === '..' || p === '.')) return '';
  return url;
}

const dimension = (n) => (Number.isInteger(n) && n > 0 && n <= 1000000 ? n : 0);

// A `file` message as the card shows it; null when it is not one.
export function fileModel(m) {
  if (!m || typeof m !== 'object' || typeof m.name !== 'string' || !m.name) return null;
  const url = filePath(m.url);
  if (!url) return null;
  const mime = typeof m.mime === 'string' ? m.mime.toLowerCase() : '';
  const thumb = filePath(m.thumb);
  const width = dimension(m.width);
  const height = dimension(m.height);
  const picture = thumb !== '' && width > 0 && height > 0 && !mime.includes('svg');
  return {
    name: m.name,
    size: Number.isSafeInteger(m.size) && m.size >= 0 ? m.size : 0,
    mime,
    sha256: typeof m.sha256 === 'string' && /^[0-9a-f]{64}$/.test(m.sha256) ? m.sha256 : '',
    url,
    picture,
    thumb: picture ? thumb : '',
    width: picture ? width : 0,
    height: picture ? height : 0,
    // A full picture the browser may show itself (the hub serves these inline).
    viewable: picture && pictureTypes.includes(mime) && mime !== 'image/bmp',
  };
}

// The thumbnail's size on screen: the picture's shape, inside the box, never enlarged.
export function thumbSize(width, height, box = thumbBox) {
  if (!(width > 0 && height > 0)) return { width: box, height: box };
  const scale = Math.min(1, box / width, box / height);
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte', 'terabyte'];

// "2.5 MB", "800 bytes" in the page's language (powers of 1000, as file managers show them).
export function formatSize(bytes, lang = 'en') {
  let n = Number.isFinite(bytes) && bytes > 0 ? bytes : 0;
  let u = 0;
  while (n >= 1000 && u < units.length - 1) {
    n /= 1000;
    u += 1;
  }
  const digits = u === 0 || n >= 100 ? 0 : 1;
  return new Intl.NumberFormat(lang, {
    style: 'unit', unit: units[u], unitDisplay: u === 0 ? 'long' : 'short',
    maximumFractionDigits: digits,
  }).format(n);
}

// What kind of file, in a word: the extension ("PDF"), else the type's second half.
export function typeLabel(name, mime) {
  const ext = /\.([A-Za-z0-9]{1,8})$/.exec(name || '');
  if (ext) return ext[1].toUpperCase();
  const sub = /^[a-z]+\/([a-z0-9.+-]+)$/.exec(mime || '');
  return sub ? sub[1].toUpperCase() : '';
}

// The Content-Range of a PUT that starts at offset (null when it sends the whole file from 0).
export function contentRange(offset, size) {
  if (offset <= 0) return null;
  return `bytes ${offset}-${size - 1}/${size}`;
}

// The hub's offset from an answer header (Upload-Offset), or -1 when absent or wrong.
export function parseOffset(value, size) {
  if (typeof value !== 'string' || !/^\d+$/.test(value.trim())) return -1;
  const n = Number(value.trim());
  return Number.isSafeInteger(n) && n <= size ? n : -1;
}

// Whether `welcome.files.types` lets this file in (a hint: the hub decides, from the name and
// the first bytes). Entries: "image/*", "application/pdf", ".zip".
export function typeAllowed(types, name, mime) {
  if (!Array.isArray(types)) return true;
  const lowerName = (name || '').toLowerCase();
  const lowerMime = (mime || '').toLowerCase();
  return types.some((entry) => {
    if (typeof entry !== 'string') return false;
    const e = entry.trim().toLowerCase();
    if (e.startsWith('.')) return lowerName.endsWith(e);
    if (e.endsWith('/*')) return lowerMime.startsWith(e.slice(0, -1));
    return e === lowerMime;
  });
}

// The refusal the page can tell before asking the hub ('' when none): files off, too big, type.
// limits: `welcome.files` (undefined when the room takes no files).
export function precheck(limits, name, size, mime) {
  if (!limits || typeof limits !== 'object') return 'files_off';
  if (typeof limits.maxBytes === 'number' && size > limits.maxBytes) return 'file_too_big';
  if (!typeAllowed(limits.types, name, mime)) return 'file_type';
  return '';
}

const two = (n) => String(n).padStart(2, '0');

// A name for a picture pasted from the clipboard, which comes without one worth keeping
// ("image.png"): "Screenshot 2026-11-30 14.08.00.png" (no ':' — the hub removes it).
export function pastedName(file, date) {
  const name = file && typeof file.name === 'string' ? file.name : '';
  if (name && !/^image\.[a-z0-9]+$/i.test(name)) return name;
  const type = /^image\/(png|jpeg|gif|webp|bmp)$/.exec((file && file.type) || '');
  const ext = type ? type[1] : 'png';
  const stamp = `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())} `
    + `${two(date.getHours())}.${two(date.getMinutes())}.${two(date.getSeconds())}`;
  return `Screenshot ${stamp}.${ext === 'jpeg' ? 'jpg' : ext}`;
}
