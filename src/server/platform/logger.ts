import pino from 'pino';

/** One logger for the process; readable lines on a terminal, JSON otherwise (for log shippers). */
export function createLogger(level: string) {
  return pino({
    level,
    transport: process.stdout.isTTY ? { target: 'pino-pretty', options: { translateTime: 'SYS:HH:MM:ss' } } : undefined,
  });
}
export type Logger = ReturnType<typeof createLogger>;
