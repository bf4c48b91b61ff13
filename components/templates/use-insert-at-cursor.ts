"use client";
// "Insert variable" for a pair of fields: the token goes where the rep last was (the body by default), caret after it.
import { useRef } from "react";

export function useInsertAtCursor<F extends string>(fallback: F, get: (field: F) => string, set: (field: F, value: string) => void) {
  const refs = useRef<Partial<Record<F, HTMLInputElement | HTMLTextAreaElement | null>>>({});
  const last = useRef<F>(fallback);
  const bind = (field: F) => ({
    ref: (el: HTMLInputElement | HTMLTextAreaElement | null) => { refs.current[field] = el; },
    onFocus: () => { last.current = field; },
  });
  function insert(token: string) {
    const field = last.current;
    const el = refs.current[field];
    const value = get(field);
    const start = el?.selectionStart ?? value.length;
    const end = el?.selectionEnd ?? start;
    set(field, value.slice(0, start) + token + value.slice(end));
    requestAnimationFrame(() => {
      el?.focus();
      el?.setSelectionRange(start + token.length, start + token.length);
    });
  }
  return { bind, insert };
}
