// The draft body as the simple HTML an email needs; templates and sequence steps store bodies the same way.
export { plainTextToHtml as draftBodyToHtml } from "@/lib/templates/plain-text-to-html";
