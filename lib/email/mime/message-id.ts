// Our own RFC 5322 Message-IDs: chosen before the first attempt and stored, so every retry sends the same one.
import { randomUUID } from "node:crypto";

/** The domain part of an address, lower-cased: the right-hand side of our Message-IDs. */
export function sendingDomain(address: string): string {
  const at = address.lastIndexOf("@");
  const domain = at >= 0 ? address.slice(at + 1).trim().toLowerCase() : "";
  return /^[a-z0-9.-]+$/.test(domain) && domain.includes(".") ? domain : "localhost";
}

export function newMessageId(fromAddress: string): string {
  return `<${randomUUID()}@${sendingDomain(fromAddress)}>`;
}

export const MESSAGE_ID = /^<[^<>\s@]+@[^<>\s@]+>$/;
