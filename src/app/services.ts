import type { Clock } from '../clock';
import type { PersonRepository, RegisterRepository } from './ports';

/** What every use case may need; built once in main.ts (or by a test). */
export interface Services {
  registers: RegisterRepository;
  people: PersonRepository;
  clock: Clock;
  bootstrapCoordinators: readonly string[];
}
