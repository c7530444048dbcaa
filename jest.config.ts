import type { Config } from 'jest';

/** One Jest project per package; every project compiles TypeScript with SWC (decorator metadata on). */
const swcTransform: Config['transform'] = {
  '^.+\\.(t|j)sx?$': [
    '@swc/jest',
    {
      jsc: {
        parser: { syntax: 'typescript', decorators: true, tsx: true },
        transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
        target: 'es2023',
      },
      module: { type: 'commonjs' },
    },
  ],
  // NestJS 12, Apollo and a few others ship ES modules only. Jest on Node 20 cannot require() them, so SWC
  // compiles them to CommonJS (once; Jest caches the result).
  '^.+\\.(m|c)?js$': [
    '@swc/jest',
    {
      jsc: { parser: { syntax: 'ecmascript' }, target: 'es2023' },
      module: { type: 'commonjs', ignoreDynamic: true },
    },
  ],
};

/** CommonJS packages that need no compiling (large ones are listed to keep the first run fast). */
const transformIgnorePatterns = [
  '/node_modules/\\.pnpm/(typeorm|graphql|pg|pg-[a-z-]+|rxjs|class-validator|class-transformer|lodash|libphonenumber-js|bullmq|ioredis|@swc|@jest|jest-[a-z-]+|swagger-ui-dist|pino|pino-[a-z-]+|express|body-parser|iconv-lite|supertest|superagent|tslib|reflect-metadata|@babel)@',
];

const nodeProject = {
  testEnvironment: 'node',
  transform: swcTransform,
  transformIgnorePatterns,
  moduleFileExtensions: ['ts', 'tsx', 'js', 'mjs', 'cjs', 'json'],
  testEnvironmentOptions: { customExportConditions: ['node', 'require', 'default'] },
} satisfies Config;

const workspaceSources = {
  '^@tms/(domain|calendar|demo-data|forecasting)$': '<rootDir>/../../libs/$1/src/index.ts',
};

function libProject(name: string): Config {
  return {
    displayName: name,
    rootDir: `libs/${name}`,
    ...nodeProject,
    moduleNameMapper: workspaceSources,
    testMatch: ['<rootDir>/src/**/*.spec.ts'],
  };
}

const config: Config = {
  // Setting up an app on its own database, or a child process, takes seconds on a loaded 2-core machine;
  // Jest's 5 s default then fails tests that are correct. (A global option: projects cannot set it.)
  testTimeout: 30_000,
  projects: [
    libProject('domain'),
    libProject('calendar'),
    libProject('demo-data'),
    libProject('forecasting'),
    {
      // The README's two commands check Node before they install anything.
      displayName: 'scripts',
      rootDir: 'scripts',
      ...nodeProject,
      testMatch: ['<rootDir>/**/*.spec.mjs'],
    },
    {
      displayName: 'api',
      rootDir: 'apps/api',
      ...nodeProject,
      moduleNameMapper: workspaceSources,
      testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/test/**/*.int-spec.ts'],
      globalSetup: '<rootDir>/test/global-setup.ts',
      globalTeardown: '<rootDir>/test/global-teardown.ts',
    },
    {
      // The browser test drives the built SPA served by the real API, so it shares the API's database setup.
      displayName: 'web',
      rootDir: 'apps/web',
      ...nodeProject,
      moduleNameMapper: workspaceSources,
      testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/e2e/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/../api/test/global-setup.ts',
      globalTeardown: '<rootDir>/../api/test/global-teardown.ts',
    },
  ],
};

export default config;
