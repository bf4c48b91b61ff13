// A real IMAP server for tests: Debian's Dovecot (`apt-get install -y dovecot-imapd`) run in the foreground with a
// config generated into a temp dir (plain-text passwd-file, maildir, plaintext IMAP on a free 127.0.0.1 port).
// Nothing is installed here: a missing binary fails the test with the command that installs it.
import { spawn, execFile } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { ImapFlow } from "imapflow";

export const DOVECOT_BIN = "/usr/sbin/dovecot";
const DOVEADM_BIN = "/usr/bin/doveadm";

type Account = { name: string; uid: number; gid: number };

function account(name: string): Account | null {
  const line = fs.readFileSync("/etc/passwd", "utf8").split("\n").find((l) => l.startsWith(`${name}:`));
  if (!line) return null;
  const [, , uid, gid] = line.split(":");
  return { name, uid: Number(uid), gid: Number(gid) };
}

function groupName(gid: number): string {
  const line = fs.readFileSync("/etc/group", "utf8").split("\n").find((l) => l.split(":")[2] === String(gid));
  if (!line) throw new Error(`Group ${gid} has no name in /etc/group; Dovecot needs one.`);
  return line.split(":")[0];
}

/**
 * Dovecot refuses to run its login process or a user's mail process as root. As root we borrow the unprivileged
 * accounts Debian's dovecot-core creates (dovenull for logins, dovecot for mail); as anyone else everything runs as
 * that user.
 */
function accounts(): { login: Account; mail: Account; internal: Account } {
  const me = os.userInfo();
  const self = { name: me.username, uid: me.uid, gid: me.gid };
  if (me.uid !== 0) return { login: self, mail: self, internal: self };
  const pick = (...names: string[]) => names.map(account).find((a): a is Account => a !== null);
  const login = pick("dovenull", "nobody");
  const mail = pick("dovecot", "nobody");
  if (!login || !mail) throw new Error("Dovecot needs an unprivileged account (dovenull, dovecot or nobody) to run as when started by root.");
  return { login, mail, internal: self };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Resolves once the server greets an IMAP client on the port. */
function greets(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, "127.0.0.1");
    socket.setTimeout(1000);
    socket.once("data", (data) => {
      socket.destroy();
      resolve(data.toString().startsWith("* OK"));
    });
    socket.once("error", () => resolve(false));
    socket.once("close", () => resolve(false));
    socket.once("timeout", () => {
      socket.destroy();
      resolve(false);
    });
  });
}

function config({ dir, port, users }: { dir: string; port: number; users: ReturnType<typeof accounts> }) {
  return `
protocols = imap
listen = 127.0.0.1
base_dir = ${dir}/run
state_dir = ${dir}/state
log_path = ${dir}/dovecot.log
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
auth_failure_delay = 0
default_internal_user = ${users.internal.name}
default_internal_group = ${groupName(users.internal.gid)}
default_login_user = ${users.login.name}
first_valid_uid = ${users.mail.uid}
first_valid_gid = ${users.mail.gid}
mail_location = maildir:${dir}/mail/%u
mail_fsync = never
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u ${dir}/passwd
}
userdb {
  driver = static
  args = uid=${users.mail.uid} gid=${users.mail.gid} home=${dir}/mail/%u
}
# chroot needs root; these processes are jailed for production's sake, not a test's.
service anvil {
  chroot =
}
service imap-login {
  chroot =
  inet_listener imap {
    address = 127.0.0.1
    port = ${port}
  }
  inet_listener imaps {
    port = 0
  }
}
`;
}

export type DovecotServer = Awaited<ReturnType<typeof startDovecot>>;

export async function startDovecot({ users }: { users: { user: string; password: string }[] }) {
  if (!fs.existsSync(DOVECOT_BIN)) {
    throw new Error(`${DOVECOT_BIN} is missing: the IMAP tests run a real Dovecot. Install it with: apt-get install -y dovecot-imapd`);
  }
  const who = accounts();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "dovecot-test-"));
  // The mail process runs as another user when we are root: it must reach its maildir, and nothing else here.
  fs.chmodSync(dir, 0o711);
  fs.mkdirSync(path.join(dir, "mail"));
  fs.chownSync(path.join(dir, "mail"), who.mail.uid, who.mail.gid);
  fs.writeFileSync(path.join(dir, "passwd"), users.map((u) => `${u.user}:{PLAIN}${u.password}\n`).join(""), { mode: 0o600 });
  const port = await freePort();
  const conf = path.join(dir, "dovecot.conf");
  fs.writeFileSync(conf, config({ dir, port, users: who }));

  const child = spawn(DOVECOT_BIN, ["-F", "-c", conf], { stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout.on("data", (d) => (output += d));
  child.stderr.on("data", (d) => (output += d));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const killOnExit = () => child.kill("SIGKILL");
  process.once("exit", killOnExit);
  const log = () => [output, fs.existsSync(path.join(dir, "dovecot.log")) ? fs.readFileSync(path.join(dir, "dovecot.log"), "utf8") : ""].join("\n").trim();

  async function stop() {
    process.off("exit", killOnExit);
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 5000);
      await exited;
      clearTimeout(timer);
    }
    fs.rmSync(dir, { recursive: true, force: true });
  }

  const deadline = Date.now() + 15_000;
  while (!(await greets(port))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      const words = log();
      await stop();
      throw new Error(`Dovecot did not start on 127.0.0.1:${port}:\n${words}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }

  async function logIn(user: string) {
    const found = users.find((u) => u.user === user);
    if (!found) throw new Error(`No Dovecot user ${user}`);
    const client = new ImapFlow({ host: "127.0.0.1", port, secure: false, auth: { user, pass: found.password }, logger: false, disableAutoIdle: true });
    await client.connect();
    return client;
  }

  return {
    host: "127.0.0.1" as const,
    port,
    /** Puts a message into the user's INBOX the way a client would: IMAP APPEND (optionally with its INTERNALDATE). */
    async deliver(user: string, rawMessage: string | Buffer, { internalDate }: { internalDate?: Date } = {}): Promise<void> {
      const client = await logIn(user);
      try {
        const appended = await client.append("INBOX", rawMessage, [], internalDate);
        if (!appended) throw new Error(`Dovecot refused to append to ${user}'s INBOX`);
      } finally {
        await client.logout();
      }
    },
    /** Gives the user's INBOX a new UIDVALIDITY, as a server does when it rebuilds a mailbox. */
    async setUidValidity(user: string, uidValidity: number): Promise<void> {
      await promisify(execFile)(DOVEADM_BIN, ["-c", conf, "mailbox", "update", "-u", user, "--uid-validity", String(uidValidity), "INBOX"]);
    },
    /** The flags of every message in the user's INBOX by UID (to check a reader left them alone). */
    async flags(user: string): Promise<Map<number, string[]>> {
      const client = await logIn(user);
      try {
        await client.mailboxOpen("INBOX", { readOnly: true });
        const out = new Map<number, string[]>();
        for (const m of await client.fetchAll("1:*", { uid: true, flags: true }, { uid: true })) out.set(m.uid, [...(m.flags ?? [])]);
        return out;
      } finally {
        await client.logout();
      }
    },
    log,
    stop,
  };
}
