import { describe, expect, it } from 'vitest';
import { hubAddressKind } from '../../../core/shell/hub-address.js';

describe('the kind of network a hub address is on', () => {
  it.each(['localhost', '127.0.0.1', '127.255.0.9', '[::1]', '[0:0:0:0:0:0:0:1]', '[::ffff:127.0.0.1]'])('%s is this computer', (host) => {
    expect(hubAddressKind(host)).toBe('loopback');
  });

  it.each(['10.0.0.1', '172.16.0.1', '172.31.255.255', '192.168.1.10', '169.254.1.1', '[fe80::1]', '[fd12:3456::1]', '[::ffff:192.168.1.2]'])(
    '%s is a private network address',
    (host) => {
      expect(hubAddressKind(host)).toBe('private');
    },
  );

  it.each([
    ['a public address', '8.8.8.8'],
    ['just outside 172.16/12', '172.32.0.1'],
    ['a public IPv6 address', '[2001:db8::1]'],
    ['an IPv4-mapped public address', '[::ffff:8.8.8.8]'],
    ['a name', 'hub.example.org'],
    ['a name that starts like a private address', '192.168.1.10.nip.io'],
    ['a name under localhost', 'evil.localhost'],
    ['a short form browsers read as 127.0.0.1', '127.1'],
    ['a decimal form browsers read as 127.0.0.1', '2130706433'],
    ['a hex form', '0x7f.1'],
    ['a leading zero (octal to some parsers)', '010.0.0.1'],
    ['a number over 255', '256.1.1.1'],
    ['the unspecified IPv6 address', '[::]'],
    ['nine IPv6 groups', '[1:2:3:4:5:6:7:8:9]'],
    ['two "::"', '[fe80::1::2]'],
  ])('%s (%s) is neither', (_what, host) => {
    expect(hubAddressKind(host)).toBe('other');
  });
});
