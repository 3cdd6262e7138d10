// What a portal page does with the element: point it at its API and give it credentials.
// Here the test harness puts the stand-in's address and a test token on window.btalkTest
// (never in the URL: secrets stay out of URLs, even in tests).
export function mountAddressForm() {
  const { api, accessToken, apiKey } = window.btalkTest;
  const form = document.createElement('btalk-address-form');
  form.credentials = async () => ({ accessToken, apiKey });
  form.setAttribute('api-base', api);
  form.setAttribute('country', 'FR');
  form.addEventListener('btalk-loaded', (event) => { window.loaded = event.detail.country; });
  form.addEventListener('btalk-error', (event) => { window.failed = event.detail.message; });
  document.body.append(form);
}
