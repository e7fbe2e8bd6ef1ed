import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { acquireDataDirLock, DataDirLockedError } from './lock';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chungtay-lock-'));
const dataDir = path.join(dir, 'data');
afterEach(() => fs.rmSync(`${dataDir}.lock`, { force: true }));

describe('data-directory lock', () => {
  it('writes the PID and removes the lock on release', () => {
    const release = acquireDataDirLock(dataDir);
    expect(fs.readFileSync(`${dataDir}.lock`, 'utf8')).toBe(String(process.pid));
    release();
    expect(fs.existsSync(`${dataDir}.lock`)).toBe(false);
  });

  it('refuses while a live process holds it, naming that process', () => {
    fs.writeFileSync(`${dataDir}.lock`, String(process.ppid));
    expect(() => acquireDataDirLock(dataDir)).toThrow(DataDirLockedError);
    expect(() => acquireDataDirLock(dataDir)).toThrow(String(process.ppid));
  });

  it('takes over a lock left by a process that no longer exists', () => {
    fs.writeFileSync(`${dataDir}.lock`, '2147483646');
    const release = acquireDataDirLock(dataDir);
    expect(fs.readFileSync(`${dataDir}.lock`, 'utf8')).toBe(String(process.pid));
    release();
  });

  it('takes over an empty or garbled lock file (a crash while writing it)', () => {
    fs.writeFileSync(`${dataDir}.lock`, '');
    acquireDataDirLock(dataDir)();
    fs.writeFileSync(`${dataDir}.lock`, 'abc');
    acquireDataDirLock(dataDir)();
    expect(fs.readdirSync(dir).filter((f) => f.includes('.lock.'))).toEqual([]);
  });
});
