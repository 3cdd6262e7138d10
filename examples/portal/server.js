// A customer portal that embeds btalk-forms the recommended way: the browser talks to the
// portal only, and the portal's server adds the Business Talk credentials through
// btalk-forms/proxy, for signed-in users only. Express 5; strict CSP; no inline script or style.
//
//   BTALK_CLIENT_ID=… BTALK_CLIENT_SECRET=… BTALK_API_KEY=… PORTAL_PASSWORD=… node examples/portal/server.js
//   node examples/portal/server.js --standin     (tries it against the bundled stand-in, fake data)
//
// Sessions live in memory and users in one environment variable: enough to show where the
// gate goes. A real portal plugs its own sign-in into `authorize`.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import express from 'express';
import { createBtalkProxy } from '../../server/proxy/index.js';

const here = dirname(fileURLToPath(import.meta.url));
const packageRoot = join(here, '..', '..'); // in a portal of your own: the installed btalk-forms folder
const SESSION_COOKIE = 'portal_session';
const SESSION_TTL_MS = 8 * 60 * 60 * 1000;

export const CSP = [
  "default-src 'self'", "script-src 'self' 'wasm-unsafe-eval'", "style-src 'self'", "img-src 'self'",
  "connect-src 'self'", "base-uri 'none'", "form-action 'self'", "frame-ancestors 'none'", "object-src 'none'",
].join('; ');

function cookieOf(req, name) {
  for (const part of String(req.headers.cookie ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return value.join('=');
  }
  return '';
}

function sameText(a, b) {
  const x = Buffer.from(String(a));
  const y = Buffer.from(String(b));
  return x.length === y.length && timingSafeEqual(x, y);
}

const page = (title, body) => `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${title}</title>
  <link rel="icon" href="/favicon.svg">
  <link rel="stylesheet" href="/portal.css">
  <!-- Room for the elements until their script defines them: the page does not jump as they appear. -->
  <link rel="stylesheet" href="/node_modules/btalk-forms/web/elements/placeholders.css">
  <script type="module" src="/portal.js"></script>
</head>
<body>
${body}
</body>
</html>
`;

const loginPage = (failed) => page('Sign in: Example portal', `<main class="card">
  <h1>Example portal</h1>
  ${failed ? '<p class="error" role="alert">Wrong user name or password.</p>' : ''}
  <form method="post" action="/login" class="stack">
    <label>User name <input name="user" autocomplete="username" required></label>
    <label>Password <input name="password" type="password" autocomplete="current-password" required></label>
    <button>Sign in</button>
  </form>
</main>`);

const portalPage = (user) => page('Voicesites: Example portal', `<header class="bar">
  <strong>Example portal</strong>
  <form method="post" action="/logout"><span class="user"></span><button>Sign out</button></form>
</header>
<main>
  <h1>Order a Business Talk voicesite</h1>
  <btalk-voicesite-order api-base="/api/btalk/v1" heading-level="2" data-user="${encodeURIComponent(user)}"></btalk-voicesite-order>
</main>`);

/**
 * The portal as an Express app (not listening).
 * @param {object} options
 * @param {object} options.btalk createBtalkProxy options without `authorize` (clientId, clientSecret, apiKey, apiBase?, tokenUrl?)
 * @param {Record<string, string>} options.users user name -> password
 */
export function createPortal({ btalk, users }) {
  const sessions = new Map(); // id -> { user, expires }
  const sessionOf = (req) => {
    const id = cookieOf(req, SESSION_COOKIE);
    const session = id && sessions.get(id);
    if (!session) return null;
    if (session.expires < Date.now()) {
      sessions.delete(id);
      return null;
    }
    return session;
  };

  const app = express();
  app.disable('x-powered-by');
  app.use((req, res, next) => {
    res.set({
      'Content-Security-Policy': CSP, 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'no-referrer',
    });
    next();
  });

  // The gate: a signed-in session, and never a request another site's page made.
  app.use('/api/btalk/v1', createBtalkProxy({
    ...btalk,
    authorize: (req) => sessionOf(req) !== null && (req.headers['sec-fetch-site'] ?? 'same-origin') === 'same-origin',
  }));

  app.post('/login', express.urlencoded({ extended: false, limit: '4kb' }), (req, res) => {
    const { user, password } = req.body ?? {};
    if (typeof user !== 'string' || !Object.hasOwn(users, user) || !sameText(users[user], password)) {
      res.status(401).type('html').send(loginPage(true));
      return;
    }
    const id = randomBytes(32).toString('base64url');
    sessions.set(id, { user, expires: Date.now() + SESSION_TTL_MS });
    res.cookie(SESSION_COOKIE, id, {
      httpOnly: true, sameSite: 'strict', secure: req.secure, path: '/', maxAge: SESSION_TTL_MS,
    });
    res.redirect(303, '/');
  });

  app.post('/logout', (req, res) => {
    sessions.delete(cookieOf(req, SESSION_COOKIE));
    res.clearCookie(SESSION_COOKIE, { path: '/' });
    res.redirect(303, '/');
  });

  app.get('/', (req, res) => {
    const session = sessionOf(req);
    res.set('Cache-Control', 'no-store').type('html').send(session ? portalPage(session.user) : loginPage(false));
  });

  // The page's own files, then the package's: its elements and the wasm core.
  app.use(express.static(join(here, 'public'), { index: false }));
  app.use('/node_modules/btalk-forms/web', express.static(join(packageRoot, 'web'), { index: false }));
  app.use('/node_modules/btalk-forms/dist', express.static(join(packageRoot, 'dist'), { index: false }));
  return app;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  let btalk = {
    clientId: process.env.BTALK_CLIENT_ID, clientSecret: process.env.BTALK_CLIENT_SECRET,
    apiKey: process.env.BTALK_API_KEY,
    ...(process.env.BTALK_API_BASE ? { apiBase: process.env.BTALK_API_BASE } : {}),
    ...(process.env.BTALK_TOKEN_URL ? { tokenUrl: process.env.BTALK_TOKEN_URL } : {}),
  };
  if (process.argv.includes('--standin')) {
    const { startLocalStandIn } = await import('./standin-upstream.js');
    btalk = await startLocalStandIn();
    console.log('Using the bundled stand-in (fake data) as the Business Talk API.');
  }
  const password = process.env.PORTAL_PASSWORD ?? (process.argv.includes('--standin') ? 'demo' : '');
  if (!password) throw new Error('Set PORTAL_PASSWORD (the password of user "demo").');
  const port = Number(process.env.PORT ?? 3000);
  createPortal({ btalk, users: { demo: password } }).listen(port, '127.0.0.1', () => {
    console.log(`Example portal: http://127.0.0.1:${port}/ (user "demo")`);
  });
}
