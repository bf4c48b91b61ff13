// Shapes the composer's pieces share (client side; requests are checked again by the routes' zod schemas).

/** The lead as the rep sees it in the composer: every field a string, "" when unknown. */
export type LeadFields = {
  firstName: string;
  lastName: string;
  email: string;
  company: string;
  title: string;
  website: string;
};

export const EMPTY_LEAD: LeadFields = { firstName: "", lastName: "", email: "", company: "", title: "", website: "" };

/** A fact the draft may cite. Ids are assigned by the composer ("f1", "f2", …) so they always fit the route's pattern. */
export type ComposerFact = { id: string; claim: string; sourceUrl: string; origin: "research" | "manual" };

/** Field path ("goal", "lead.email", "facts.0.sourceUrl") → messages, as the routes and zod report them. */
export type FieldErrors = Record<string, string[]>;

export type MailboxOption = { id: string; email: string; displayName: string | null };
