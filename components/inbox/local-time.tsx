"use client";
// A time in the reader's own time zone. The server renders UTC (it cannot know the zone); the browser re-formats.
import { useEffect, useState } from "react";

export function LocalTime({ iso, mode = "datetime" }: { iso: string; mode?: "datetime" | "short" }) {
  const [text, setText] = useState(() => `${iso.replace("T", " ").slice(0, 16)} UTC`);
  useEffect(() => {
    const d = new Date(iso);
    const sameDay = d.toDateString() === new Date().toDateString();
    const format: Intl.DateTimeFormatOptions =
      mode === "short" && sameDay ? { hour: "2-digit", minute: "2-digit" } : mode === "short" ? { month: "short", day: "numeric" } : { dateStyle: "medium", timeStyle: "short" };
    setText(new Intl.DateTimeFormat(undefined, format).format(d));
  }, [iso, mode]);
  return <time dateTime={iso} title={iso} suppressHydrationWarning>{text}</time>;
}
