// A local stand-in for Neon's edge, so @vercel/postgres (@neondatabase/serverless 0.9) can reach a plain Postgres:
//  - WebSocket `<any path>?address=host:port`: binary frames are the raw Postgres wire protocol,
//    piped to a TCP connection (always to the configured server; the address is recorded, not trusted);
//  - `POST /sql`: the HTTP query API, answered with `pg` in the same JSON shape Neon's client parses.
import http from "node:http";
import net from "node:net";
import type { AddressInfo } from "node:net";
import pg from "pg";
import { WebSocketServer } from "ws";

export interface NeonRelay {
  port: number;
  /** For neonConfig.wsProxy / POSTGRES_WS_PROXY: host:port/path, no scheme (the client adds ws://). */
  wsProxy: string;
  /** For neonConfig.fetchEndpoint / POSTGRES_FETCH_ENDPOINT: the full URL of `/sql`. */
  fetchEndpoint: string;
  /** What the clients asked for, so tests can assert the traffic really went through the relay. */
  seen: { wsAddresses: string[]; sqlRequests: number };
  close(): Promise<void>;
}

type NeonQuery = { query: string; params?: unknown[] };

// Header values of neon()'s transaction({ isolationLevel }) → SQL.
const ISOLATION: Record<string, string> = {
  ReadUncommitted: "read uncommitted",
  ReadCommitted: "read committed",
  RepeatableRead: "repeatable read",
  Serializable: "serializable",
};

// The DatabaseError fields Neon's client copies from a 400 body onto its NeonDbError.
const ERROR_FIELDS = [
  "severity", "code", "detail", "hint", "position", "internalPosition", "internalQuery", "where",
  "schema", "table", "column", "dataType", "constraint", "file", "line", "routine",
] as const;

export async function startNeonRelay(opts: { pgHost: string; pgPort: number }): Promise<NeonRelay> {
  const seen = { wsAddresses: [] as string[], sqlRequests: 0 };
  const sockets = new Set<net.Socket>();

  const server = http.createServer((req, res) => {
    if (req.method === "POST" && new URL(req.url ?? "/", "http://relay").pathname === "/sql") {
      seen.sqlRequests++;
      void handleSql(req, res, opts);
    } else {
      res.writeHead(404).end();
    }
  });

  const wss = new WebSocketServer({ noServer: true });
  server.on("upgrade", (req, socket, head) => {
    // Neon's proxy refuses a connection that does not say where it wants to go; so do we.
    const address = new URL(req.url ?? "/", "http://relay").searchParams.get("address");
    if (!address) {
      socket.end("HTTP/1.1 400 Bad Request\r\n\r\nmissing ?address=host:port\r\n");
      return;
    }
    seen.wsAddresses.push(address);
    wss.handleUpgrade(req, socket, head, (client) => {
      const tcp = net.connect(opts.pgPort, opts.pgHost);
      sockets.add(tcp);
      // Writes made before the TCP connect completes are queued by net.Socket itself.
      client.on("message", (data: Buffer | ArrayBuffer | Buffer[]) => {
        tcp.write(Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data as Buffer));
      });
      tcp.on("data", (chunk) => client.send(chunk, { binary: true }));
      client.on("close", () => tcp.end());
      client.on("error", () => tcp.destroy());
      tcp.on("close", () => {
        sockets.delete(tcp);
        client.close();
      });
      tcp.on("error", () => client.terminate());
    });
  });

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    wsProxy: `127.0.0.1:${port}/v2`,
    fetchEndpoint: `http://127.0.0.1:${port}/sql`,
    seen,
    async close() {
      for (const client of wss.clients) client.terminate();
      for (const tcp of sockets) tcp.destroy();
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

async function handleSql(req: http.IncomingMessage, res: http.ServerResponse, opts: { pgHost: string; pgPort: number }) {
  const send = (status: number, body: unknown) =>
    res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));

  let body: { query?: string; params?: unknown[]; queries?: NeonQuery[] };
  let target: URL;
  try {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    body = JSON.parse(Buffer.concat(chunks).toString("utf8"));
    target = new URL(String(req.headers["neon-connection-string"]));
  } catch (error) {
    return send(400, { message: `bad request: ${(error as Error).message}` });
  }

  const header = (name: string) => req.headers[name.toLowerCase()] as string | undefined;
  const arrayMode = header("Neon-Array-Mode") === "true";
  // Raw text: values stay Postgres text and the client parses them by dataTypeID (what 0.9 always asks for).
  const rawText = header("Neon-Raw-Text-Output") === "true";

  // Like Neon: user, password and database come from the connection string; the host is ours.
  const client = new pg.Client({
    host: opts.pgHost,
    port: opts.pgPort,
    user: decodeURIComponent(target.username),
    password: decodeURIComponent(target.password),
    database: decodeURIComponent(target.pathname.slice(1)),
  });
  const rawTypes = { getTypeParser: () => (value: string) => value } as unknown as pg.CustomTypesConfig;
  const run = async ({ query, params }: NeonQuery) => {
    const config: pg.QueryConfig = { text: query, values: params ?? [], types: rawText ? rawTypes : undefined };
    const result: pg.QueryResult<pg.QueryResultRow> = arrayMode
      ? await client.query({ ...config, rowMode: "array" })
      : await client.query(config);
    return {
      command: result.command,
      rowCount: result.rowCount,
      rows: result.rows,
      fields: result.fields,
      rowAsArray: arrayMode,
    };
  };

  try {
    await client.connect();
    if (body.queries) {
      // transaction([...]): all queries in one transaction, configured by the batch headers.
      const isolation = ISOLATION[header("Neon-Batch-Isolation-Level") ?? ""];
      const readOnly = header("Neon-Batch-Read-Only");
      const deferrable = header("Neon-Batch-Deferrable");
      const mode = [
        isolation && `isolation level ${isolation}`,
        readOnly && (readOnly === "true" ? "read only" : "read write"),
        deferrable && (deferrable === "true" ? "deferrable" : "not deferrable"),
      ].filter(Boolean);
      await client.query(`begin ${mode.join(", ")}`);
      try {
        const results = [];
        for (const q of body.queries) results.push(await run(q));
        await client.query("commit");
        send(200, { results });
      } catch (error) {
        await client.query("rollback").catch(() => {});
        throw error;
      }
    } else if (typeof body.query === "string") {
      send(200, await run({ query: body.query, params: body.params }));
    } else {
      send(400, { message: "body needs `query` or `queries`" });
    }
  } catch (error) {
    if (error instanceof pg.DatabaseError) {
      const fields = Object.fromEntries(ERROR_FIELDS.map((key) => [key, error[key]]));
      send(400, { message: error.message, ...fields });
    } else {
      send(500, { message: (error as Error).message });
    }
  } finally {
    await client.end().catch(() => {});
  }
}
