// CEL expressions of the Inngest protocol: trigger `if`, waitForEvent `if` (`event` = the run's trigger,
// `async` = the incoming event), cancelOn, and keys (concurrency, throttle, idempotency …).
import { parse, type ParseResult } from "@marcbachmann/cel-js";

const compiled = new Map<string, ParseResult>();

function compile(expression: string): ParseResult {
  let fn = compiled.get(expression);
  if (!fn) {
    fn = parse(expression);
    if (compiled.size > 1000) compiled.clear();
    compiled.set(expression, fn);
  }
  return fn;
}

/** True when there is no expression or it evaluates to true; a missing field or type error counts as no match. */
export function expressionMatches(expression: string | null | undefined, vars: Record<string, unknown>): boolean {
  if (!expression || !expression.trim()) return true;
  try {
    return compile(expression)(vars) === true;
  } catch {
    return false;
  }
}

/** A key expression's value as a string (null when it cannot be evaluated). */
export function evaluateKey(expression: string, vars: Record<string, unknown>): string | null {
  try {
    const value: unknown = compile(expression)(vars);
    if (value === null || value === undefined) return null;
    if (typeof value === "string") return value;
    if (typeof value === "bigint" || typeof value === "number" || typeof value === "boolean") return String(value);
    return JSON.stringify(value, (_k, v) => (typeof v === "bigint" ? v.toString() : v));
  } catch {
    return null;
  }
}

/** Throws a readable error for an expression that does not parse (used when syncing functions). */
export function assertParses(expression: string): void {
  compile(expression);
}
