/** Mail from the mailbox itself (its Sent copies, notes to self) is never a reply. */
export function isOwnAddress(address: string | null | undefined, ownAddress: string): boolean {
  return !!address && address.trim().toLowerCase() === ownAddress.trim().toLowerCase();
}
