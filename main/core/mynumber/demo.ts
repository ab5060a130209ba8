import { computeCheckDigit } from '../../../shared/mynumber';

/**
 * A synthetic, valid, unique-per-index My Number for demos and benchmarks: an affine bijection on
 * 11 digits (7919 is coprime to 10^11) plus the real check digit. Not an issued number.
 */
export function demoMyNumber(index: number): string {
  const first11 = String((index * 7919 + 31_415_926_535) % 100_000_000_000).padStart(11, '0');
  return first11 + String(computeCheckDigit(first11));
}
