import { passwordProblems } from './password-policy';

const email = 'alice@example.com';

describe('password policy', () => {
  it('accepts a reasonable password', () => {
    expect(passwordProblems('correct horse battery', email)).toEqual([]);
  });

  it('requires 8 to 128 characters, counting characters rather than UTF-16 units', () => {
    expect(passwordProblems('short1!', email)).toEqual([{ field: 'password', message: 'password must be at least 8 characters' }]);
    expect(passwordProblems('x'.repeat(7) + 'y', email)).toEqual([]);
    expect(passwordProblems('ab'.repeat(64), email)).toEqual([]);
    expect(passwordProblems('ab'.repeat(64) + 'c', email)[0].message).toMatch(/at most 128/);
    expect(passwordProblems('😀😁😂🤣', email)[0].message).toMatch(/at least 8/); // 8 UTF-16 units, 4 characters
  });

  it('refuses the account e-mail address, regardless of case', () => {
    expect(passwordProblems('Alice@Example.com', email)).toEqual([
      { field: 'password', message: 'password must not be the e-mail address' },
    ]);
  });

  it('refuses one character repeated', () => {
    expect(passwordProblems('aaaaaaaaaa', email)).toEqual([{ field: 'password', message: 'password must not be one character repeated' }]);
    expect(passwordProblems('🔑🔑🔑🔑🔑🔑🔑🔑', email)[0].message).toMatch(/repeated/);
  });
});
