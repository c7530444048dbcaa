/**
 * Imported first by a test that measures the event loop: graphql-js picks its `instanceOf` at load time from
 * NODE_ENV, and the development one (a guard against two copies of graphql) makes executing a large answer
 * about three times slower than production runs it. The app's own NODE_ENV comes from its validated
 * environment (`test`), not from here; nothing in apps/api reads process.env.NODE_ENV.
 */
process.env.NODE_ENV = 'production';
