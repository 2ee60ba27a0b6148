import type { Expert, StaffMember, Unit } from '../domain/registers/types';
import type { Language } from '../domain/shared/vocabulary';

/** Registers keyed by e-mail (experts, staff) and unit id; rows are replaced by key on import. */
export interface RegisterRepository {
  getExpert(email: string): Promise<Expert | undefined>;
  listExperts(): Promise<Expert[]>;
  putExpert(expert: Expert): Promise<void>;
  getUnit(unitId: string): Promise<Unit | undefined>;
  listUnits(): Promise<Unit[]>;
  putUnit(unit: Unit): Promise<void>;
  getStaff(email: string): Promise<StaffMember | undefined>;
  listStaff(): Promise<StaffMember[]>;
  putStaff(staff: StaffMember): Promise<void>;
  /** True when no register row of any kind exists (the demo register is loaded then). */
  isEmpty(): Promise<boolean>;
}

/** Where the bot can reach a person: the Bot Framework conversation reference, as stored. */
export interface ConversationAddress {
  conversationId: string;
  serviceUrl: string;
  tenantId?: string;
  userId: string; // Teams MRI, 29:…
  botId: string;
  channelId: string;
}

export interface Person {
  aadObjectId: string;
  email: string;
  locale: Language;
  address: ConversationAddress;
  unreachableSince?: string; // ISO; set on 403, cleared when they write again
  chosenUnitId?: string;
  firstSeenAt: string;
}

export interface Stored<T> {
  value: T;
  etag: string;
}

export interface PersonRepository {
  get(aadObjectId: string): Promise<Stored<Person> | undefined>;
  findByEmail(email: string): Promise<Person | undefined>;
  /** Creates (no etag) or updates conditionally on `etag`; throws on a conflict (412/409). */
  save(person: Person, etag?: string): Promise<string>;
}
