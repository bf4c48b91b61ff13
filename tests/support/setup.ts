// Runs before every test file. `server-only` throws outside a React Server bundle, so tests alias it away.
process.env.NEXT_TELEMETRY_DISABLED = "1";
