// Small text measures shared by the scorer, the claim checker and the offline writer (English-oriented).

const ABBREVIATIONS = new Set([
  "mr", "mrs", "ms", "dr", "prof", "inc", "ltd", "co", "corp", "llc", "st", "vs", "etc", "e.g", "i.e", "no", "approx",
  "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "u.s", "u.k",
]);

export const STOPWORDS = new Set(
  (
    "a an the and or but if then than so of to in on at by for with from into onto over under about as is are was were be been being " +
    "am do does did has have had having it its it's this that these those there here their them they we our us you your yours i me my " +
    "he she his her him who whom which what when where why how all any some each more most other such no nor not only own same too very " +
    "can could should would will shall may might must just also now up out off again further once both few s t don't can't won't " +
    "i'm i've i'd you're you've we're we've let's hi hello hey thanks thank regards best cheers dear"
  ).split(/\s+/),
);

/** Words as a reader counts them: runs of letters/digits, keeping inner apostrophes, hyphens, dots and commas ($1.5M, 2,000). */
export function words(text: string): string[] {
  return text.match(/[\p{L}\p{N}$€£%]+(?:['’.,\-][\p{L}\p{N}%]+)*/gu) ?? [];
}

export function countWords(text: string): number {
  return words(text).length;
}

/** Sentences, split on . ! ? and line breaks, without breaking after common abbreviations or inside numbers. */
export function splitSentences(text: string): string[] {
  const out: string[] = [];
  for (const line of text.replace(/\r\n?/g, "\n").split(/\n+/)) {
    let current = "";
    const parts = line.split(/(?<=[.!?…])\s+/);
    for (const part of parts) {
      current = current ? `${current} ${part}` : part;
      const lastWord = current.match(/([\p{L}.]+)\.$/u)?.[1]?.toLowerCase();
      if (lastWord && ABBREVIATIONS.has(lastWord)) continue;
      if (current.trim()) out.push(current.trim());
      current = "";
    }
    if (current.trim()) out.push(current.trim());
  }
  return out;
}

/** A crude stem: enough for "hiring" to meet "hires" and "launched" to meet "launch". */
export function stem(word: string): string {
  let w = word.toLowerCase().replace(/['’]s$/, "");
  if (w.length > 5 && w.endsWith("ing")) w = w.slice(0, -3);
  else if (w.length > 4 && w.endsWith("ied")) w = `${w.slice(0, -3)}y`;
  else if (w.length > 4 && w.endsWith("ed")) w = w.slice(0, -2);
  else if (w.length > 4 && w.endsWith("es")) w = w.slice(0, -2);
  else if (w.length > 3 && w.endsWith("s") && !w.endsWith("ss")) w = w.slice(0, -1);
  if (w.length > 4 && w.endsWith("e")) w = w.slice(0, -1);
  return w;
}

/** Stemmed words that carry meaning (no stopwords), for overlap between a sentence and a fact. */
export function contentTokens(text: string): Set<string> {
  const out = new Set<string>();
  for (const w of words(text)) {
    const lower = w.toLowerCase().replace(/[.,]$/, "");
    if (STOPWORDS.has(lower)) continue;
    out.add(/\d/.test(lower) ? lower.replace(/,/g, "") : stem(lower));
  }
  return out;
}

/** Syllables by vowel groups with the usual English corrections; good enough for a reading grade. */
export function countSyllables(word: string): number {
  const w = word.toLowerCase().replace(/[^a-z]/g, "");
  if (!w) return 0;
  if (w.length <= 3) return 1;
  const trimmed = w.replace(/(?:[^laeiouy]es|[^laeiouy]ed|[^laeiouy]e)$/, "").replace(/^y/, "");
  const groups = trimmed.match(/[aeiouy]{1,2}/g);
  return Math.max(1, groups?.length ?? 1);
}

/** Flesch–Kincaid grade level of a text. */
export function readingGrade(text: string): number {
  const sentenceCount = Math.max(1, splitSentences(text).length);
  const ws = words(text).filter((w) => /\p{L}/u.test(w));
  if (ws.length === 0) return 0;
  const syllables = ws.reduce((sum, w) => sum + countSyllables(w), 0);
  return 0.39 * (ws.length / sentenceCount) + 11.8 * (syllables / ws.length) - 15.59;
}
