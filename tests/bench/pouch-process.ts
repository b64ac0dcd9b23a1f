import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const script = fileURLToPath(new URL('./pouch-server.ts', import.meta.url));

/** The PouchDB server (pouch-server.ts) as a process of its own, like the ClinicDesk server. */
export class PouchServer {
  readonly url: string;
  readonly pid: number;
  private readonly child: ChildProcess;

  private constructor(child: ChildProcess, port: number) {
    this.child = child;
    this.pid = child.pid!;
    this.url = `http://127.0.0.1:${port}`;
  }

  static start(pageDir: string): Promise<PouchServer> {
    const child = spawn(process.execPath, [script, pageDir], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`PouchDB server did not start:\n${output}`)),
        30_000,
      );
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        const match = /listening on (\d+)/.exec(output);
        if (match) {
          clearTimeout(timer);
          resolve(new PouchServer(child, Number(match[1])));
        }
      };
      child.stdout?.on('data', onData);
      child.stderr?.on('data', onData);
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`PouchDB server exited (${code}):\n${output}`));
      });
    });
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null) return;
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    this.child.kill('SIGTERM');
    await exited;
  }
}
