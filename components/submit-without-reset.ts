"use client";

import { startTransition, type FormEvent } from "react";

/**
 * Submits a form to a server action without React's automatic form reset, so a rejected submission keeps
 * everything the user typed (the error says what to fix; nothing is lost).
 */
export function submitWithoutReset(action: (formData: FormData) => void) {
  return (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formData = new FormData(event.currentTarget, (event.nativeEvent as SubmitEvent).submitter);
    startTransition(() => action(formData));
  };
}
