// For trying the portal without Orange credentials: the bundled stand-in on a free loopback
// port, and the proxy options of its demo customer (standIn.demo: the fake credentials, defined once
// by the stand-in).
import { createStandIn } from '../../server/standin/server.js';

export async function startLocalStandIn() {
  const standIn = createStandIn({});
  await new Promise((resolve) => standIn.server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${standIn.server.address().port}`;
  const { clientId, clientSecret, apiKey } = standIn.demo;
  return { apiBase: `${origin}/btalk/v1`, tokenUrl: `${origin}/oauth/v3/token`, clientId, clientSecret, apiKey };
}
