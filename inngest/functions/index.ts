// Every function the app serves (app/api/inngest/route.ts). Add new ones here.
import { sendEmail } from "./send-email";
import { sendTestEmail } from "./send-test-email";
import { importLeads } from "./import-leads";

export const functions = [sendTestEmail, sendEmail, importLeads];
