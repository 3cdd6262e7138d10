// The portal page's only script: the btalk-forms elements, and the signed-in user's name
// shown as text (never as HTML).
import '/node_modules/btalk-forms/web/elements/index.js';

const order = document.querySelector('btalk-voicesite-order');
const user = document.querySelector('.user');
if (order && user) user.textContent = decodeURIComponent(order.dataset.user ?? '');
order?.addEventListener('btalk-order-created', (event) => {
  console.info('voicesite ordered', event.detail.voiceSiteId);
});
