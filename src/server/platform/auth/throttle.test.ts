import { describe, expect, it } from 'vitest';
import { LoginThrottle } from './throttle';

describe('LoginThrottle', () => {
  const limits = { windowMs: 60_000, perUser: 3, perAddress: 5 };

  it('refuses a user after repeated failures until the window passes', () => {
    let now = 0;
    const t = new LoginThrottle(limits, () => now);
    for (let i = 0; i < 3; i++) t.recordFailure('Admin', '10.0.0.1');
    expect(t.retryAfter('admin', '10.0.0.9')).toBe(60);
    now = 30_000;
    expect(t.retryAfter('admin', '10.0.0.9')).toBe(30);
    now = 60_001;
    expect(t.retryAfter('admin', '10.0.0.9')).toBe(0);
  });

  it('refuses an address that tries many usernames', () => {
    const t = new LoginThrottle(limits, () => 0);
    for (let i = 0; i < 5; i++) t.recordFailure(`user${i}`, '10.0.0.1');
    expect(t.retryAfter('someone-else', '10.0.0.1')).toBeGreaterThan(0);
    expect(t.retryAfter('someone-else', '10.0.0.2')).toBe(0);
  });

  it('a successful login clears the user counter and takes back only its own address attempt', () => {
    const t = new LoginThrottle(limits, () => 0);
    for (let i = 0; i < 3; i++) t.recordFailure('a', '10.0.0.1');
    t.recordFailure('a', '10.0.0.1'); // the attempt that then succeeds
    t.recordSuccess('a', '10.0.0.1');
    expect(t.retryAfter('a', '10.0.0.2')).toBe(0);
    t.recordFailure('b', '10.0.0.1');
    expect(t.retryAfter('c', '10.0.0.1')).toBe(0); // 4 attempts counted from that address
    t.recordFailure('b', '10.0.0.1');
    expect(t.retryAfter('c', '10.0.0.1')).toBeGreaterThan(0); // the fifth reaches the limit
  });
});
