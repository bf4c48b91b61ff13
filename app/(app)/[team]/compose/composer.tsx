"use client";
// The composer: brief on the left (lead, facts, goal), the streamed draft with its score, claims and send on the right.
import { CircleAlert, RotateCcw, Sparkles, Square } from "lucide-react";
import { useRouter } from "next/navigation";
import { useDeferredValue, useEffect, useMemo, useRef, useState, type FormEvent, type KeyboardEvent } from "react";
import { analyseClaims } from "@/components/compose/analyse-claims";
import { BriefFields } from "@/components/compose/brief-fields";
import { ClaimsPanel } from "@/components/compose/claims-panel";
import { leadFields, leadOptionLabel, recipientVariableValues, researchFacts, researchNote, type SavedLead } from "@/components/compose/composer-leads";
import { EMPTY_LEAD, type ComposerFact, type FieldErrors, type LeadFields, type MailboxOption } from "@/components/compose/composer-types";
import { DraftEditor } from "@/components/compose/draft-editor";
import { FactsEditor, MAX_FACTS } from "@/components/compose/facts-editor";
import { LeadPicker } from "@/components/compose/lead-picker";
import { RecentDraftsPanel, type RecentDraft } from "@/components/compose/recent-drafts-panel";
import { ScorePanel } from "@/components/compose/score-panel";
import { useDraftStream, type DraftRequest } from "@/components/compose/use-draft-stream";
import { useSecondsUntil } from "@/components/compose/use-seconds-until";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { generateEmailInputSchema, type EmailLength, type EmailTone } from "@/lib/ai/generate-email.schema";
import { scoreEmail } from "@/lib/ai/score-email";
import { SaveDraftPanel, type SequenceOption } from "@/components/compose/save-draft-panel";
import { addDraftToSequenceAction, deleteEmailDraftAction, saveDraftAsTemplateAction } from "./actions";
import { SendNowForm } from "./send-now-form";

const FIELD_IDS: Record<string, string> = { goal: "compose-goal", facts: "compose-fact-claim" };
/** Errors the brief shows beside a field; any other (tone, language, team) is listed in the error box. */
const shownBesideField = (key: string) => key === "goal" || key === "facts" || key.startsWith("facts.") || key.startsWith("lead.");

function fieldErrorsOf(issues: readonly { path: readonly PropertyKey[]; message: string }[]): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of issues) (out[issue.path.map(String).join(".") || "_"] ??= []).push(issue.message);
  return out;
}

