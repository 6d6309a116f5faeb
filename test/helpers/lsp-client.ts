/**
 * A minimal Language Server Protocol client over stdio (JSON-RPC 2.0 with
 * Content-Length framing), enough to drive yaml-language-server from a test
 * the way an editor does: initialize, didOpen, publishDiagnostics, completion, hover.
 */
import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

export interface LspDiagnostic {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  message: string;
  severity?: number;
  source?: string;
}

export interface LspCompletionItem {
  label: string;
  insertText?: string;
  textEdit?: { newText: string };
  documentation?: string | { kind: string; value: string };
}

interface Message {
  id?: number;
  method?: string;
  params?: unknown;
  result?: unknown;
  error?: { message: string };
}

const SERVER = fileURLToPath(
  new URL("../../../node_modules/yaml-language-server/bin/yaml-language-server", import.meta.url),
);

export class LspClient {
  private readonly child: ChildProcessWithoutNullStreams;
  private buffer = Buffer.alloc(0);
  private nextId = 1;
  private readonly pending = new Map<number, (m: Message) => void>();
  private readonly diagnostics = new Map<string, LspDiagnostic[]>();
  private readonly waiters: Array<{ uri: string; resolve: (d: LspDiagnostic[]) => void }> = [];
  /** Everything the server wrote to stderr, for failure messages. */
  stderr = "";

  constructor() {
    this.child = spawn(process.execPath, [SERVER, "--stdio"], { stdio: "pipe" });
    this.child.stdout.on("data", (chunk: Buffer) => this.receive(chunk));
    this.child.stderr.on("data", (chunk: Buffer) => {
      this.stderr += chunk.toString("utf8");
    });
  }

  private send(message: Record<string, unknown>): void {
    const body = Buffer.from(JSON.stringify({ jsonrpc: "2.0", ...message }), "utf8");
    this.child.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
    this.child.stdin.write(body);
  }

  private receive(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const end = this.buffer.indexOf("\r\n\r\n");
      if (end === -1) return;
      const header = this.buffer.subarray(0, end).toString("ascii");
      const length = Number(/Content-Length: *(\d+)/i.exec(header)?.[1]);
      if (this.buffer.length < end + 4 + length) return;
      const body = this.buffer.subarray(end + 4, end + 4 + length).toString("utf8");
      this.buffer = this.buffer.subarray(end + 4 + length);
      this.dispatch(JSON.parse(body) as Message);
    }
  }

  private dispatch(m: Message): void {
    if (m.method !== undefined && m.id !== undefined) {
      // A request from the server (workspace/configuration, client/registerCapability, ...).
      const result =
        m.method === "workspace/configuration"
          ? ((m.params as { items: unknown[] }).items ?? []).map(() => this.settings.yaml)
          : null;
      this.send({ id: m.id, result });
      return;
    }
    if (m.method === "textDocument/publishDiagnostics") {
      const { uri, diagnostics } = m.params as { uri: string; diagnostics: LspDiagnostic[] };
      this.diagnostics.set(uri, diagnostics);
      for (const w of this.waiters.filter((x) => x.uri === uri)) {
        this.waiters.splice(this.waiters.indexOf(w), 1);
        w.resolve(diagnostics);
      }
      return;
    }
    if (m.id !== undefined) this.pending.get(m.id)?.(m);
  }

  request<T>(method: string, params: unknown): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, (m) => {
        this.pending.delete(id);
        if (m.error) reject(new Error(`${method}: ${m.error.message}`));
        else resolve(m.result as T);
      });
      this.send({ id, method, params });
    });
  }

  notify(method: string, params: unknown): void {
    this.send({ method, params });
  }

  /** Offline settings: no JSON Schema Store catalog, validation, completion and hover on. */
  readonly settings = {
    yaml: {
      validate: true,
      completion: true,
      hover: true,
      schemaStore: { enable: false },
      schemas: {},
    },
  };

  async initialize(rootUri: string): Promise<void> {
    await this.request("initialize", {
      processId: process.pid,
      rootUri,
      capabilities: {
        textDocument: {
          completion: {
            completionItem: { snippetSupport: true, documentationFormat: ["markdown"] },
          },
          hover: { contentFormat: ["markdown", "plaintext"] },
          publishDiagnostics: {},
        },
        workspace: { configuration: true },
      },
    });
    this.notify("initialized", {});
    this.notify("workspace/didChangeConfiguration", { settings: this.settings });
  }

  /** Opens a document and resolves with the first diagnostics published for it. */
  open(uri: string, text: string): Promise<LspDiagnostic[]> {
    const published = new Promise<LspDiagnostic[]>((resolve) => {
      this.waiters.push({ uri, resolve });
    });
    this.notify("textDocument/didOpen", {
      textDocument: { uri, languageId: "yaml", version: 1, text },
    });
    return published;
  }

  async completion(uri: string, line: number, character: number): Promise<LspCompletionItem[]> {
    const r = await this.request<{ items: LspCompletionItem[] } | LspCompletionItem[] | null>(
      "textDocument/completion",
      { textDocument: { uri }, position: { line, character } },
    );
    if (r === null) return [];
    return Array.isArray(r) ? r : r.items;
  }

  async hover(uri: string, line: number, character: number): Promise<string> {
    const r = await this.request<{ contents: { value: string } | string } | null>(
      "textDocument/hover",
      { textDocument: { uri }, position: { line, character } },
    );
    if (r === null) return "";
    return typeof r.contents === "string" ? r.contents : r.contents.value;
  }

  async close(): Promise<void> {
    try {
      await this.request("shutdown", null);
      this.notify("exit", null);
    } catch {
      // already gone
    }
    if (this.child.exitCode === null) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          this.child.kill();
        }, 5000);
        this.child.once("exit", () => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }
}
