// The app page's Content-Security-Policy: served as a header by the browser
// shell and by the desktop app's app:// protocol, and as a meta tag in
// src/renderer/index.html (a test keeps the two equal; frame-ancestors is
// header-only). 'self' is http://127.0.0.1:port in the browser, app://factdesk
// in the desktop app.
export const APP_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
  "font-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
