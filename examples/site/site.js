// The static demo site's entry (npm run build:site -> site/: examples/page/index.html rendered for
// the "site" target, this file bundled as assets/site.js): the demo page with the Business Talk
// stand-in running inside it. The elements get a BtalkClient whose fetch is the stand-in's (the
// client's fetch seam) on the page's api-base, https://standin.invalid/btalk/v1, so no API request
// reaches the network; the stand-in keeps its state in IndexedDB. Every URL is relative to the
// page, so the folder works from any path of any static host.
import { BtalkClient, loadCore } from '../../web/index.js';
import { defineElements } from '../../web/components/index.js';
import { BtalkSiteImport } from '../../web/components/site-import/site-import.component.js';
import { defineElement } from '../../web/internal/define.js';
import { createStandIn, indexedDbStore, memoryStore } from '../../server/standin/index.js';
import { startDemoPage } from '../page/page.js';

const siteRoot = new URL('./', document.baseURI);

// One core for the elements, the client and the stand-in, from this folder's dist/.
const core = loadCore({
  moduleUrl: new URL('dist/btalk-core.js', siteRoot),
  wasmUrl: new URL('dist/btalk-core.wasm', siteRoot),
});

const resetButton = document.querySelector('#reset-demo');
const resetStatus = document.querySelector('#reset-status');
const keptSummary = document.querySelector('#kept-summary');
const keptList = document.querySelector('#kept-list');

/**
 * IndexedDB, one database per copy of the site (its path), falling back to
 * memory when the browser refuses storage (some private modes): the demo still
 * works, it just forgets on reload, and says so.
 */
function demoStore() {
  const fallback = memoryStore();
  let failed = false;
  const fail = () => {
    if (!failed) resetStatus.textContent = 'This browser does not let the page keep data: orders are lost on reload.';
    failed = true;
  };
  let idb = null;
  try {
    idb = indexedDbStore({ name: `btalk-forms-demo:${siteRoot.pathname}` });
  } catch {
    fail();
  }
  return {
    describe: 'the demo database',
    load: async () => {
      if (!idb) return null;
      try {
        return await idb.load();
      } catch {
        fail();
        return null;
      }
    },
    save: async (text) => {
      fallback.save(text);
      if (!idb || failed) return;
      try {
        await idb.save(text);
      } catch {
        fail();
      }
    },
    setAside: async () => idb?.setAside().catch(() => undefined),
  };
}

const standIn = createStandIn({ core, store: demoStore() });

/** A client on the stand-in, with its demo OAuth client and full-rights key (fake). */
function standInClient(baseUrl) {
  return new BtalkClient({ baseUrl, fetch: standIn.fetch, credentials: standIn.credentials(), core });
}

const page = startDemoPage({
  builtIn: ({ baseUrl }) => ({
    client: standInClient(baseUrl),
    status: 'Built-in stand-in: every request is answered inside this page, with fake data.',
  }),
  directClient: ({ baseUrl, credentials }) => new BtalkClient({ baseUrl, credentials, core }),
  defaultDirectBase: 'https://api.orange.com/btalk/v1',
});

// What the stand-in keeps (IndexedDB), read through its own client: shows that a
// reload keeps the demo data. API texts are data: textContent only.
const listClient = standInClient(page.builtInBase);
let listGeneration = 0;
async function showKept() {
  const generation = ++listGeneration;
  try {
    const sites = await listClient.voicesites();
    if (generation !== listGeneration) return;
    keptSummary.textContent = sites.length
      ? `${sites.length} voicesite${sites.length > 1 ? 's' : ''} ordered on this stand-in:`
      : 'No voicesite yet: order one below.';
    keptList.replaceChildren(...sites.map((site) => {
      const item = document.createElement('li');
      item.dataset.voicesiteId = String(site.voiceSiteId);
      item.textContent = `${site.technicalSiteName} (${site.country}, ${site.voiceSiteId}): `
        + `${site.hasVoiceAddress ? 'address saved' : 'no address yet'}`;
      return item;
    }));
  } catch (error) {
    if (generation === listGeneration) keptSummary.textContent = `The kept voicesites could not be read: ${error.message}`;
  }
}
for (const type of ['btalk-order-created', 'btalk-address-saved', 'btalk-import-done']) document.addEventListener(type, showKept);
showKept();

// The elements are defined after they got their client, so their first load uses it
// (a client-less element would call its api-base, which only the stand-in answers).
defineElements();
defineElement('btalk-site-import', BtalkSiteImport);

let resetting = false;
resetButton.addEventListener('click', async () => {
  // Not disabled while it works: a disabled button would drop the keyboard focus.
  if (resetting) return;
  resetting = true;
  resetStatus.textContent = 'Resetting the demo data…';
  try {
    await standIn.reset();
    page.reconnect();
    await showKept();
    resetStatus.textContent = 'Demo data cleared: no voicesite is left.';
  } catch (error) {
    resetStatus.textContent = `The demo data could not be cleared: ${error.message}`;
  } finally {
    resetting = false;
  }
});
