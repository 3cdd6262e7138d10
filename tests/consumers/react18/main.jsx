// A React 18 app (Vite, no config) with the package's React wrappers: object props (credentials, client, value)
// reach the elements as properties, and on<Event> props receive their custom events. The harness puts the
// stand-in's address, a token and the voicesite to save to on window.btalkTest.
import React, { useCallback, useMemo, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { BtalkClient } from 'btalk-forms';
import { BtalkAddressForm } from 'btalk-forms/react';

const { api, accessToken, apiKey, customerCode, voiceSiteId, address } = window.btalkTest;
window.events = [];
const note = (event) => window.events.push({ type: event.type, id: event.target.id, detail: event.detail });

function App() {
  const [saved, setSaved] = useState(null);
  const credentials = useCallback(async () => ({ accessToken, apiKey }), []);
  const client = useMemo(() => new BtalkClient({ baseUrl: api, credentials }), [credentials]);
  const onSaved = useCallback((event) => { note(event); setSaved(event.detail.voiceSiteId); }, []);
  return (
    <main>
      <h1>React {React.version}</h1>
      <BtalkAddressForm id="with-credentials" api-base={api} country="FR" customer-code={customerCode}
        voicesite-id={voiceSiteId} credentials={credentials} value={address} disabled={false}
        onBtalkLoaded={note} onBtalkError={note} onBtalkAddressSaved={onSaved} />
      <BtalkAddressForm id="with-client" client={client} country="FR" lang="fr" onBtalkLoaded={note} onBtalkError={note} />
      {saved && <p id="saved">Saved to {saved}</p>}
    </main>
  );
}

createRoot(document.getElementById('root')).render(<App />);
