// What a caller may ask the email writer for: the lead, the research facts it may cite, and the brief.
import { z } from "zod";

const field = (max: number) => z.string().trim().max(max).optional();

export const EMAIL_TONES = ["friendly", "professional", "direct", "casual"] as const;
export const EMAIL_LENGTHS = ["short", "medium", "long"] as const;

/** Word targets per length; every one stays inside the 50–125 words cold emails read best at. */
export const LENGTH_WORDS: Record<(typeof EMAIL_LENGTHS)[number], { min: number; max: number }> = {
  short: { min: 50, max: 80 },
  medium: { min: 70, max: 105 },
  long: { min: 95, max: 125 },
};

export const emailLeadSchema = z.object({
  firstName: field(100),
  lastName: field(100),
  email: z.email().max(320).optional(),
  company: field(200),
  title: field(200),
  website: field(500),
  city: field(100),
  country: field(100),
});

export const emailFactSchema = z.object({
  // Short ids the model must echo back; the pattern keeps them unambiguous in "Facts used: f1, f2".
  id: z.string().regex(/^[A-Za-z0-9_-]{1,40}$/, "Fact ids are letters, digits, - and _ (up to 40)."),
  claim: z.string().trim().min(3).max(500),
  sourceUrl: z.url({ protocol: /^https?$/ }),
});

export const emailContextSchema = z.object({
  /** A saved template the draft should follow (its variables already filled or left as {{name}}). */
  template: z.string().max(5000).optional(),
  /** 1 = first touch; later steps are same-thread follow-ups. */
  stepNumber: z.number().int().min(1).max(20).optional(),
  previousEmail: z.string().max(5000).optional(),
});

export const generateEmailInputSchema = z.object({
  lead: emailLeadSchema.default({}),
  facts: z
    .array(emailFactSchema)
    .max(20)
    .default([])
    .refine((facts) => new Set(facts.map((f) => f.id)).size === facts.length, "Fact ids must be unique."),
  goal: z.string().trim().min(3, "Say what the email should achieve.").max(500),
  tone: z.enum(EMAIL_TONES).default("friendly"),
  length: z.enum(EMAIL_LENGTHS).default("short"),
  // BCP 47 language tag ("en", "de", "pt-BR").
  language: z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, "Use a language tag such as en or pt-BR.").default("en"),
  sender: z.object({ name: field(100), company: field(200) }).default({}),
  context: emailContextSchema.optional(),
});

export type GenerateEmailInput = z.infer<typeof generateEmailInputSchema>;
export type EmailFact = z.infer<typeof emailFactSchema>;
export type EmailTone = (typeof EMAIL_TONES)[number];
export type EmailLength = (typeof EMAIL_LENGTHS)[number];
