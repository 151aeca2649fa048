'use strict';
const log = document.getElementById('log');
const ws = new WebSocket((location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/ws');
ws.onopen = () => ws.send(JSON.stringify({ type: 'join', name: 'guest' }));
ws.onmessage = (e) => {
  const m = JSON.parse(e.data);
  const show = (t) => { const li = document.createElement('li'); li.textContent = t; log.appendChild(li); };
  if (m.type === 'welcome') m.history.forEach((h) => show(h.from + ': ' + h.text));
  if (m.type === 'chat') show(m.from + ': ' + m.text);
};
document.getElementById('f').onsubmit = (e) => {
  e.preventDefault();
  const t = document.getElementById('text');
  if (t.value.trim()) ws.send(JSON.stringify({ type: 'chat', text: t.value }));
  t.value = '';
};
