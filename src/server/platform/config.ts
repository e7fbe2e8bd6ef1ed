import path from 'node:path';
import { z } from 'zod';

/**
 * The only place that reads `process.env`. Every setting is documented in README.md.
 */
const ConfigSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  CHUNGTAY_DATA_DIR: z.string().min(1).optional(),
  DATABASE_URL: z.url().optional(),
  CHUNGTAY_ADMIN_PASSWORD: z.string().min(8, 'CHUNGTAY_ADMIN_PASSWORD phải có ít nhất 8 ký tự').optional(),
  CHUNGTAY_SESSION_HOURS: z.coerce.number().positive().max(720).default(12),
  CHUNGTAY_TRUST_PROXY: z
    .string()
    .regex(/^(true|false|[\d.:a-fA-F/,\s]+)$/u, 'true, false hoặc danh sách địa chỉ proxy')
    .default('false'),
  CHUNGTAY_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type Engine = 'pglite' | 'postgres';

export interface Config {
  port: number;
  host: string;
  engine: Engine;
  /** PGlite data directory (when the engine is PGlite). */
  dataDir: string;
  databaseUrl: string | undefined;
  adminPassword: string | undefined;
  sessionHours: number;
  /** Behind a reverse proxy: which hops to trust for the client address and https (Fastify's trustProxy). */
  trustProxy: boolean | string[];
  logLevel: z.infer<typeof ConfigSchema>['CHUNGTAY_LOG_LEVEL'];
  /** Built web app served at `/`. */
  webDir: string;
}

export const PROJECT_ROOT = path.resolve(import.meta.dirname, '../../..');

/** Parse the environment once; the default data directory differs between `start` and `demo`. */
export function loadConfig({ defaultDataDir = './.chungtay/data', env = process.env } = {}): Config {
  const parsed = ConfigSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Cấu hình không hợp lệ (invalid settings):\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    engine: e.DATABASE_URL ? 'postgres' : 'pglite',
    dataDir: path.resolve(e.CHUNGTAY_DATA_DIR ?? defaultDataDir),
    databaseUrl: e.DATABASE_URL,
    adminPassword: e.CHUNGTAY_ADMIN_PASSWORD,
    sessionHours: e.CHUNGTAY_SESSION_HOURS,
    trustProxy: parseTrustProxy(e.CHUNGTAY_TRUST_PROXY),
    logLevel: e.CHUNGTAY_LOG_LEVEL,
    webDir: path.join(PROJECT_ROOT, 'dist/web'),
  };
}

function parseTrustProxy(value: string): boolean | string[] {
  if (value === 'true' || value === 'false') return value === 'true';
  return value
    .split(',')
    .map((a) => a.trim())
    .filter(Boolean);
}
