import { describe, expect, it } from 'vitest';

import { Capabilities } from './capabilities';

// The shapes FastAPI writes: enums as $ref components, optional lists as anyOf [array, null].
const document = {
  paths: {
    '/timeline': {
      get: {
        parameters: [
          { name: 'format', in: 'query', schema: { $ref: '#/components/schemas/TimelineFormat' } },
          { name: 'type', in: 'query', schema: { anyOf: [{ type: 'array', items: { $ref: '#/components/schemas/EventType' } }, { type: 'null' }] } },
          { name: 'q', in: 'query', schema: { anyOf: [{ type: 'string' }, { type: 'null' }] } },
        ],
      },
    },
    '/events': { get: { parameters: [{ name: 'format', in: 'query', schema: { enum: ['json', 'geojson'] } }] } },
  },
  components: {
    schemas: {
      TimelineFormat: { enum: ['json', 'timelinejs', 'vis'] },
      EventType: { enum: ['airstrike', 'offensive'] },
      PlaceRef: { properties: { id: {}, name: {}, latitude: {} } },
    },
  },
};

describe('Capabilities', () => {
  const caps = new Capabilities(document);

  it('reads enum values through $ref, anyOf and array items', () => {
    expect(caps.values('/timeline', 'format')).toEqual(['json', 'timelinejs', 'vis']);
    expect(caps.values('/timeline', 'type')).toEqual(['airstrike', 'offensive']);
    expect(caps.values('/timeline', 'q')).toEqual([]);
  });

  it('tells which formats and parameters an endpoint takes', () => {
    expect(caps.offersFormat('/events', 'geojson')).toBe(true);
    expect(caps.offersFormat('/timeline', 'geojson')).toBe(false);
    expect(caps.has('/timeline', 'q')).toBe(true);
    expect(caps.has('/timeline', 'bbox')).toBe(false);
    expect(caps.hasPath('/places')).toBe(false);
    expect(caps.hasField('PlaceRef', 'latitude')).toBe(true);
    expect(caps.hasField('PlaceRef', 'altitude')).toBe(false);
  });

  it('offers nothing optional without a document', () => {
    const minimal = Capabilities.minimal();
    expect(minimal.offersFormat('/events', 'geojson')).toBe(false);
    expect(minimal.values('/timeline', 'type')).toEqual([]);
  });
});