export function Composer({
  teamSlug,
  leads,
  mailboxes,
  configuredModel,
  senderName,
  sequences,
  recentDrafts,
}: {
  teamSlug: string;
  leads: SavedLead[];
  mailboxes: MailboxOption[];
  configuredModel: string;
  senderName: string | null;
  sequences: SequenceOption[];
  /** The rep's latest saved drafts, newest first. */
  recentDrafts: RecentDraft[];
}) {
  const [leadId, setLeadId] = useState("");
  const [lead, setLead] = useState<LeadFields>(EMPTY_LEAD);
  const [facts, setFacts] = useState<ComposerFact[]>([]);
  const [researchTotal, setResearchTotal] = useState(0);
  // Only ever grows, so a removed fact's id is never reused for a different fact.
  const [nextFactNo, setNextFactNo] = useState(1);
  const [goal, setGoal] = useState("");
  const [tone, setTone] = useState<EmailTone>("friendly");
  const [length, setLength] = useState<EmailLength>("short");
  const [briefErrors, setBriefErrors] = useState<FieldErrors | undefined>();
  const draftCardRef = useRef<HTMLDivElement>(null);

  const router = useRouter();
  // A finished draft has been saved on the server: reload the page's data so "Recent drafts" lists it.
  const stream = useDraftStream({ teamSlug, facts, leadEmail: lead.email, onFinish: () => router.refresh() });
  const { draft, failure, streaming } = stream;
  const waitSeconds = useSecondsUntil(failure?.retryAt);
  const errors = briefErrors ?? failure?.fields;

  const picked = leads.find((l) => l.id === leadId);
  const options = useMemo(() => leads.map((l) => ({ id: l.id, label: leadOptionLabel(l) })), [leads]);

  function pickLead(id: string) {
    setLeadId(id);
    const found = leads.find((l) => l.id === id);
    const research = found ? researchFacts(found, MAX_FACTS) : { facts: [], total: 0 };
    setLead(found ? leadFields(found) : EMPTY_LEAD);
    setFacts(research.facts);
    setResearchTotal(research.total);
    setNextFactNo(research.facts.length + 1);
  }

  function addFact(fact: { claim: string; sourceUrl: string }) {
    setFacts((fs) => [...fs, { id: `f${nextFactNo}`, ...fact, origin: "manual" }]);
    setNextFactNo((n) => n + 1);
  }

  function write(regenerate = false) {
    if (streaming || waitSeconds > 0) return;
    const clean = (v: string) => v.trim() || undefined;
    const request: DraftRequest = {
      lead: { firstName: clean(lead.firstName), lastName: clean(lead.lastName), email: clean(lead.email), company: clean(lead.company), title: clean(lead.title), website: clean(lead.website) },
      facts: facts.map(({ id, claim, sourceUrl }) => ({ id, claim, sourceUrl })),
      goal,
      tone,
      length,
    };
    // The route's own schema, checked here first so mistakes show at once, beside the field.
    const checked = generateEmailInputSchema.safeParse(request);
    if (!checked.success) {
      const found = fieldErrorsOf(checked.error.issues);
      setBriefErrors(found);
      const first = Object.keys(found)[0] ?? "";
      const id = FIELD_IDS[first.split(".")[0]] ?? (first.startsWith("lead.") ? `compose-lead-${first.slice(5)}` : undefined);
      if (id) document.getElementById(id)?.focus();
      return;
    }
    setBriefErrors(undefined);
    stream.write(request, { regenerate });
    bringDraftIntoView();
  }

  function openSaved(saved: RecentDraft) {
    stream.load(saved);
    bringDraftIntoView();
  }

  function bringDraftIntoView() {
    // On a phone the draft sits below the brief (on a desktop it may be scrolled away): bring it into view.
    const top = draftCardRef.current?.getBoundingClientRect().top;
    if (top !== undefined && (top < 0 || top > window.innerHeight * 0.6)) {
      const still = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
      draftCardRef.current?.scrollIntoView({ behavior: still ? "auto" : "smooth", block: "start" });
    }
  }

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    write();
  }

  function onBriefKeyDown(e: KeyboardEvent) {
    if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      write();
    }
  }

  // Esc stops the writer from anywhere on the page.
  const { stop } = stream;
  useEffect(() => {
    if (!streaming) return;
    const onKey = (e: globalThis.KeyboardEvent) => {
      if (e.key === "Escape" && !e.defaultPrevented) stop();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [streaming, stop]);

  // Scoring and claim checks run on every keystroke and streamed word; deferring keeps typing smooth.
  const subject = useDeferredValue(draft.subject);
  const body = useDeferredValue(draft.body);
  const hasDraft = subject.trim() !== "" || body.trim() !== "";
  const score = useMemo(
    () => (hasDraft ? scoreEmail({ subject, body, lead: { firstName: lead.firstName, company: lead.company }, facts }) : null),
    [hasDraft, subject, body, lead.firstName, lead.company, facts],
  );
  const claims = useMemo(() => analyseClaims({ subject, body, facts, lead, goal, senderName }), [subject, body, facts, lead, goal, senderName]);

  return (
    <div className="grid gap-6 xl:grid-cols-[minmax(0,23rem)_minmax(0,1fr)] xl:items-start">
      <div className="grid min-w-0 gap-6">
        <form onSubmit={onSubmit} onKeyDown={onBriefKeyDown} noValidate aria-label="Brief for the email" className="grid min-w-0 gap-6">
          <Card className="gap-4">
            <CardHeader>
              <CardTitle role="heading" aria-level={2}>Lead</CardTitle>
            </CardHeader>
            <CardContent>
              <LeadPicker
                options={options}
                selectedId={leadId}
                onPick={pickLead}
                fields={lead}
                onFieldChange={(name, value) => setLead((l) => ({ ...l, [name]: value }))}
                errors={errors}
                leadsHref={`/${teamSlug}/leads`}
              />
            </CardContent>
          </Card>
          <Card className="gap-4">
            <CardHeader>
              <CardTitle role="heading" aria-level={2}>Research facts</CardTitle>
              <CardDescription>The writer cites only these, each with its source.</CardDescription>
            </CardHeader>
            <CardContent>
              <FactsEditor
                facts={facts}
                onAdd={addFact}
                onRemove={(id) => setFacts((fs) => fs.filter((f) => f.id !== id))}
                errors={errors}
                note={researchNote(picked, facts.filter((f) => f.origin === "research").length, researchTotal)}
              />
            </CardContent>
          </Card>
          <Card className="gap-4">
            <CardHeader>
              <CardTitle role="heading" aria-level={2}>Brief</CardTitle>
            </CardHeader>
            <CardContent className="grid gap-4">
              <BriefFields goal={goal} tone={tone} length={length} onGoal={setGoal} onTone={setTone} onLength={setLength} errors={errors} />
              <div className="flex flex-wrap items-center gap-2">
                {streaming ? (
                  <Button key="stop" type="button" variant="destructive" onClick={stream.stop}>
                    <Square aria-hidden="true" /> Stop
                  </Button>
                ) : (
                  <Button key="write" type="submit" disabled={waitSeconds > 0} aria-keyshortcuts="Control+Enter Meta+Enter">
                    <Sparkles aria-hidden="true" /> Write
                  </Button>
                )}
                <Button type="button" variant="outline" onClick={() => write(true)} disabled={streaming !== null || !draft.body.trim() || waitSeconds > 0}>
                  <RotateCcw aria-hidden="true" /> Regenerate
                </Button>
                <span className="text-xs text-muted-foreground">
                  <kbd className="rounded border px-1 font-sans">Ctrl</kbd>/<kbd className="rounded border px-1 font-sans">⌘</kbd>+<kbd className="rounded border px-1 font-sans">Enter</kbd> writes
                </span>
              </div>
            </CardContent>
          </Card>
        </form>
        {/* Outside the brief's form: the delete confirmation holds a form of its own. */}
        <Card className="gap-4">
          <CardHeader>
            <CardTitle role="heading" aria-level={2}>Recent drafts</CardTitle>
            <CardDescription>Your latest drafts, newest first, kept as they were written. Open one to edit it again.</CardDescription>
          </CardHeader>
          <CardContent>
            <RecentDraftsPanel
              drafts={recentDrafts}
              onOpen={openSaved}
              deleteDraft={deleteEmailDraftAction.bind(null, teamSlug)}
              disabled={streaming !== null}
            />
          </CardContent>
        </Card>
      </div>

      <div className="grid min-w-0 gap-6">
        <Card ref={draftCardRef} className="scroll-mt-20 gap-4">
          <CardHeader>
            <CardTitle role="heading" aria-level={2}>Draft</CardTitle>
          </CardHeader>
          <CardContent className="grid gap-4">
            {failure ? (
              <Alert variant="destructive" data-testid="draft-error">
                <CircleAlert aria-hidden="true" />
                <AlertDescription>
                  <p>{failure.message}</p>
                  {Object.entries(failure.fields ?? {})
                    .filter(([key]) => !shownBesideField(key))
                    .map(([key, messages]) => (
                      <p key={key}>{key}: {messages.join(" ")}</p>
                    ))}
                  {waitSeconds > 0 ? <p>You can write again in {waitSeconds} {waitSeconds === 1 ? "second" : "seconds"}.</p> : null}
                </AlertDescription>
              </Alert>
            ) : null}
            <DraftEditor draft={draft} onEdit={stream.edit} onRewrite={stream.rewrite} onStop={stream.stop} streaming={streaming} origin={stream.origin} configuredModel={configuredModel} />
          </CardContent>
        </Card>
        <div className="grid gap-6 lg:grid-cols-2 xl:grid-cols-1">
          <Card className="gap-4">
            <CardHeader>
              <CardTitle role="heading" aria-level={2}>Score</CardTitle>
              <CardDescription>Checked as you type; fix what costs points.</CardDescription>
            </CardHeader>
            <CardContent>
              <ScorePanel result={score} />
            </CardContent>
          </Card>
          <Card className="gap-4">
            <CardHeader>
              <CardTitle role="heading" aria-level={2}>Claims</CardTitle>
              <CardDescription>What the draft says about them, and whether a fact backs it.</CardDescription>
            </CardHeader>
            <CardContent>
              <ClaimsPanel analysis={claims} facts={facts} citedIds={draft.factIds} unknownIds={draft.unknownFactIds} hasDraft={hasDraft} />
            </CardContent>
          </Card>
        </div>
        <Card className="gap-4">
          <CardHeader>
            <CardTitle role="heading" aria-level={2}>Send now</CardTitle>
            <CardDescription>One email to this lead, through your sending limits and suppression list.</CardDescription>
          </CardHeader>
          <CardContent>
            <SendNowForm
              teamSlug={teamSlug}
              mailboxes={mailboxes}
              to={lead.email}
              subject={draft.subject}
              body={draft.body}
              recipientValues={recipientVariableValues(leads, lead.email)}
              unsupportedClaims={claims.flags.map((f) => f.sentence)}
              streaming={streaming !== null}
            />
          </CardContent>
        </Card>
        <Card className="gap-4">
          <CardHeader>
            <CardTitle role="heading" aria-level={2}>Keep for later</CardTitle>
            <CardDescription>Save this subject and body as a team template, or as the next step of a sequence.</CardDescription>
          </CardHeader>
          <CardContent>
            <SaveDraftPanel
              teamSlug={teamSlug}
              subject={draft.subject}
              body={draft.body}
              sequences={sequences}
              saveTemplate={saveDraftAsTemplateAction.bind(null, teamSlug)}
              addToSequence={addDraftToSequenceAction.bind(null, teamSlug)}
              disabled={streaming !== null || !draft.body.trim()}
            />
          </CardContent>
        </Card>
      </div>
    </div>
  );
}
