// The served demo's entry (npm start: examples/serve.js renders examples/page/index.html for the
// "demo" target): the three elements against the bundled stand-in through the same-origin proxy of
// serve.js (the elements' api-base), or in direct mode with an OAuth client + API key typed into the
// settings panel. The page's behaviour is examples/page/page.js, shared with the static site.
import '/web/elements/index.js';
import { startDemoPage } from './page.js';

startDemoPage({
  builtIn: ({ baseUrl }) => ({ status: `Proxy mode: requests go to ${baseUrl}, which adds the credentials on the server.` }),
  defaultDirectBase: `${location.origin}/btalk/v1`,
});
// The import panel, at the bottom of the page, loads after the elements above it (which then
// render sooner): a static import would hold them back until its modules arrived.
import('/web/components/site-import/site-import.js');
