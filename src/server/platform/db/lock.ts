import fs from 'node:fs';
import path from 'node:path';

/**
 * PGlite is a single-process engine: two processes writing one data directory corrupt it.
 * A lock file beside the directory holds the owner's PID. It appears atomically (written under
 * a temporary name, then hard-linked into place, which fails if a lock exists), and a lock left
 * by a dead process is taken over only if it still names that dead process.
 */
export class DataDirLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly pid: number,
  ) {
    super(
      `Thư mục dữ liệu ${dataDir} đang được tiến trình ${pid} sử dụng; hãy dừng tiến trình đó trước ` +
        `(the data directory is in use by process ${pid}; stop it first).`,
    );
  }
}

export function acquireDataDirLock(dataDir: string): () => void {
  fs.mkdirSync(path.dirname(dataDir), { recursive: true });
  const lockPath = `${dataDir}.lock`;
  const mine = `${lockPath}.${process.pid}`;
  fs.writeFileSync(mine, String(process.pid));
  try {
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        fs.linkSync(mine, lockPath);
        return () => {
          if (readPid(lockPath) === process.pid) fs.rmSync(lockPath, { force: true });
        };
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      const owner = readPid(lockPath);
      if (owner !== null && owner !== process.pid && isAlive(owner)) throw new DataDirLockedError(dataDir, owner);
      takeOverStale(lockPath, owner);
    }
    throw new Error(`Không lấy được khóa ${lockPath}`);
  } finally {
    fs.rmSync(mine, { force: true });
  }
}

/** Remove a stale lock, unless another process replaced it meanwhile. */
function takeOverStale(lockPath: string, stalePid: number | null) {
  const aside = `${lockPath}.stale.${process.pid}`;
  try {
    fs.renameSync(lockPath, aside);
  } catch {
    return; // someone else moved it first
  }
  if (readPid(aside) !== stalePid)
    fs.renameSync(aside, lockPath); // not the one we judged: put it back
  else fs.rmSync(aside, { force: true });
}

function readPid(file: string): number | null {
  try {
    const pid = Number(fs.readFileSync(file, 'utf8'));
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
