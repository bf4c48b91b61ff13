// Every function the app serves (app/api/inngest/route.ts). Add new ones here.
import { enrolCampaign } from "./enrol-campaign";
import { importLeads } from "./import-leads";
import { researchLead } from "./research-lead";
import { runEnrolment } from "./run-enrolment";
import { sendEmail } from "./send-email";
import { sendTestEmail } from "./send-test-email";
import { syncMailbox, syncMailboxes } from "./sync-mailbox";
import { wakeEnrolments } from "./wake-enrolments";

export const functions = [sendTestEmail, sendEmail, enrolCampaign, runEnrolment, wakeEnrolments, researchLead, importLeads, syncMailbox, syncMailboxes];
