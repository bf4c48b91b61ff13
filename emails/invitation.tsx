import { Button, Heading, Text } from "@react-email/components";
import { buttonStyle, EmailLayout } from "./email-layout";

export function InvitationEmail(props: { url: string; teamName: string; inviterName: string; role: string }) {
  return (
    <EmailLayout preview={`${props.inviterName} invited you to ${props.teamName}`}>
      <Heading as="h1" style={{ fontSize: "20px", margin: "0 0 16px" }}>
        Join {props.teamName} on Sales Copilot
      </Heading>
      <Text>
        {props.inviterName} invited you to join <strong>{props.teamName}</strong> as {props.role === "admin" ? "an" : "a"}{" "}
        {props.role}. Teams share templates, sequences and results.
      </Text>
      <Button href={props.url} style={buttonStyle}>
        Accept invitation
      </Button>
      <Text style={{ color: "#737373", fontSize: "13px" }}>This invitation expires in 7 days.</Text>
    </EmailLayout>
  );
}
