import type { Schemas } from '../../shared/api/client';

type ImportJob = Schemas['ImportJobDto'];

/** Still working: poll it. */
export function isImportActive(job: Pick<ImportJob, 'state'>): boolean {
  return job.state === 'queued' || job.state === 'running';
}

export type ProgressStatus = 'active' | 'success' | 'exception' | 'normal';

/** How the progress bar looks for a job. */
export function progressStatus(job: Pick<ImportJob, 'state' | 'rowsInvalid'>): ProgressStatus {
  switch (job.state) {
    case 'queued':
      return 'normal';
    case 'running':
      return 'active';
    case 'succeeded':
      return 'success';
    case 'rejected':
    case 'failed':
      return 'exception';
  }
}

export const STATE_COLOURS: Record<ImportJob['state'], string> = {
  queued: 'default',
  running: 'processing',
  succeeded: 'success',
  rejected: 'warning',
  failed: 'error',
};
