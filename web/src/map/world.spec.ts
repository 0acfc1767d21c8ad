import { describe, expect, it } from 'vitest';

import { unwrapRing } from './world';

describe('unwrapRing', () => {
  it('keeps a ring that crosses the antimeridian continuous', () => {
    expect(unwrapRing([[178, 65], [-179, 66], [-175, 67], [179, 64]])).toEqual([[178, 65], [181, 66], [185, 67], [179, 64]]);
  });

  it('leaves ordinary rings alone', () => {
    const ring = [[35, 34], [38, 34], [38, 37], [35, 34]];
    expect(unwrapRing(ring)).toEqual(ring);
  });
});
