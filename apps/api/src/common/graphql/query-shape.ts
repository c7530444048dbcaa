import {
  Kind,
  type DocumentNode,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';

export interface QueryShape {
  /** Deepest chain of nested fields (a top-level field is depth 1); introspection fields are not counted. */
  depth: number;
  /** Aliased fields, counting a fragment once per place it is spread. */
  aliases: number;
  /** Whether the operation reads the schema (`__schema` or `__type`; `__typename` is ordinary). */
  introspection: boolean;
}

/**
 * Measures one operation, following fragment spreads. Each fragment is measured once and remembered, so a
 * document of fragments spreading each other many times is measured in linear time (no "fragment bomb").
 * Fragment cycles are rejected by GraphQL validation, which runs before this.
 */
export function measureOperation(document: DocumentNode, operation: OperationDefinitionNode): QueryShape {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const measured = new Map<string, QueryShape>();
  const visiting = new Set<string>();

  const measure = (selectionSet: SelectionSetNode | undefined): QueryShape => {
    const shape: QueryShape = { depth: 0, aliases: 0, introspection: false };
    for (const selection of selectionSet?.selections ?? []) {
      let inner: QueryShape;
      let own = 0;
      if (selection.kind === Kind.FIELD) {
        const name = selection.name.value;
        if (selection.alias) shape.aliases += 1;
        if (name === '__schema' || name === '__type') {
          shape.introspection = true;
          continue;
        }
        inner = measure(selection.selectionSet);
        own = 1;
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        inner = measure(selection.selectionSet);
      } else {
        const name = selection.name.value;
        const cached = measured.get(name);
        if (cached) {
          inner = cached;
        } else if (visiting.has(name) || !fragments.has(name)) {
          continue;
        } else {
          visiting.add(name);
          inner = measure(fragments.get(name)!.selectionSet);
          visiting.delete(name);
          measured.set(name, inner);
        }
      }
      shape.depth = Math.max(shape.depth, own + inner.depth);
      shape.aliases += inner.aliases;
      shape.introspection ||= inner.introspection;
    }
    return shape;
  };

  return measure(operation.selectionSet);
}

/** graphql-js's limit on validation errors (its `maxErrors` default). */
export const GRAPHQL_MAX_VALIDATION_ERRORS = 100;

/**
 * graphql-js ends validation with bare messages when a query overwhelms it: "Validation aborted." when the
 * check that repeated fields can be merged runs out of budget, and "… error limit reached. Validation
 * aborted." after its hundredth error. Each becomes a message that says what to change.
 */
export function explainAbortedValidation(message: string): string {
  if (message === 'Validation aborted.')
    return 'The query repeats the same fields too many times to be checked; select each field once (use aliases sparingly)';
  if (/error limit reached\. Validation aborted\.$/.test(message))
    return `The query has too many errors; the first ${GRAPHQL_MAX_VALIDATION_ERRORS} are shown`;
  return message;
}
