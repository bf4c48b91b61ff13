// The Leads page's search and filters: a plain GET form, so every filtered view is a shareable URL.
import Link from "next/link";
import { FieldError } from "@/components/form-field-error";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import type { LeadFilter } from "@/lib/leads/lead-filter";
import { LEAD_STATUS_LABEL } from "./lead-status-badge";

type Options = { tags: string[]; fieldKeys: string[]; campaigns: { id: string; name: string }[] };

export function LeadFilters({ filter, errors, options, clearHref }: { filter: LeadFilter; errors: Record<string, string[]>; options: Options; clearHref: string }) {
  return (
    <form role="search" method="get" className="grid gap-3 rounded-lg border p-3 sm:grid-cols-2 lg:grid-cols-[2fr_1fr_1fr_1fr]">
      <div className="grid gap-1 sm:col-span-2 lg:col-span-1">
        <Label htmlFor="lead-q">Search</Label>
        <Input id="lead-q" name="q" type="search" defaultValue={filter.q} placeholder="Name, company, title or email domain" />
        <FieldError messages={errors.q} />
      </div>
      <div className="grid gap-1">
        <Label htmlFor="lead-status">Status</Label>
        <NativeSelect id="lead-status" name="status" defaultValue={filter.status ?? ""}>
          <option value="">Any status</option>
          {Object.entries(LEAD_STATUS_LABEL).map(([value, label]) => <option key={value} value={value}>{label}</option>)}
        </NativeSelect>
        <FieldError messages={errors.status} />
      </div>
      <div className="grid gap-1">
        <Label htmlFor="lead-tag">Tag</Label>
        <NativeSelect id="lead-tag" name="tag" defaultValue={filter.tag ?? ""}>
          <option value="">Any tag</option>
          {[...new Set([...options.tags, ...(filter.tag ? [filter.tag] : [])])].map((t) => <option key={t} value={t}>{t}</option>)}
        </NativeSelect>
      </div>
      <div className="grid gap-1">
        <Label htmlFor="lead-campaign">Campaign</Label>
        <NativeSelect id="lead-campaign" name="campaign" defaultValue={filter.campaignId ?? ""}>
          <option value="">Any campaign</option>
          {options.campaigns.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
        </NativeSelect>
        <FieldError messages={errors.campaignId} />
      </div>
      <div className="grid gap-1">
        <Label htmlFor="lead-field">Custom field</Label>
        <NativeSelect id="lead-field" name="field" defaultValue={filter.field?.key ?? ""}>
          <option value="">No custom field</option>
          {[...new Set([...options.fieldKeys, ...(filter.field ? [filter.field.key] : [])])].map((k) => <option key={k} value={k}>{k}</option>)}
        </NativeSelect>
      </div>
      <div className="grid gap-1">
        <Label htmlFor="lead-field-value">Custom field value</Label>
        <Input id="lead-field-value" name="value" defaultValue={filter.field?.value} placeholder="fintech" />
        <FieldError messages={errors.field} />
      </div>
      <div className="flex items-end gap-2 sm:col-span-2">
        <Button type="submit" size="sm">Apply</Button>
        <Button asChild type="button" variant="ghost" size="sm"><Link href={clearHref}>Clear</Link></Button>
      </div>
    </form>
  );
}
