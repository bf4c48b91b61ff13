// The app's Google and Microsoft OAuth clients in tests that talk to the local provider servers. Importing this
// module sets the variables the app reads them from; import it first, before anything reads env().
export const OAUTH_TEST_APPS = {
  google: { clientId: "123-abc.apps.googleusercontent.com", clientSecret: "GOCSPX-test" },
  microsoft: { clientId: "00000000-aaaa-bbbb-cccc-000000000001", clientSecret: "graph~secret", tenant: "test-tenant" },
};
export const TEST_REFRESH_TOKEN = "1//0g-refresh-token";

Object.assign(process.env, {
  AUTH_GOOGLE_ID: OAUTH_TEST_APPS.google.clientId,
  AUTH_GOOGLE_SECRET: OAUTH_TEST_APPS.google.clientSecret,
  AUTH_MICROSOFT_ENTRA_ID_ID: OAUTH_TEST_APPS.microsoft.clientId,
  AUTH_MICROSOFT_ENTRA_ID_SECRET: OAUTH_TEST_APPS.microsoft.clientSecret,
  AUTH_MICROSOFT_ENTRA_ID_ISSUER: `https://login.microsoftonline.com/${OAUTH_TEST_APPS.microsoft.tenant}/v2.0`,
});
