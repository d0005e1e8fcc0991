const SESSION_KEY = 'herald.session';

/** This tab's session id: kept across reloads of the tab (sessionStorage), new in another tab. */
export function tabSessionId(): string {
  try {
    const known = sessionStorage.getItem(SESSION_KEY);
    if (known) return known;
    const fresh = crypto.randomUUID().slice(0, 8);
    sessionStorage.setItem(SESSION_KEY, fresh);
    return fresh;
  } catch {
    // Storage refused (privacy settings): a session per page load still keeps runners apart.
    return crypto.randomUUID().slice(0, 8);
  }
}
