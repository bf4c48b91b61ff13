// The draft text format every writer produces: "Subject: …", a blank line, the body, then "Facts used: f1, f3".

export type ParsedDraft = {
  subject: string;
  body: string;
  /** Ids the writer says it relied on, in order, without duplicates (only known ones when a list is given). */
  factIds: string[];
  /** Ids the writer cited that were never supplied: a sign the model made a source up. */
  unknownFactIds: string[];
  /** True once the closing "Facts used:" line has arrived. */
  complete: boolean;
};

const SUBJECT = /^\s*subject\s*:\s*(.*)$/i;
const FACTS_USED = /^\s*facts\s+used\s*:\s*(.*)$/i;

/** Also reads a draft still streaming in: a half-written closing line is hidden rather than shown as body. */
export function parseDraft(text: string, knownFactIds?: readonly string[]): ParsedDraft {
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  let subject = "";
  let start = 0;
  while (start < lines.length && lines[start].trim() === "") start++;
  const subjectMatch = lines[start]?.match(SUBJECT);
  if (subjectMatch) {
    subject = subjectMatch[1].trim();
    start++;
  }

  let end = lines.length;
  let cited: string[] = [];
  let complete = false;
  for (let i = lines.length - 1; i >= start; i--) {
    const line = lines[i];
    if (line.trim() === "") continue;
    const factsMatch = line.match(FACTS_USED);
    if (factsMatch) {
      cited = factsMatch[1].split(/[\s,;]+/).filter((id) => id && !/^none\.?$/i.test(id));
      complete = true;
      end = i;
    } else if (i === lines.length - 1 && isPrefixOfFactsLine(line)) {
      end = i;
    }
    break;
  }

  const unique = [...new Set(cited.map((id) => id.replace(/^\[|[\].]$/g, "")))];
  const known = knownFactIds ? new Set(knownFactIds) : null;
  return {
    subject,
    body: lines.slice(start, end).join("\n").trim(),
    factIds: known ? unique.filter((id) => known.has(id)) : unique,
    unknownFactIds: known ? unique.filter((id) => !known.has(id)) : [],
    complete,
  };
}

function isPrefixOfFactsLine(line: string): boolean {
  const t = line.trim().toLowerCase();
  return t.length >= 2 && "facts used:".startsWith(t);
}

export function formatDraft(draft: { subject: string; body: string; factIds: readonly string[] }): string {
  const facts = draft.factIds.length ? draft.factIds.join(", ") : "none";
  return `Subject: ${draft.subject.trim()}\n\n${draft.body.trim()}\n\nFacts used: ${facts}`;
}
