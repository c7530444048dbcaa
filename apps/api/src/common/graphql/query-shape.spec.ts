import { Kind, parse, type OperationDefinitionNode } from 'graphql';
import { measureOperation } from './query-shape';

function shape(query: string) {
  const document = parse(query);
  const operation = document.definitions.find(
    (definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION,
  )!;
  return measureOperation(document, operation);
}

describe('measureOperation', () => {
  it('should measure depth through fields, inline fragments and fragment spreads', () => {
    expect(shape('{ a }')).toEqual({ depth: 1, aliases: 0, introspection: false });
    expect(shape('{ a { b { c } } }').depth).toBe(3);
    expect(shape('{ a { ... on T { b { c } } } }').depth).toBe(3);
    expect(shape('{ a { ...F } } fragment F on T { b { c { d } } }').depth).toBe(4);
  });

  it('should count aliases once per spread of their fragment', () => {
    expect(shape('{ x: a y: a }').aliases).toBe(2);
    expect(shape('{ ...F ...F } fragment F on Q { x: a y: a }').aliases).toBe(4);
  });

  it('should measure a fragment bomb in linear time', () => {
    const levels = 40;
    const fragments = Array.from(
      { length: levels },
      (_, i) => `fragment F${i} on Q { ${i + 1 < levels ? `...F${i + 1} ...F${i + 1}` : 'x: a'} }`,
    );
    const measured = shape(`{ ...F0 } ${fragments.join(' ')}`);
    expect(measured.aliases).toBe(2 ** (levels - 1));
  });

  it('should flag introspection but not __typename, and not count schema fields in depth', () => {
    expect(shape('{ __typename }').introspection).toBe(false);
    expect(shape('{ __schema { types { fields { type { ofType { name } } } } } }')).toEqual({
      depth: 0,
      aliases: 0,
      introspection: true,
    });
    expect(shape('{ a { ...F } } fragment F on T { __type(name: "X") { name } }').introspection).toBe(true);
  });
});
