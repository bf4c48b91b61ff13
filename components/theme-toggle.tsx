"use client";

import * as React from "react";
import { MoonIcon, SunIcon } from "lucide-react";
import { useTheme } from "next-themes";

import { Button } from "@/components/ui/button";

const order = ["light", "dark", "system"] as const;
type ThemeChoice = (typeof order)[number];

const noopSubscribe = () => () => {};

// The stored theme is only known in the browser; reading it during the server render or hydration
// would produce a mismatch, so anything that depends on it waits until after hydration.
function useHydrated() {
  return React.useSyncExternalStore(
    noopSubscribe,
    () => true,
    () => false,
  );
}

function nextTheme(current: string | undefined): ThemeChoice {
  const index = order.indexOf((current ?? "system") as ThemeChoice);
  return order[(index + 1) % order.length];
}

/** Cycles light → dark → system. The icon follows the `.dark` class via CSS, so it never mismatches. */
export function ThemeToggle() {
  const { theme, setTheme } = useTheme();
  const hydrated = useHydrated();

  const current = hydrated ? (theme ?? "system") : undefined;
  const title = current ? `Theme: ${current} (switch to ${nextTheme(current)})` : undefined;

  return (
    <Button
      type="button"
      variant="ghost"
      size="icon"
      aria-label="Toggle theme"
      title={title}
      onClick={() => setTheme(nextTheme(theme))}
    >
      <SunIcon className="size-[1.2rem] scale-100 rotate-0 transition-all dark:scale-0 dark:-rotate-90" />
      <MoonIcon className="absolute size-[1.2rem] scale-0 rotate-90 transition-all dark:scale-100 dark:rotate-0" />
      <span className="sr-only">Toggle theme</span>
    </Button>
  );
}
