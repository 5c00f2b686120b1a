import { argon2id } from 'hash-wasm';
import type { Bytes } from './bytes';

export interface Argon2Input {
  password: string;
  salt: Bytes;
  memoryKiB: number;
  iterations: number;
  parallelism: number;
}

/** Argon2id to a 32-byte key; where it runs is the caller's choice (a worker, main). */
export type Argon2 = (input: Argon2Input) => Promise<Bytes>;

/** On the calling thread (hash-wasm): the thread is blocked for the whole derivation (~0.5 s). */
export const argon2Here: Argon2 = async (input) =>
  (await argon2id({
    password: input.password,
    salt: input.salt,
    memorySize: input.memoryKiB,
    iterations: input.iterations,
    parallelism: input.parallelism,
    hashLength: 32,
    outputType: 'binary',
  })) as Bytes;
