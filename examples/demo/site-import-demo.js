// The demo's site import panel: <btalk-site-import> follows the connection and language the
// settings panel gives the order element (same api-base, credentials and lang), and its events
// go to the event log. Loaded as its own module so demo.js stays as it is.
import '/web/components/site-import/site-import.js';

const importElement = document.querySelector('#site-import');
const orderElement = document.querySelector('#order');
const eventLog = document.querySelector('#event-log');

function follow() {
  importElement.credentials = orderElement.credentials ?? null;
  for (const name of ['api-base', 'lang']) {
    const value = orderElement.getAttribute(name);
    if (value && importElement.getAttribute(name) !== value) importElement.setAttribute(name, value);
  }
}
new MutationObserver(follow).observe(orderElement, { attributes: true, attributeFilter: ['api-base', 'lang'] });
follow();

function summarize(type, detail) {
  if (type === 'btalk-import-row') {
    return `row ${detail.row}: ${detail.state}${detail.voiceSiteId ? `, voicesite ${detail.voiceSiteId}` : ''}${detail.error ? ` (${detail.error.message})` : ''}`;
  }
  const c = detail.counts;
  return c ? `${c.done} of ${c.total} done, ${c.addressFailed} without address, ${c.failed} failed${detail.cancelled ? ' (cancelled)' : ''}` : '';
}

// Only settled rows and the end of a run are logged: progress events would flood the log.
for (const type of ['btalk-import-row', 'btalk-import-done']) {
  importElement.addEventListener(type, (event) => {
    if (type === 'btalk-import-row' && !['done', 'addressFailed', 'orderFailed'].includes(event.detail.state)) return;
    const item = document.createElement('li');
    item.dataset.event = type;
    const time = document.createElement('time');
    time.textContent = new Date().toLocaleTimeString();
    const name = document.createElement('strong');
    name.textContent = type;
    const text = document.createElement('span');
    text.textContent = ` from #site-import ${summarize(type, event.detail ?? {})}`;
    item.append(time, ' ', name, text);
    eventLog.prepend(item);
    while (eventLog.children.length > 200) eventLog.lastElementChild.remove();
  });
}
