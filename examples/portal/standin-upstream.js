// For trying the portal without Orange credentials: the bundled stand-in on a free loopback
// port, and the proxy options of its demo customer (fake credentials from its data).
import { createStandIn } from '../../server/standin/server.js';

export async function startLocalStandIn() {
  const standIn = createStandIn({});
  await new Promise((resolve) => standIn.server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${standIn.server.address().port}`;
  const client = standIn.data.oauthClients[0];
  const key = standIn.data.raw.apiKeys.find((k) => k.rightsProfile === 'full');
  return {
    apiBase: `${origin}/btalk/v1`, tokenUrl: `${origin}/oauth/v3/token`,
    clientId: client.clientId, clientSecret: client.clientSecret, apiKey: key.key,
  };
}
