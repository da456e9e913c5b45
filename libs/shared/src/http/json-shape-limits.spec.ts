import { exceededJsonLimit } from './json-shape-limits';

const limits = { maxDepth: 3, maxKeysPerObject: 2, maxTotalKeys: 4, maxArrayLength: 3 };

describe('exceededJsonLimit', () => {
  it('accepts bodies within every bound, whatever their strings contain', () => {
    expect(exceededJsonLimit('{"a":{"b":[1,2,3]},"c":"x:,{[\\"]}"}', limits)).toBeUndefined();
    expect(exceededJsonLimit('{"a":[],"b":[[]]}', limits)).toBeUndefined();
  });

  it('refuses too many keys in one object and in all', () => {
    expect(exceededJsonLimit('{"a":1,"b":2,"c":3}', limits)).toMatch(/at most 2 properties/);
    expect(exceededJsonLimit('{"a":{"x":1,"y":2},"b":{"x":1,"y":2}}', limits)).toMatch(/at most 4 properties in all/);
  });

  it('refuses long arrays, counting the last item too', () => {
    expect(exceededJsonLimit('{"a":[1,2,3,4]}', limits)).toMatch(/at most 3 items/);
    expect(exceededJsonLimit('{"a":["1","2","3","4"]}', limits)).toMatch(/at most 3 items/);
    expect(exceededJsonLimit('{"a":[{},{},{}]}', limits)).toBeUndefined();
  });

  it('refuses deep nesting', () => {
    expect(exceededJsonLimit('{"a":{"b":{"c":{}}}}', limits)).toMatch(/deeper than 3/);
  });
});
