import { matchesIfNoneMatch, versionETag, versionsFromIfMatch } from './http-conditions';

describe('versionsFromIfMatch', () => {
  it('accepts any version without a header or with *', () => {
    expect(versionsFromIfMatch(undefined)).toBeNull();
    expect(versionsFromIfMatch('*')).toBeNull();
  });

  it('reads the versions of strong tags, ignoring weak or foreign ones', () => {
    expect(versionsFromIfMatch(`${versionETag(3)}, W/"4", "x", "5"`)).toEqual([3, 5]);
    expect(versionsFromIfMatch('W/"3"')).toEqual([]);
  });
});

describe('matchesIfNoneMatch', () => {
  it('compares weakly and understands lists and *', () => {
    expect(matchesIfNoneMatch('W/"abc"', 'W/"abc"')).toBe(true);
    expect(matchesIfNoneMatch('"abc"', 'W/"abc"')).toBe(true);
    expect(matchesIfNoneMatch('"x", W/"abc"', 'W/"abc"')).toBe(true);
    expect(matchesIfNoneMatch('*', 'W/"abc"')).toBe(true);
    expect(matchesIfNoneMatch('W/"abd"', 'W/"abc"')).toBe(false);
    expect(matchesIfNoneMatch(undefined, 'W/"abc"')).toBe(false);
  });
});
