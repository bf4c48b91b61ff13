import { render } from "@react-email/render";
import type { ReactElement } from "react";

/** HTML and its plain-text alternative from one react-email element. */
export async function renderEmail(element: ReactElement): Promise<{ html: string; text: string }> {
  const [html, text] = await Promise.all([render(element), render(element, { plainText: true })]);
  return { html, text };
}
