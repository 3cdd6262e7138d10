// Browser side of the order and import tests (imported from page.evaluate): a BtalkClient for the
// element under test, in proxy mode or in direct mode with the stand-in's demo credentials. Its
// fetch adds `headers` to the first `times` requests that match a fault rule
// ({ method, path, headers, times }), and records every non-GET request in window.__requests.
import { BtalkClient } from '/web/client.js';

export function testClient({ mode = 'proxy', apiKey, clientId, clientSecret, timeoutMs, faultRules = [] } = {}) {
  window.__faultRules = faultRules;
  window.__requests = [];
  const testFetch = (input, init = {}) => {
    const url = String(input instanceof Request ? input.url : input);
    const method = String(init.method ?? 'GET').toUpperCase();
    if (method !== 'GET') window.__requests.push({ method, path: new URL(url, location.href).pathname });
    const rule = window.__faultRules.find((r) => r.times > 0 && r.method === method && url.includes(r.path));
    if (rule) {
      rule.times -= 1;
      return fetch(input, { ...init, headers: { ...init.headers, ...rule.headers } });
    }
    return fetch(input, init);
  };
  const limits = timeoutMs === undefined ? {} : { timeoutMs };
  if (mode !== 'direct') return new BtalkClient({ baseUrl: '/proxy/btalk/v1', fetch: testFetch, ...limits });
  // Direct mode reaches /btalk/v1 with the X-Standin-* headers of the fault rules intact.
  const credentials = async () => {
    const answer = await fetch('/oauth/v3/token', {
      method: 'POST',
      headers: {
        Authorization: `Basic ${btoa(`${clientId}:${clientSecret}`)}`, 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json',
      },
      body: 'grant_type=client_credentials',
    });
    return { accessToken: (await answer.json()).access_token, apiKey };
  };
  return new BtalkClient({ baseUrl: '/btalk/v1', credentials, fetch: testFetch, ...limits });
}
