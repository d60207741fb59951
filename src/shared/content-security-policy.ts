// The app page's Content-Security-Policy: served as a header by the browser
// shell, and as a meta tag in src/renderer/index.html (a test keeps the two equal;
// frame-ancestors is header-only).
export const APP_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
  "font-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
