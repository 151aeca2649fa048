// Small DOM helpers. Everything received is put into the page as text (textContent / text
// nodes); links are built with createElement, and only for http: and https: URLs.

export function make(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

// A message's time: short on screen, in full as its tooltip.
export function timeNode(time, shortFormat, fullFormat) {
  const date = new Date(time);
  const node = make('time', 'time', shortFormat.format(date));
  node.dateTime = date.toISOString();
  node.title = fullFormat.format(date);
  return node;
}

// Text written by someone: its direction comes from its own first strong character, and it is
// isolated, so right-to-left words or bidi controls in it cannot reorder what is around it.
export function isolated(tag, className, text) {
  const node = make(tag, className, text);
  node.dir = 'auto';
  return node;
}

// Trailing characters that usually end a sentence rather than a URL.
const urlPattern = /\bhttps?:\/\/[^\s<>"]+/gi;

function count(text, ch) {
  return text.split(ch).length - 1;
}

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

// An absolute http(s) URL, or null.
export function safeHttpUrl(text) {
  if (typeof text !== 'string') return null;
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
  } catch (e) {
    return null;
  }
}

// Appends text to parent, with http(s) URLs as safe links. Never parses markup.
export function appendRichText(parent, text) {
  let from = 0;
  for (const match of text.matchAll(urlPattern)) {
    const candidate = trimUrl(match[0]);
    const url = safeHttpUrl(candidate);
    if (!url) continue;
    if (match.index > from) parent.append(document.createTextNode(text.slice(from, match.index)));
    const a = make('a', 'link', candidate);
    a.href = url.href;
    a.rel = 'noopener noreferrer';
    a.target = '_blank';
    a.dir = 'ltr';
    parent.append(a);
    from = match.index + candidate.length;
  }
  if (from < text.length) parent.append(document.createTextNode(text.slice(from)));
}
