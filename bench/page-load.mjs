// The browser page in a busy room: headless Chromium (phone viewport) joins a room prefilled
// with 2,000 messages, then five scripted guests chat at a given total rate; CDP
// Performance.getMetrics gives the page's main-thread time (TaskDuration) and layout time
// (LayoutDuration) over the run, and the DOM size before and after. Optionally a flood of many
// more messages shows whether the DOM stays flat.
//
//   node bench/page-load.mjs [--rate 100] [--seconds 20] [--prefill 2000] [--flood 100000]
//                            [--page current|main|DIR] [--json FILE]
//
// --page main serves the page as it is on the git branch `main` (before), through a stand-in
// front door (tests/e2e/fakehub.mjs) that hands the WebSocket to the same real hub.
// Environment as for the e2e tests (LANCHAT_BIN, LANCHAT_QTPEER, LANCHAT_CHROMIUM,
// LANCHAT_NODE_MODULES); bench/page-load.sh sets them from a build folder.

import { execFileSync } from 'node:child_process';
import { appendFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { startFakeHub } from '../tests/e2e/fakehub.mjs';
import * as h from '../tests/e2e/harness.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function option(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && i + 1 < process.argv.length ? process.argv[i + 1] : fallback;
}
const rate = Number(option('rate', '100'));
const seconds = Number(option('seconds', '20'));
const prefill = Number(option('prefill', '2000'));
const flood = Number(option('flood', '0'));
const pageSource = option('page', 'current');
const jsonFile = option('json', '');
const guests = 5;

// The page's files as they are on `main`, in a temporary folder.
function pageFromGit(rev) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'lanchat-page-'));
  const files = execFileSync('git', ['-C', repo, 'ls-tree', '--name-only', `${rev}:resources/web`])
    .toString().trim().split('\n');
  for (const f of files) {
    writeFileSync(path.join(dir, f), execFileSync('git', ['-C', repo, 'show', `${rev}:resources/web/${f}`]));
  }
  return dir;
}

async function metrics(cdp) {
  const { metrics: list } = await cdp.send('Performance.getMetrics');
  return Object.fromEntries(list.map((m) => [m.name, m.value]));
}

async function domNodes(page) {
  return page.evaluate(() => document.getElementsByTagName('*').length);
}

// Sends `total` messages spread over the guests at `perSecond` in all; resolves when all are
// written.
function chat(peers, perSecond, total, prefix) {
  return new Promise((resolve) => {
    let sent = 0;
    const start = Date.now();
    const tick = () => {
      const due = Math.min(total, Math.floor(((Date.now() - start) / 1000) * perSecond));
      while (sent < due) {
        peers[sent % peers.length].send(`${prefix} ${sent + 1}: a line of chat about lunch, the build and the weekend`);
        sent += 1;
      }
      if (sent >= total) resolve();
      else setTimeout(tick, 10);
    };
    tick();
  });
}

const hub = await h.startHub({ room: 'Busy', args: ['--rate-limit', '0', '--history', String(prefill)] });
let front = null;
let url = hub.url;
if (pageSource !== 'current') {
  const webDir = pageSource === 'main' ? pageFromGit('main') : pageSource;
  front = await startFakeHub({ webDir, upstreamPort: hub.port });
  url = front.url;
}
const browser = await h.launchBrowser();
const peers = [];
try {
  for (let i = 0; i < guests; ++i) peers.push(await h.startPeer(hub.wsUrl, `guest${i + 1}`));
  // Prefill, as fast as the hub takes it.
  await chat([peers[0]], 5000, prefill, 'old');
  await peers[1].waitChat('guest1', `old ${prefill}: a line of chat about lunch, the build and the weekend`, 60000);

  const guest = await h.openPage(browser, url,
    { name: 'phone', viewport: { width: 360, height: 740 }, waitJoined: false });
  await h.waitChat(guest.page, `old ${prefill}:`, 180000);
  const cdp = await guest.context.newCDPSession(guest.page);
  await cdp.send('Performance.enable');
  await h.delay(1000); // let the first paint settle
  const nodesBefore = await domNodes(guest.page);
  const m0 = await metrics(cdp);
  const t0 = Date.now();
  const total = Math.round(rate * seconds);
  await chat(peers, rate, total, 'live');
  const sentAt = Date.now();
  // In the DOM (an overloaded page may not get to lay it out for a while).
  await guest.page.locator('#messages li.msg .text', { hasText: `live ${total}:` }).first()
    .waitFor({ state: 'attached', timeout: 600000 });
  const lag = (Date.now() - sentAt) / 1000;
  const wall = (Date.now() - t0) / 1000;
  const m1 = await metrics(cdp);
  const nodesAfter = await domNodes(guest.page);
  const result = {
    page: pageSource, rate, seconds, prefill, wall, lag,
    busy: (m1.TaskDuration - m0.TaskDuration) / wall,
    layout: (m1.LayoutDuration - m0.LayoutDuration) / wall,
    script: (m1.ScriptDuration - m0.ScriptDuration) / wall,
    recalcStyle: (m1.RecalcStyleDuration - m0.RecalcStyleDuration) / wall,
    layouts: m1.LayoutCount - m0.LayoutCount,
    nodesBefore, nodesAfter, heapMiB: m1.JSHeapUsedSize / 1048576,
  };
  if (flood > 0) {
    // As fast as one guest can send: does the DOM (and the heap) stay flat?
    const checkpoints = [];
    const step = Math.max(1, Math.floor(flood / 5));
    for (let done = 0; done < flood; done += step) {
      const n = Math.min(step, flood - done);
      await chat([peers[done / step % guests]], 20000, n, `flood${done}`);
      await guest.page.locator('#messages li.msg .text', { hasText: `flood${done} ${n}:` }).first()
        .waitFor({ state: 'attached', timeout: 600000 });
      const m = await metrics(cdp);
      checkpoints.push({ messages: total + prefill + done + n, nodes: await domNodes(guest.page),
        heapMiB: Math.round(m.JSHeapUsedSize / 1048576 * 10) / 10 });
    }
    result.flood = checkpoints;
  }
  const pct = (x) => `${(x * 100).toFixed(1)} %`;
  console.log(`page=${pageSource} rate=${rate}/s for ${seconds} s (${wall.toFixed(1)} s wall, last shown `
    + `${lag.toFixed(1)} s after it was sent), prefill ${prefill}: `
    + `main thread busy ${pct(result.busy)}, layout ${pct(result.layout)}, script ${pct(result.script)}, `
    + `style ${pct(result.recalcStyle)}, ${result.layouts} layouts, DOM ${nodesBefore} → ${nodesAfter} elements, `
    + `JS heap ${result.heapMiB.toFixed(1)} MiB`);
  if (result.flood) {
    for (const c of result.flood) console.log(`  after ${c.messages} messages: ${c.nodes} elements, JS heap ${c.heapMiB} MiB`);
  }
  if (jsonFile) {
    mkdirSync(path.dirname(jsonFile), { recursive: true });
    appendFileSync(jsonFile, JSON.stringify(result) + '\n');
  }
  await guest.context.close();
} finally {
  for (const p of peers) await p.stop();
  await browser.close();
  await front?.stop();
  await hub.stop();
}
