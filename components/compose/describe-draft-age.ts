// "5 min ago" for a saved draft, worked out on the server so the page renders the same text the browser shows.
export function describeDraftAge(createdAt: Date, now: number): string {
  const minutes = Math.floor((now - createdAt.getTime()) / 60_000);
  if (minutes < 1) return "just now";
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours} h ago`;
  const days = Math.floor(hours / 24);
  if (days < 7) return `${days} d ago`;
  return createdAt.toISOString().slice(0, 10);
}
