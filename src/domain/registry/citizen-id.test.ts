import { describe, expect, it } from 'vitest';
import { checkCitizenId } from './citizen-id';

describe('checkCitizenId', () => {
  it('accepts a number agreeing with the birth year and sex', () => {
    // 042 Hà Tĩnh, 0 = male born 1900–1999, 85 = 1985.
    expect(checkCitizenId('042085001234', { dateOfBirth: '1985-03-02', sex: 'male' }).ok).toBe(true);
    // 3 = female born 2000–2099, 07 = 2007.
    expect(checkCitizenId('042307001234', { dateOfBirth: '2007-12-31', sex: 'female' }).ok).toBe(true);
  });
  it('refuses a wrong length or letters', () => {
    expect(checkCitizenId('04208500123').ok).toBe(false);
    expect(checkCitizenId('04208500123A').ok).toBe(false);
    expect(checkCitizenId(' 042085001234').ok).toBe(false);
  });
  it('refuses a number whose 4th digit says another sex, or whose digits say another year', () => {
    expect(checkCitizenId('042185001234', { sex: 'male' }).vi).toMatch(/giới tính/u);
    expect(checkCitizenId('042085001234', { dateOfBirth: '1986-01-01' }).vi).toMatch(/1985/u);
    expect(checkCitizenId('042285001234', { dateOfBirth: '1985-01-01' }).vi).toMatch(/2085/u);
  });
});
