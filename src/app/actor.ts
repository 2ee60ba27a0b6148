import type { Role } from '../domain/registers/roles';
import type { Expert } from '../domain/registers/types';
import type { PersonProfile } from './describe-person';
import type { Person } from './ports';

/**
 * Who acts in a use case: identity from Teams (never from card data), roles from the registers.
 * Every use case a route calls takes one and decides itself whether this actor may do it.
 */
export interface Actor {
  /** Lower case; empty when Teams gave no e-mail (then nobody can be told from anybody else). */
  email: string;
  aadObjectId: string;
  roles: readonly Role[];
  /** The expert register row, when the actor is an expert. */
  expert?: Expert;
  /** The actor's unit from the staff register. */
  staffUnitId?: string;
  /** The unit the actor chose once, when the staff register has none. */
  chosenUnitId?: string;
}

export function actorFrom(person: Person, profile: PersonProfile): Actor {
  return {
    email: profile.email,
    aadObjectId: person.aadObjectId,
    roles: profile.roles,
    expert: profile.expert,
    staffUnitId: profile.staff?.unitId,
    chosenUnitId: person.chosenUnitId,
  };
}

export const isCoordinator = (a: Actor): boolean => a.roles.includes('coordinator');

/** Orderers order: the catalogue, a written order, the order card. */
export const isOrderer = (a: Actor): boolean => a.roles.includes('orderer');

/** The refusal every use case gives someone without the role: no more than any unauthorised click tells. */
export const NOT_ALLOWED = 'command_not_allowed' as const;
