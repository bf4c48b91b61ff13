"use client";
// Name, subject and body of a team template, with variables, a live preview against a lead, and the score.
import { useActionState, useState } from "react";
import { InsertVariableMenu } from "@/components/compose/insert-variable-menu";
import { FieldError } from "@/components/form-field-error";
import { submitWithoutReset } from "@/components/submit-without-reset";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Textarea } from "@/components/ui/textarea";
import type { ActionState } from "@/lib/auth/team-action";
import type { PreviewLeadOption } from "@/lib/templates/preview-template";
import { TemplatePreview, type PreviewAction } from "./template-preview";
import { useInsertAtCursor } from "./use-insert-at-cursor";

type Saved = { id: string; name: string };

export function TemplateForm({
  template,
  leads,
  saveAction,
  previewAction,
  readOnly = false,
}: {
  template?: { id: string; name: string; subject: string; body: string };
  leads: PreviewLeadOption[];
  saveAction: (prev: ActionState<Saved>, formData: FormData) => Promise<ActionState<Saved>>;
  previewAction: PreviewAction;
  readOnly?: boolean;
}) {
  const [state, action, pending] = useActionState(saveAction, undefined);
  const [text, setText] = useState({ subject: template?.subject ?? "", body: template?.body ?? "" });
  const set = (field: "subject" | "body", value: string) => setText((t) => ({ ...t, [field]: value }));
  const { bind, insert } = useInsertAtCursor<"subject" | "body">("body", (f) => text[f], set);
  const fields = state && !state.ok ? state.fields : undefined;

  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_minmax(0,22rem)] lg:items-start">
      <Card>
        <CardHeader>
          <CardTitle role="heading" aria-level={2}>Template</CardTitle>
          <CardDescription>
            Variables like {"{{first_name|there}}"} are filled from each lead (the text after “|” is used when the lead has no value);
            spintax like {"{Hi|Hello}"} picks one option per email.
          </CardDescription>
        </CardHeader>
        <CardContent>
          <form onSubmit={submitWithoutReset(action)} noValidate className="grid gap-4" aria-label="Template">
            {template ? <input type="hidden" name="templateId" value={template.id} /> : null}
            <div className="grid gap-1.5">
              <Label htmlFor="template-name">Name</Label>
              <Input id="template-name" name="name" defaultValue={template?.name} maxLength={100} disabled={readOnly} aria-invalid={!!fields?.name} aria-describedby="template-name-error" />
              <FieldError id="template-name-error" messages={fields?.name} />
            </div>
            <div className="grid gap-1.5">
              <Label htmlFor="template-subject">Subject</Label>
              <Input id="template-subject" name="subject" value={text.subject} onChange={(e) => set("subject", e.target.value)} {...bind("subject")} disabled={readOnly} aria-invalid={!!fields?.subject} aria-describedby="template-subject-error" />
              <FieldError id="template-subject-error" messages={fields?.subject} />
            </div>
            <div className="grid gap-1.5">
              <div className="flex items-end justify-between gap-2">
                <Label htmlFor="template-body">Body</Label>
                <InsertVariableMenu onInsert={insert} disabled={readOnly} />
              </div>
              <Textarea id="template-body" name="body" rows={12} value={text.body} onChange={(e) => set("body", e.target.value)} {...bind("body")} disabled={readOnly} aria-invalid={!!fields?.body} aria-describedby="template-body-error" />
              <FieldError id="template-body-error" messages={fields?.body} />
            </div>
            {readOnly ? null : (
              <div className="flex flex-wrap items-center gap-3">
                <Button type="submit" disabled={pending}>{pending ? "Saving…" : template ? "Save changes" : "Create template"}</Button>
                <span role="status" className="text-sm">
                  {state?.ok ? <span className="text-emerald-700 dark:text-emerald-400">Saved “{state.data.name}”.</span> : null}
                  {state && !state.ok ? <span className="text-destructive">{state.error}</span> : null}
                </span>
              </div>
            )}
          </form>
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle role="heading" aria-level={2}>Preview</CardTitle>
          <CardDescription>Rendered exactly as a send would.</CardDescription>
        </CardHeader>
        <CardContent>
          <TemplatePreview subject={text.subject} body={text.body} leads={leads} preview={previewAction} />
        </CardContent>
      </Card>
    </div>
  );
}
