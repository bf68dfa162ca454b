import { availableParallelism } from "node:os";

/**
 * Each argon2id computation holds 19 MiB. Running more of them at once than there are cores
 * only adds memory and latency, so hashes wait for a free slot instead.
 */
export function createSlots(size: number) {
  let free = size;
  const waiting: (() => void)[] = [];
  return async function withSlot<T>(work: () => Promise<T>): Promise<T> {
    if (free > 0) free -= 1;
    else await new Promise<void>((resolve) => waiting.push(resolve));
    try {
      return await work();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else free += 1;
    }
  };
}

export const withHashingSlot = createSlots(Math.max(1, availableParallelism()));
