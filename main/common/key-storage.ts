/**
 * How the secret key is kept: by the OS keychain or its equivalent; weakly (Linux without a
 * keyring, by explicit choice); in memory for this run only; or not at all yet.
 */
export type KeyStorage = 'protected' | 'weak' | 'this-run-only' | 'needs-key';
