/* Service worker of the reader site (scope /). It keeps the site's shell and the pages a reader visited, so that
   they can be read again without a connection; everything else goes to the network as usual. */
'use strict';

// Change on every release that changes the shell: activate then drops the caches of older versions.
const VERSION = 'reader-v1';
const PAGES = VERSION + '-pages'; // visited pages, apart from the shell so that they can be trimmed
const MAX_PAGES = 60;             // offline reading, not an archive: the oldest visits go first
const SHELL = ['/', '/offline', '/css/site.css', '/js/site.js', '/js/session.js', '/manifest.webmanifest',
  '/icons/icon.svg', '/icons/icon-192.png', '/icons/icon-512.png'];
// Data, sign-in and the editors' console must always be live, and the worker itself is checked by the browser.
const NEVER = ['/api/', '/console', '/oauth2', '/login', '/sw.js'];
const STATIC = ['/css/', '/js/', '/icons/', '/manifest.webmanifest'];
const MATCH = { ignoreVary: true };

self.addEventListener('install', (event) => {
  // cache: 'reload' skips the browser's HTTP cache (files are kept a day), so a new version gets fresh files.
  event.waitUntil(caches.open(VERSION)
    .then((cache) => cache.addAll(SHELL.map((url) => new Request(url, { cache: 'reload' }))))
    .then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys()
    .then((keys) => Promise.all(keys.filter((key) => key !== VERSION && key !== PAGES).map((key) => caches.delete(key))))
    .then(() => self.clients.claim()));
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin
      || NEVER.some((path) => url.pathname.startsWith(path))) {
    return; // the browser's own handling
  }
  if (request.mode === 'navigate') {
    event.respondWith(page(event, url));
  } else if (STATIC.some((path) => url.pathname.startsWith(path))) {
    event.respondWith(asset(event));
  }
});

// Pages: network first, so that readers get the latest reviewed text, with a copy kept for offline reading. After
// 4 s without an answer, a kept copy is shown; without one, the network is awaited; without a network, /offline.
async function page(event, url) {
  const network = fetch(event.request);
  event.waitUntil(network.then((response) => {
    const type = response.headers.get('content-type') || '';
    if (response.status !== 200 || !type.startsWith('text/html')) return undefined;
    const copy = response.clone();
    return caches.open(PAGES).then((cache) => cache.put(event.request, copy)).then(trim);
  }).catch(() => undefined));
  try {
    return await Promise.race([network, new Promise((resolve, reject) => setTimeout(reject, 4000))]);
  } catch (slowOrOffline) {
    const kept = await caches.match(event.request, MATCH)
      || (url.pathname === '/' ? await caches.match('/', MATCH) : undefined); // e.g. the app's /?source=pwa
    if (kept) return kept;
    try {
      return await network;
    } catch (offline) {
      return (await caches.match('/offline', MATCH)) || Response.error();
    }
  }
}

async function trim() {
  const cache = await caches.open(PAGES);
  const keys = await cache.keys(); // oldest first: put() moves a page visited again to the end
  await Promise.all(keys.slice(0, Math.max(0, keys.length - MAX_PAGES)).map((key) => cache.delete(key)));
}

// Styles, scripts, icons: served from the cache at once (stale-while-revalidate), refreshed for the next visit.
async function asset(event) {
  const fresh = fetch(event.request).then(async (response) => {
    if (response.ok) {
      const copy = response.clone();
      await caches.open(VERSION).then((cache) => cache.put(event.request, copy));
    }
    return response;
  });
  event.waitUntil(fresh.catch(() => undefined));
  return (await caches.match(event.request, MATCH)) || fresh;
}
