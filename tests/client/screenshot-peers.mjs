// Guests for the screenshots: joins ws://127.0.0.1:PORT/ws as a few people and plays a short
// conversation. Usage: node --experimental-websocket screenshot-peers.mjs PORT
const port = process.argv[2];
const url = `ws://127.0.0.1:${port}/ws`;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function join(name) {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url);
    ws.onopen = () => ws.send(JSON.stringify({ type: 'join', name }));
    ws.onmessage = (event) => {
      if (JSON.parse(event.data).type === 'welcome') resolve(ws);
    };
    ws.onerror = () => reject(new Error(`cannot join ${url} as ${name}`));
  });
}
const say = (ws, text) => ws.send(JSON.stringify({ type: 'chat', text }));

const bob = await join('Bob');
await sleep(300);
const chloe = await join('Chloé');
await sleep(300);
say(bob, 'Morning! Is the printer on the 2nd floor working again?');
await sleep(250);
say(bob, 'The status page says "offline": http://printer.lan/status');
await sleep(250);
say(chloe, 'Yes, I restarted it 10 minutes ago 👍');
await sleep(250);
say(chloe, 'Tip: <b>bold</b> stays plain text here, no surprises.');
await sleep(250);
const ravi = await join('रवि');
await sleep(300);
say(ravi, 'नमस्ते! Lunch at 12:30? 🍜');
await sleep(400);
if (process.argv[3] === 'stay') await sleep(60000);
for (const ws of [bob, chloe, ravi]) ws.close();
