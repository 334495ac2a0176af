/** The environment variable naming the console stack's state file, set by the global setup for Jest's workers. */
export const CONSOLE_STACK_FILE = 'MSP_CONSOLE_STACK_FILE';

/** What the console project's global setup writes as its stack starts (console-stack.global-setup.ts). */
export type ConsoleStackState =
  | { status: 'starting'; prefix: string; dataDir: string }
  | { status: 'up'; prefix: string; dataDir: string; gatewayUrl: string }
  | { status: 'failed'; prefix: string; dataDir: string; error?: string };
