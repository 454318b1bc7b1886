/** The audit actions that tell how a database was first filled (the audit log is append-only). */

/** The demo seed: the database holds invented people and demo users with a shared password. */
export const DEMO_SEED_ACTION = "seed";
/** A production setup: the reference lists and the panti registry only. */
export const REFERENCE_SETUP_ACTION = "setup.reference";
