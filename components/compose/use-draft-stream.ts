"use client";
// The draft as the rep sees it: streamed in by the writer or a rewrite, and editable at any point.
import { useCompletion } from "@ai-sdk/react";
import { useCallback, useState } from "react";
import type { GenerateEmailInput } from "@/lib/ai/generate-email.schema";
import { formatDraft, parseDraft } from "@/lib/ai/parse-draft";
import type { RewriteMode } from "@/lib/ai/rewrite-email.schema";
import type { ComposerFact } from "./composer-types";
import { describeDraftFailure, DraftRequestError, type DraftFailure } from "./draft-request-error";

export type Draft = {
  subject: string;
  body: string;
  /** Fact ids the writer says it used (only once its closing line has arrived). */
  factIds: string[];
  /** Ids the writer cited that were never supplied. */
  unknownFactIds: string[];
};

export type DraftOrigin = {
  /** "open": a saved draft the rep reopened. */
  action: "write" | "regenerate" | RewriteMode | "open";
  /** From the response's x-model-label; null until the answer starts. */
  modelLabel: string | null;
  /** Drafts only; rewrites are never cached. */
  cache: "hit" | "miss" | null;
  /** The rep stopped it part-way. */
  stopped?: boolean;
};

/** The request minus what the hook adds (team, regenerate); shaped like the route's body. */
export type DraftRequest = Pick<GenerateEmailInput, "lead" | "facts" | "goal" | "tone" | "length">;

const EMPTY: Draft = { subject: "", body: "", factIds: [], unknownFactIds: [] };

export function useDraftStream({
  teamSlug,
  facts,
  leadEmail,
  onFinish,
}: {
  teamSlug: string;
  facts: readonly ComposerFact[];
  /** Sent with a rewrite so the saved rewrite knows who it is for. */
  leadEmail?: string;
  /** After a stream ends (the server has kept the draft among the rep's saved drafts). */
  onFinish?: () => void;
}) {
  const [committed, setCommitted] = useState<Draft>(EMPTY);
  // Which stream the draft is following; null once the rep has taken it over by editing.
  const [follow, setFollow] = useState<"write" | "rewrite" | null>(null);
  // The rep may retitle while the body is still arriving.
  const [subjectOverride, setSubjectOverride] = useState<string | null>(null);
  const [origin, setOrigin] = useState<DraftOrigin | null>(null);
  const [failure, setFailure] = useState<DraftFailure | null>(null);
  // The hook still holds the previous answer until the new request clears it; never show that as the new one.
  const [previousText, setPreviousText] = useState<string | null>(null);

  const checkedFetch = useCallback<typeof fetch>(async (input, init) => {
    const res = await fetch(input, init);
    if (!res.ok) throw await DraftRequestError.fromResponse(res);
    const cache = res.headers.get("x-cache");
    setOrigin((o) => o && { ...o, modelLabel: res.headers.get("x-model-label"), cache: cache === "hit" || cache === "miss" ? cache : null });
    return res;
  }, []);
  const onError = useCallback((error: Error) => setFailure(describeDraftFailure(error)), []);

  const writer = useCompletion({ api: "/api/ai/generate-email", streamProtocol: "text", body: { team: teamSlug }, fetch: checkedFetch, onError, onFinish });
  const rewriter = useCompletion({ api: "/api/ai/rewrite-email", streamProtocol: "text", body: { team: teamSlug }, fetch: checkedFetch, onError, onFinish });

  const busy = writer.isLoading || rewriter.isLoading;
  const liveText = follow === "write" ? writer.completion : follow === "rewrite" ? rewriter.completion : "";
  const following = follow !== null && (busy || liveText.trim() !== "");
  // Until the new answer's first words arrive (or if it fails first), the draft it started from stays in place.
  const arrived = following && liveText.trim() !== "" && !(busy && liveText === previousText);
  const live = arrived ? parseDraft(liveText, facts.map((f) => f.id)) : null;
  const draft: Draft = live
    ? { subject: subjectOverride ?? live.subject, body: live.body, factIds: live.factIds, unknownFactIds: live.unknownFactIds }
    : committed;

  function start(action: DraftOrigin["action"], stream: "write" | "rewrite", from: Draft) {
    setFailure(null);
    setSubjectOverride(null);
    setCommitted(from);
    setFollow(stream);
    setPreviousText(stream === "write" ? writer.completion : rewriter.completion);
    setOrigin({ action, modelLabel: null, cache: null });
  }

  function write(request: DraftRequest, { regenerate = false } = {}) {
    if (busy) return;
    // The current draft stays until the first new words arrive, so a refused request loses nothing.
    start(regenerate ? "regenerate" : "write", "write", draft);
    void writer.complete(request.goal, { body: { ...request, regenerate } });
  }

  function rewrite(mode: RewriteMode) {
    if (busy || !draft.body.trim()) return;
    start(mode, "rewrite", draft);
    const cited = facts.map(({ id, claim, sourceUrl }) => ({ id, claim, sourceUrl }));
    void rewriter.complete("", { body: { mode, draft: formatDraft(draft), facts: cited, leadEmail: leadEmail?.trim() || undefined } });
  }

  /** Puts a saved draft in the editor, as if the rep had typed it (no stream follows it). */
  function load(saved: { subject: string; body: string; factIds: readonly string[]; modelLabel: string }) {
    if (busy) return;
    const known = new Set(facts.map((f) => f.id));
    setFailure(null);
    setFollow(null);
    setSubjectOverride(null);
    setPreviousText(null);
    setCommitted({ subject: saved.subject, body: saved.body, factIds: saved.factIds.filter((id) => known.has(id)), unknownFactIds: [] });
    setOrigin({ action: "open", modelLabel: saved.modelLabel, cache: null });
  }

  const { stop: stopWriter } = writer;
  const { stop: stopRewriter } = rewriter;
  /** Stops the stream and keeps every word that arrived. */
  const stop = useCallback(() => {
    stopWriter();
    stopRewriter();
    setOrigin((o) => o && { ...o, stopped: true });
  }, [stopWriter, stopRewriter]);

  function edit(field: "subject" | "body", value: string) {
    if (following && field === "subject" && busy) {
      setSubjectOverride(value);
      setCommitted((d) => ({ ...d, subject: value })); // shown until the first words arrive
      return;
    }
    if (following) {
      // Typing in the body takes it over from the writer: stop it rather than write over the rep's words.
      if (busy) stop();
      setFollow(null);
      setSubjectOverride(null);
      setPreviousText(null);
    }
    setCommitted({ ...draft, [field]: value });
  }

  const streaming = busy ? (follow === "rewrite" ? "rewrite" : "write") : null;
  return { draft, origin, failure, streaming, write, rewrite, stop, edit, load } as const;
}
