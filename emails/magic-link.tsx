import { Button, Heading, Text } from "@react-email/components";
import { buttonStyle, EmailLayout } from "./email-layout";

export function MagicLinkEmail({ url, host }: { url: string; host: string }) {
  return (
    <EmailLayout preview={`Your sign-in link for ${host}`}>
      <Heading as="h1" style={{ fontSize: "20px", margin: "0 0 16px" }}>
        Sign in to Sales Copilot
      </Heading>
      <Text>Click the button below to sign in. The link works once and expires in 24 hours.</Text>
      <Button href={url} style={buttonStyle}>
        Sign in
      </Button>
      <Text style={{ color: "#737373", fontSize: "13px" }}>
        If you did not ask to sign in to {host}, you can ignore this email.
      </Text>
    </EmailLayout>
  );
}
