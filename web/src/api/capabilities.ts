/** What this API offers, read from its /openapi.json: which parameters and formats each endpoint takes.

The workbench is built against the API of its own version, but parts of it (GeoJSON, map boxes,
datasets, cytoscape output) arrive in steps; reading the document lets each view use what is there
and say plainly what is not, instead of sending parameters the API would ignore.
*/

interface SchemaObject {
  $ref?: string;
  enum?: unknown[];
  anyOf?: SchemaObject[];
  oneOf?: SchemaObject[];
  allOf?: SchemaObject[];
  items?: SchemaObject;
  properties?: Record<string, unknown>;
}

interface Parameter {
  name: string;
  in: string;
  schema?: SchemaObject;
}

export interface OpenApiDocument {
  paths?: Record<string, { get?: { parameters?: Parameter[] } }>;
  components?: { schemas?: Record<string, SchemaObject> };
}

export class Capabilities {
  constructor(private readonly document: OpenApiDocument) {}

  /** No document (the API did not give one): the endpoints and parameters every version has. */
  static minimal(): Capabilities {
    return new Capabilities({});
  }

  private parameter(path: string, name: string): Parameter | undefined {
    return this.document.paths?.[path]?.get?.parameters?.find((p) => p.name === name && p.in === 'query');
  }

  has(path: string, name: string): boolean {
    return this.parameter(path, name) !== undefined;
  }

  hasPath(path: string): boolean {
    return this.document.paths?.[path]?.get !== undefined;
  }

  /** The allowed values of an enum parameter (its items' for a list), [] when free text or absent. */
  values(path: string, name: string): string[] {
    const schema = this.parameter(path, name)?.schema;
    return schema ? this.enumOf(schema, 0) : [];
  }

  /** True when the named answer schema has the field (e.g. PlaceRef.latitude). */
  hasField(schema: string, field: string): boolean {
    return this.document.components?.schemas?.[schema]?.properties?.[field] !== undefined;
  }

  /** True when `format=<value>` is accepted by the endpoint. */
  offersFormat(path: string, value: string): boolean {
    return this.values(path, 'format').includes(value);
  }

  private enumOf(schema: SchemaObject, depth: number): string[] {
    if (depth > 5) return [];
    if (schema.enum) return schema.enum.map(String);
    if (schema.$ref) {
      const name = schema.$ref.split('/').pop() ?? '';
      const target = this.document.components?.schemas?.[name];
      return target ? this.enumOf(target, depth + 1) : [];
    }
    if (schema.items) return this.enumOf(schema.items, depth + 1);
    for (const options of [schema.anyOf, schema.oneOf, schema.allOf]) {
      for (const option of options ?? []) {
        const found = this.enumOf(option, depth + 1);
        if (found.length) return found;
      }
    }
    return [];
  }
}
