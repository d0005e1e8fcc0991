/**
 * Meta fetches header media and opens button links from its own servers and from the customer's
 * phone: the address must be a well-formed `https://` URL on a public host. A file on the
 * marketer's computer, `localhost` or an intranet address cannot be reached from there.
 */
export function isHostedHttpsUrl(text: string): boolean {
  if (text === '' || /\s/.test(text)) return false;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return false;
  }
  if (url.protocol !== 'https:' || url.username !== '' || url.password !== '') return false;
  return isPublicHost(url.hostname);
}

function isPublicHost(hostname: string): boolean {
  const host = hostname.toLowerCase();
  // A public name has a dot and a top-level domain; IPv6 literals come bracketed and are refused.
  if (!host.includes('.') || host.startsWith('[') || host.endsWith('.')) return false;
  if (host.endsWith('.localhost') || host.endsWith('.local') || host.endsWith('.internal')) return false;
  const ipv4 = /^(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(host);
  if (ipv4) return !isPrivateIpv4(ipv4.slice(1).map(Number));
  return true;
}

function isPrivateIpv4([a = 0, b = 0]: number[]): boolean {
  return a === 0 || a === 10 || a === 127 || (a === 169 && b === 254) || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168);
}
