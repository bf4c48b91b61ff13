"use client";

import { CheckIcon, ChevronsUpDownIcon } from "lucide-react";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";

export type TeamOption = { slug: string; name: string; role: string };

export function TeamSwitcher({ current, teams }: { current: TeamOption; teams: TeamOption[] }) {
  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <Button variant="outline" className="w-full justify-between" aria-label="Switch team">
          <span className="truncate">{current.name}</span>
          <ChevronsUpDownIcon className="opacity-50" />
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="start" className="w-60">
        <DropdownMenuLabel>Your teams</DropdownMenuLabel>
        {teams.map((team) => (
          <DropdownMenuItem key={team.slug} asChild>
            <Link href={`/${team.slug}/dashboard`} className="flex items-center justify-between gap-2">
              <span className="truncate">{team.name}</span>
              {team.slug === current.slug ? <CheckIcon className="size-4" aria-label="Current team" /> : <span className="text-xs text-muted-foreground">{team.role}</span>}
            </Link>
          </DropdownMenuItem>
        ))}
        <DropdownMenuSeparator />
        <DropdownMenuItem asChild>
          <Link href={`/${current.slug}/team`}>Manage team</Link>
        </DropdownMenuItem>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
