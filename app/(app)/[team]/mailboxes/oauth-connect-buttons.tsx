// "Connect Gmail" / "Connect Outlook": plain links to the OAuth start route (a full navigation, never prefetched,
// since following it sets the attempt's cookie). Disabled with a hint when the server has no client for it.
import { buttonVariants } from "@/components/ui/button";

const PROVIDERS = [
  { provider: "gmail", label: "Connect Gmail", env: "AUTH_GOOGLE_ID and AUTH_GOOGLE_SECRET" },
  { provider: "outlook", label: "Connect Outlook", env: "AUTH_MICROSOFT_ENTRA_ID_ID and AUTH_MICROSOFT_ENTRA_ID_SECRET" },
] as const;

export function OAuthConnectButtons({ teamSlug, gmailConfigured, outlookConfigured }: { teamSlug: string; gmailConfigured: boolean; outlookConfigured: boolean }) {
  const configured = { gmail: gmailConfigured, outlook: outlookConfigured };
  return (
    <div className="grid gap-3 sm:grid-cols-2">
      {PROVIDERS.map((p) =>
        configured[p.provider] ? (
          <div key={p.provider}>
            <a href={`/api/mailboxes/oauth/${p.provider}/start?team=${encodeURIComponent(teamSlug)}`} className={buttonVariants({ variant: "outline" })} data-testid={`connect-${p.provider}`}>
              {p.label}
            </a>
          </div>
        ) : (
          <div key={p.provider} className="grid gap-1">
            <span aria-disabled="true" className={buttonVariants({ variant: "outline", className: "pointer-events-none w-fit opacity-50" })} data-testid={`connect-${p.provider}`}>
              {p.label}
            </span>
            <p className="text-xs text-muted-foreground">Not set up on this server: set {p.env}.</p>
          </div>
        ),
      )}
    </div>
  );
}
