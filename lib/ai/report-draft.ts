// Hands a finished draft to its onDraft callback off the stream's path: a failing save is logged, never streamed.
export type FinishedDraft = { text: string; cache: "hit" | "miss"; model: { label: string; kind: string; id: string } };

export function reportDraft<D extends FinishedDraft>(
  onDraft: ((draft: D) => void | Promise<void>) | undefined,
  draft: D,
  context: { teamId?: string; task: string },
): void {
  if (!onDraft) return;
  Promise.resolve()
    .then(() => onDraft(draft))
    .catch((error: unknown) => console.error(`[ai] ${context.task}: onDraft failed`, { teamId: context.teamId, error }));
}
