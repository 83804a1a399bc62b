import { OUTPUT_LIMITS } from '../output-schema.js';

/** Keeps the output under the guard's total-size limit, with room to spare. */
export class Budget {
  private left: number;
  exhausted = false;
  constructor(chars = OUTPUT_LIMITS.totalChars - 1000) {
    this.left = chars;
  }
  /** Reserves up to `want` characters; returns how many were granted. */
  take(want: number): number {
    const got = Math.max(0, Math.min(want, this.left));
    this.left -= got;
    if (got < want) this.exhausted = true;
    return got;
  }
  get remaining(): number {
    return this.left;
  }
}
