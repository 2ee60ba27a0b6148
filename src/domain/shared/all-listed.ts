/**
 * A type that compiles only when `Missing` is `never`: a stored-row schema names every value its
 * domain type allows (`Exclude<Domain, Schema>`), so a value the code writes can be read back.
 */
export type AllListed<Missing extends never> = Missing;
