import { EnvironmentError, validateEnvironment } from './environment';

describe('validateEnvironment', () => {
  it('should apply defaults when nothing is set', () => {
    const env = validateEnvironment({});
    expect(env).toMatchObject({ PORT: 3000, QUEUE_PREFIX: 'tms', WORKER_IN_PROCESS: true });
    expect(env.DATABASE_URL).toBeUndefined();
  });

  it('should convert numbers and booleans', () => {
    const env = validateEnvironment({ PORT: '8080', WORKER_IN_PROCESS: 'false', RUN_MIGRATIONS: '0' });
    expect(env).toMatchObject({ PORT: 8080, WORKER_IN_PROCESS: false, RUN_MIGRATIONS: false });
  });

  it('should stop with a message naming every bad variable', () => {
    const attempt = () =>
      validateEnvironment({
        PORT: 'eighty',
        DATABASE_URL: 'mysql://x',
        REDIS_URL: 'http://x',
        NODE_ENV: 'prod',
      });
    expect(attempt).toThrow(EnvironmentError);
    try {
      attempt();
    } catch (error) {
      const message = (error as Error).message;
      for (const name of ['PORT', 'DATABASE_URL', 'REDIS_URL', 'NODE_ENV']) expect(message).toContain(name);
    }
  });

  it('should ignore unrelated variables and empty values', () => {
    const env = validateEnvironment({ PATH: '/bin', DATABASE_URL: '', HOME: '/root' });
    expect(env.DATABASE_URL).toBeUndefined();
  });
});
