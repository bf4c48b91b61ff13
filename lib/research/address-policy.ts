// Which IP addresses the research fetcher may connect to: public unicast only.
import net from "node:net";

// Everything that is not the public internet: private, loopback, link-local (cloud metadata at
// 169.254.169.254), carrier-grade NAT, documentation, benchmarking, multicast and reserved ranges.
const BLOCKED_V4: Array<[string, number]> = [
  ["0.0.0.0", 8], ["10.0.0.0", 8], ["100.64.0.0", 10], ["127.0.0.0", 8], ["169.254.0.0", 16], ["172.16.0.0", 12],
  ["192.0.0.0", 24], ["192.0.2.0", 24], ["192.88.99.0", 24], ["192.168.0.0", 16], ["198.18.0.0", 15],
  ["198.51.100.0", 24], ["203.0.113.0", 24], ["224.0.0.0", 4], ["240.0.0.0", 4],
];
// IPv6 is allowed only inside global unicast (2000::/3), minus its special-purpose blocks.
const BLOCKED_V6: Array<[string, number]> = [
  ["2001::", 23], ["2001:db8::", 32], ["2002::", 16], ["3fff::", 20],
];

const v4 = new net.BlockList();
for (const [address, prefix] of BLOCKED_V4) v4.addSubnet(address, prefix, "ipv4");
const v6 = new net.BlockList();
for (const [address, prefix] of BLOCKED_V6) v6.addSubnet(address, prefix, "ipv6");
const globalUnicast = new net.BlockList();
globalUnicast.addSubnet("2000::", 3, "ipv6");

/** Expands "::ffff:127.0.0.1" or "::ffff:7f00:1" (and NAT64 64:ff9b::/96) to the IPv4 address inside, if any. */
export function embeddedIPv4(address: string): string | null {
  const lower = address.toLowerCase();
  const dotted = lower.match(/^(?:::ffff:(?:0:)?|64:ff9b::)(\d+\.\d+\.\d+\.\d+)$/);
  if (dotted) return dotted[1];
  const hex = lower.match(/^(?:::ffff:(?:0:)?|64:ff9b::)([0-9a-f]{1,4}):([0-9a-f]{1,4})$/);
  if (hex) {
    const hi = parseInt(hex[1], 16);
    const lo = parseInt(hex[2], 16);
    return `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;
  }
  return null;
}

export function isPublicAddress(address: string): boolean {
  const family = net.isIP(address);
  if (family === 4) return !v4.check(address, "ipv4");
  if (family !== 6) return false;
  const inner = embeddedIPv4(address);
  // Mapped/translated addresses reach an IPv4 host: judge that host (and refuse the wrapper forms we don't expand).
  if (inner) return isPublicAddress(inner);
  if (/^::ffff:|^64:ff9b:/i.test(address)) return false;
  return globalUnicast.check(address, "ipv6") && !v6.check(address, "ipv6");
}
