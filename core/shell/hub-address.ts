/**
 * What kind of network a kiosk's hub address is on, from the host of its `hubUrl` as the
 * configuration check has already cut it out (lower case, IPv6 in brackets). It decides whether
 * plain `http://` may be used: the device token, the help calls and the volunteers' PINs travel
 * over it, so outside this computer only `https://` will do, unless staff opt in for a private
 * network (kiosk-config.ts).
 *
 * Only literal addresses count as private: a name may resolve anywhere (DNS is not ours), and
 * only the exact name `localhost` counts as this computer (Chromium resolves it to loopback
 * itself). Numeric forms a browser also reads as IPv4 (`127.1`, `2130706433`, `0x7f.1`) are not
 * recognised, so they count as other: refused for http, never mistaken for private.
 */

/** `loopback`: this computer; `private`: RFC 1918, link-local, IPv6 unique-local; `other`: anything else. */
export type HubAddressKind = 'loopback' | 'private' | 'other';

/** The four numbers of a dotted-quad IPv4 address written canonically, or undefined. */
function ipv4Parts(text: string): number[] | undefined {
  if (!/^(0|[1-9]\d{0,2})(\.(0|[1-9]\d{0,2})){3}$/.test(text)) return undefined;
  const parts = text.split('.').map(Number);
  return parts.every((part) => part <= 255) ? parts : undefined;
}

function ipv4Kind([a = -1, b = -1]: number[]): HubAddressKind {
  if (a === 127) return 'loopback';
  if (a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 169 && b === 254)) return 'private';
  return 'other';
}

/** The eight 16-bit groups of an IPv6 address (with `::` and a trailing dotted quad), or undefined. */
function ipv6Groups(text: string): number[] | undefined {
  let body = text;
  const lastColon = body.lastIndexOf(':');
  const last = body.slice(lastColon + 1);
  if (last.includes('.')) {
    // `::ffff:1.2.3.4` is `::ffff:102:304`: the quad written as its two groups.
    const quad = ipv4Parts(last);
    if (!quad) return undefined;
    const [a = 0, b = 0, c = 0, d = 0] = quad;
    body = `${body.slice(0, lastColon + 1)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const halves = body.split('::');
  if (halves.length > 2) return undefined;
  const read = (half: string): number[] | undefined => {
    if (half === '') return [];
    const groups = half.split(':');
    return groups.every((group) => /^[0-9a-f]{1,4}$/.test(group)) ? groups.map((group) => parseInt(group, 16)) : undefined;
  };
  const head = read(halves[0] ?? '');
  const rest = halves.length === 2 ? read(halves[1] ?? '') : [];
  if (!head || !rest) return undefined;
  if (halves.length === 1) return head.length === 8 ? head : undefined;
  const missing = 8 - head.length - rest.length;
  return missing >= 1 ? [...head, ...Array<number>(missing).fill(0), ...rest] : undefined;
}

function ipv6Kind(groups: number[]): HubAddressKind {
  const first = groups[0] ?? 0;
  if (groups.slice(0, 7).every((group) => group === 0) && groups[7] === 1) return 'loopback';
  // An IPv4-mapped address (::ffff:a.b.c.d) is the IPv4 address.
  if (groups.slice(0, 5).every((group) => group === 0) && groups[5] === 0xffff) {
    const [high = 0, low = 0] = groups.slice(6);
    return ipv4Kind([high >> 8, high & 0xff, low >> 8, low & 0xff]);
  }
  if ((first & 0xffc0) === 0xfe80 || (first & 0xfe00) === 0xfc00) return 'private';
  return 'other';
}

/** The kind of a hub host: `localhost`, `127.0.0.1`, `[::1]`, `192.168.1.10`, `hub.example.org`. */
export function hubAddressKind(host: string): HubAddressKind {
  const lower = host.toLowerCase();
  if (lower === 'localhost') return 'loopback';
  if (lower.startsWith('[') && lower.endsWith(']')) {
    const groups = ipv6Groups(lower.slice(1, -1));
    return groups ? ipv6Kind(groups) : 'other';
  }
  const quad = ipv4Parts(lower);
  return quad ? ipv4Kind(quad) : 'other';
}
