// Guests for the right-to-left screenshot: a Hebrew and an Arabic speaker, a mixed-script line,
// and a name with a RIGHT-TO-LEFT OVERRIDE that must not turn the line around. Then, with
// "busy", a lively room: five guests taking turns. Usage:
//   node --experimental-websocket screenshot-rtl.mjs PORT [busy]
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

if (process.argv[3] === 'busy') {
  const names = ['Bob', 'Chloé', 'Dana', 'Emil', 'Farah'];
  const lines = [
    'Build 4812 is green again 🎉', 'Who broke the coffee machine?', 'Deploying to staging now',
    'Can someone review https://git.lan/merge/311 ?', 'Lunch in 10 minutes 🍕',
    'The printer is out of paper (again)', 'Meeting moved to 15:00', '👍', 'On it!',
    'Logs are at http://logs.lan/today', 'Thanks!', 'Back in 5',
  ];
  const guests = [];
  for (const name of names) guests.push(await join(name));
  for (let i = 0; i < 400; ++i) {
    say(guests[i % guests.length], `${lines[(i * 7) % lines.length]} (#${i + 1})`);
    await sleep(10);
  }
  await sleep(60000);
} else {
  const dana = await join('דנה');
  const sara = await join('سارة');
  const eve = await join('eve\u202e');
  await sleep(300);
  say(dana, 'שלום לכולם! מי מגיע לפגישה ב־10:30?');
  await sleep(200);
  say(sara, 'مرحبا! أنا قادمة، سأتأخر خمس دقائق 🙂');
  await sleep(200);
  say(dana, 'מעולה, הקישור: http://meet.lan/room/7');
  await sleep(200);
  say(sara, 'شكرا يا دانة ❤️');
  await sleep(200);
  say(eve, 'my name ends in U+202E, and this line still reads left to right');
  await sleep(200);
  say(dana, 'English inside Hebrew: ה-build עבר, כל הכבוד 👏');
  await sleep(60000);
}
