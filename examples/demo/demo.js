// The served demo (npm start): both elements against the bundled stand-in through the
// same-origin proxy of examples/serve.js, or in direct mode with an OAuth client + API
// key typed into the settings panel. The page's behaviour is in page.js, shared with
// the static site (examples/site/).
import '/web/elements/index.js';
import { startDemoPage } from './page.js';

const PROXY_BASE = '/proxy/btalk/v1';

startDemoPage({
  builtInMode: 'proxy',
  builtIn: () => ({
    baseUrl: PROXY_BASE,
    status: `Proxy mode: requests go to ${PROXY_BASE}, which adds the credentials on the server.`,
  }),
  defaultDirectBase: `${location.origin}/btalk/v1`,
});
