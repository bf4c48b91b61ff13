import { LogOutIcon } from "lucide-react";
import { signOutAction } from "@/app/(auth)/sign-out-action";
import { Avatar, AvatarFallback } from "@/components/ui/avatar";
import { Button } from "@/components/ui/button";

export function UserMenu({ email, name }: { email: string; name?: string | null }) {
  const initials = (name || email).slice(0, 2).toUpperCase();
  return (
    <div className="flex items-center gap-2">
      <Avatar className="size-8">
        <AvatarFallback className="text-xs">{initials}</AvatarFallback>
      </Avatar>
      <span className="hidden max-w-48 truncate text-sm text-muted-foreground sm:inline" data-testid="signed-in-as">
        {email}
      </span>
      <form action={signOutAction}>
        <Button type="submit" variant="ghost" size="icon" aria-label="Sign out" title="Sign out">
          <LogOutIcon />
        </Button>
      </form>
    </div>
  );
}
