// Issues the opaque token in /t/o/<token>, /t/c/<token> and /u/<token>.
import "server-only";
import { trackingKeys, type TrackingKeys } from "./tracking-keys";
import { encodeBody, mac, type TrackingTokenPayload } from "./tracking-token-codec";

export function signTrackingToken(payload: TrackingTokenPayload, keys: TrackingKeys = trackingKeys()): string {
  const body = encodeBody(payload);
  return Buffer.concat([body, mac(keys.current, body)]).toString("base64url");
}
