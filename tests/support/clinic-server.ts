import { type ChildProcess, spawn } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

/** A real ClinicDesk server process with its own data directory, as staff would run it. */
export class ClinicServer {
  readonly dataDir: string;
  readonly port: number;
  private process: ChildProcess | null = null;
  private output = '';

  readonly staticRoot: string;
  /** Extra environment for the process (the fault suite sets DATABASE_URL, say). */
  private readonly env: Record<string, string>;

  private constructor(
    port: number,
    dataDir: string,
    staticRoot: string,
    env: Record<string, string> = {},
  ) {
    this.port = port;
    this.dataDir = dataDir;
    this.staticRoot = staticRoot;
    this.env = env;
  }

  /**
   * Starts a server with the demo clinic seeded into a fresh data directory. With
   * `ownCopyOfApp`, it serves a private copy of the built PWA that the test may change (to ship
   * a "new version", say). `env` is added to the process's environment on every launch.
   */
  static async start(
    options: { ownCopyOfApp?: boolean; env?: Record<string, string>; staticRoot?: string } = {},
  ): Promise<ClinicServer> {
    const dataDir = mkdtempSync(join(tmpdir(), 'clinicdesk-e2e-'));
    // The benchmarks serve their own page in place of the app.
    let staticRoot = options.staticRoot ?? join(repoRoot, 'web/build');
    if (options.ownCopyOfApp) {
      const copy = join(dataDir, 'app');
      cpSync(staticRoot, copy, { recursive: true });
      staticRoot = copy;
    }
    const server = new ClinicServer(await freePort(), dataDir, staticRoot, options.env);
    await server.launch();
    return server;
  }

  /** The server process's id (the benchmarks read its CPU time and memory from /proc). */
  get pid(): number {
    const pid = this.process?.pid;
    if (pid === undefined) throw new Error('server not running');
    return pid;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** (Re)starts the process on the same port and data directory. */
  async launch(): Promise<void> {
    if (this.process) throw new Error('server already running');
    this.output = '';
    const child = spawn(process.execPath, [join(repoRoot, 'sync-server/src/main.ts'), '--demo'], {
      cwd: repoRoot,
      env: {
        ...process.env,
        PORT: String(this.port),
        HOST: '127.0.0.1',
        DATA_DIR: this.dataDir,
        STATIC_ROOT: this.staticRoot,
        // Journeys need a clinic, not the full demo (3,000 patients would slow every sign-in).
        DEMO_PATIENTS: '300',
        // …and empty files: the filing journeys set up what they need through the screens.
        DEMO_DOCUMENTS: '0',
        ...this.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.process = child;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`server did not start within 30 s:\n${this.output}`)),
        30_000,
      );
      const onData = (chunk: Buffer) => {
        this.output += chunk.toString();
        if (this.output.includes(`ClinicDesk is running at`)) {
          clearTimeout(timer);
          resolve();
        }
      };
      child.stdout?.on('data', onData);
      child.stderr?.on('data', onData);
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`server exited (${code ?? signal}) before starting:\n${this.output}`));
      });
    });
  }

  /** Kills the process without warning (SIGKILL): no shutdown hooks, no flushing. */
  async kill(): Promise<void> {
    await this.stop('SIGKILL');
  }

  async stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    const child = this.process;
    if (!child) return;
    this.process = null;
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill(signal);
    await exited;
  }

  async dispose(): Promise<void> {
    await this.stop();
    rmSync(this.dataDir, { recursive: true, force: true });
  }

  get log(): string {
    return this.output;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}
