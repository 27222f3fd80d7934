/**
 * Runs the audio command-line tools (espeak-ng, ffmpeg) as child processes and turns "not
 * installed" into one sentence that says how to install them.
 */
import { spawn } from 'node:child_process';

/** The one command that installs everything the audio needs on Debian or Ubuntu. */
export const installAudioTools = 'sudo apt-get install espeak-ng ffmpeg';

/** A tool or voice is missing: the message says what and how to install it. */
export class AudioToolMissing extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AudioToolMissing';
  }
}

let processesStarted = 0;

/** How many tool processes this process has started so far (the benchmark counts them per sound). */
export function toolProcessesStarted(): number {
  return processesStarted;
}

/** Counts one started tool process (for tools started outside {@link runTool}). */
export function countToolProcess(): void {
  processesStarted += 1;
}

/** What a finished tool printed. */
export interface ToolOutput {
  stdout: Buffer;
  stderr: string;
}

/** A tool outlived its {@link ToolLimits.timeoutMs} and was stopped. */
export class ToolTimedOut extends Error {
  constructor(command: string, timeoutMs: number) {
    super(`${command} did not finish within ${String(timeoutMs)} ms and was stopped`);
    this.name = 'ToolTimedOut';
  }
}

/** Limits of one {@link runTool} call. */
export interface ToolLimits {
  /**
   * Kills the tool and rejects when it has not finished by then. For quick probes (a version, a
   * voice): a probe that hangs would otherwise hold the speaker's only render slot for ever.
   */
  timeoutMs?: number;
}

/**
 * Runs `command` with `args` (never through a shell, so a text can never become a command),
 * writing `input` to its standard input and each of `extraInputs` to file descriptors 3, 4, …
 * (ffmpeg's `pipe:3`: several sounds for one process). Rejects with {@link AudioToolMissing}
 * when the command is not installed, with the tool's own complaint when it fails, and with a
 * sentence naming the limit when it outlives `limits.timeoutMs`.
 */
export function runTool(
  command: string,
  args: readonly string[],
  input?: Buffer | string,
  extraInputs: readonly Buffer[] = [],
  limits: ToolLimits = {},
): Promise<ToolOutput> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['pipe', 'pipe', 'pipe', ...extraInputs.map(() => 'pipe' as const)] });
    countToolProcess();
    let timedOut = false;
    const timer =
      limits.timeoutMs === undefined
        ? undefined
        : setTimeout(() => {
            timedOut = true;
            child.kill('SIGKILL');
          }, limits.timeoutMs);
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') reject(new AudioToolMissing(`${command} is not installed: install it with "${installAudioTools}", then try again.`));
      else reject(error);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      if (timedOut) {
        reject(new ToolTimedOut(command, limits.timeoutMs ?? 0));
        return;
      }
      const errorText = Buffer.concat(stderr).toString('utf8');
      if (code === 0) resolve({ stdout: Buffer.concat(stdout), stderr: errorText });
      else reject(new Error(`${command} failed (exit ${String(code)}): ${errorText.trim().split('\n').slice(-3).join(' ') || 'no message'}`));
    });
    // A tool that exits before reading everything closes the pipe; its exit code tells the story.
    child.stdin.on('error', () => undefined);
    child.stdin.end(input ?? '');
    extraInputs.forEach((bytes, i) => {
      const pipe = child.stdio[i + 3];
      if (pipe && 'end' in pipe) {
        pipe.on('error', () => undefined);
        pipe.end(bytes);
      }
    });
  });
}
