// The page follows the browser language: German and French, English otherwise.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import * as h from './harness.mjs';

let hub;
let browser;

before(async () => {
  hub = await h.startHub({ room: 'Küche', args: ['--rate-limit', '0'] });
  browser = await h.launchBrowser();
});

after(async () => {
  await browser?.close();
  await hub?.stop();
});

const cases = [
  {
    locale: 'de-DE', header: /^de-DE\b|^de\b/, lang: 'de', send: 'Senden', placeholder: 'Nachricht schreiben …',
    connected: 'Verbunden', joinedYou: 'Du bist Küche als Jonas beigetreten.', joined: 'peer ist dazugekommen',
    people: '2 Personen im Raum', name: 'Jonas', title: 'Küche – LAN Chat',
  },
  {
    locale: 'fr-FR', header: /^fr-FR\b|^fr\b/, lang: 'fr', send: 'Envoyer', placeholder: 'Écrire un message…',
    connected: 'Connecté', joinedYou: 'Vous avez rejoint Küche sous le nom Jeanne.',
    joined: 'peer a rejoint le salon', people: '2 personnes dans le salon', name: 'Jeanne', title: 'Küche – LAN Chat',
  },
  {
    locale: 'en-GB', header: /^en-GB\b/, lang: 'en', send: 'Send', placeholder: 'Write a message…',
    connected: 'Connected', joinedYou: 'You joined Küche as Jane.', joined: 'peer joined',
    people: '2 people in the room', name: 'Jane', title: 'Küche – LAN Chat',
  },
];

for (const c of cases) {
  test(`page in ${c.locale}`, async () => {
    const { context, page, response, problems } = await h.openPage(browser, hub.url,
      { name: c.name, locale: c.locale });
    const peer = await h.startPeer(hub.wsUrl, 'peer');
    try {
      assert.match(await response.request().headerValue('accept-language'), c.header);
      assert.equal(await page.locator('html').getAttribute('lang'), c.lang);
      assert.equal(await page.locator('#send').textContent(), c.send);
      assert.equal(await page.locator('#input').getAttribute('placeholder'), c.placeholder);
      assert.equal(await page.locator('#status-text').textContent(), c.connected);
      await page.locator('#messages li.system', { hasText: c.joinedYou }).waitFor();
      await page.locator('#messages li.system', { hasText: c.joined }).waitFor();
      await h.waitText(page.locator('#people-heading'), c.people);
      assert.equal(await page.title(), c.title);
      assert.deepEqual(problems, []);
    } finally {
      await peer.stop();
      await context.close();
    }
  });
}

test('German page shows a too-long message and the host ending the room in German', async () => {
  const own = await h.startHub({ room: 'Ende', args: ['--rate-limit', '0'] });
  const { context, page } = await h.openPage(browser, own.url, { name: 'Jonas', locale: 'de-DE' });
  try {
    await page.locator('#input').fill('x'.repeat(8001));
    await page.locator('#input').press('Enter');
    assert.equal(await page.locator('#notice').textContent(), 'Die Nachricht ist zu lang (höchstens 8000 Zeichen).');
    await own.stop();
    await h.waitStatus(page, 'ended', /^Der Host hat den Raum geschlossen\. Neuer Verbindungsversuch in \d+ s …$/);
  } finally {
    await own.stop();
    await context.close();
  }
});
