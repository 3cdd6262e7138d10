// A portal team's use of btalk-forms/standin, compiled with tsc --strict by
// tests/node/typings.test.js (no @types/node needed for this entry).
import { BtalkClient } from 'btalk-forms';
import { createStandIn, memoryStore, indexedDbStore, toNodeListener, API_PREFIX } from 'btalk-forms/standin';
import type { StandIn, StandInStore, NodeListener } from 'btalk-forms/standin';

async function portalTest(): Promise<void> {
  const store: StandInStore = memoryStore();
  const standIn: StandIn = createStandIn({ store, faults: { failRate: 0.1, seed: 1 }, basePath: '/mock', log: (line: string) => void line });
  await standIn.ready;
  const client = new BtalkClient({ baseUrl: `https://portal.test/mock${API_PREFIX}`, fetch: standIn.fetch, credentials: standIn.credentials() });
  const me = await client.me();
  const canOrder: boolean = me.canOrder;
  const response: Response = await standIn.handle(new Request('https://portal.test/mock/btalk/v1/countries'));
  const status: number = response.status;
  const listener: NodeListener = toNodeListener(standIn.handle, { maxBodyBytes: 1024 });
  const browserStore = indexedDbStore({ name: 'demo' });
  await browserStore.clear();
  standIn.faults = { latencyMs: 10 };
  const failRate: number = standIn.faults.failRate;
  await standIn.reset();
  void [canOrder, status, listener, failRate, standIn.listener, standIn.demo.apiKey];
}
void portalTest;
