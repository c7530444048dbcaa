import { Initial1795482385881 } from './1795482385881-Initial';
import { ImportJobCreatedAt1795483665650 } from './1795483665650-ImportJobCreatedAt';
import { ForecastRuns1795483729980 } from './1795483729980-ForecastRuns';
import { Identity1795484802334 } from './1795484802334-Identity';
import { RefreshRotatedAt1795487558584 } from './1795487558584-RefreshRotatedAt';
import { RetailerSearchIndex1795487900000 } from './1795487900000-RetailerSearchIndex';
import { ForecastRunFestivalProfile1795492663001 } from './1795492663001-ForecastRunFestivalProfile';
import { ImportJobCreatedBy1795494578115 } from './1795494578115-ImportJobCreatedBy';
import { RetailerPerturbationKey1795500000000 } from './1795500000000-RetailerPerturbationKey';
import { SessionFamiliesAndThrottle1795500500000 } from './1795500500000-SessionFamiliesAndThrottle';

/** Every migration, in order. A landed migration is never edited: add a new one. */
export const MIGRATIONS: Array<new () => object> = [
  Initial1795482385881,
  ImportJobCreatedAt1795483665650,
  ForecastRuns1795483729980,
  Identity1795484802334,
  RefreshRotatedAt1795487558584,
  RetailerSearchIndex1795487900000,
  ForecastRunFestivalProfile1795492663001,
  ImportJobCreatedBy1795494578115,
  RetailerPerturbationKey1795500000000,
  SessionFamiliesAndThrottle1795500500000,
];
