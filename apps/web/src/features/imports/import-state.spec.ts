import { isImportActive, progressStatus } from './import-state';

describe(isImportActive.name, () => {
  it('should poll only queued and running imports', () => {
    expect(isImportActive({ state: 'queued' })).toBe(true);
    expect(isImportActive({ state: 'running' })).toBe(true);
    expect(isImportActive({ state: 'succeeded' })).toBe(false);
    expect(isImportActive({ state: 'rejected' })).toBe(false);
    expect(isImportActive({ state: 'failed' })).toBe(false);
  });
});

describe(progressStatus.name, () => {
  it('should show a finished import as success and a rejected or failed one as an exception', () => {
    expect(progressStatus({ state: 'running', rowsInvalid: 0 })).toBe('active');
    expect(progressStatus({ state: 'succeeded', rowsInvalid: 0 })).toBe('success');
    expect(progressStatus({ state: 'rejected', rowsInvalid: 3 })).toBe('exception');
  });
});
