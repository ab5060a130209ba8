import { demoMember, seededRandom } from '../../core/members';
import { demoMyNumber } from '../../core/mynumber';
import type { Handler } from '../router';

/**
 * Synthetic members (fake names) and valid synthetic numbers for demos and benchmarks. Goes through
 * the same vault as a registration, so field encryption and the blind index are real.
 */
export const seedDemo: Handler<'demo.seed'> = ({ kura, input, commit }) => {
  const random = seededRandom(20261124);
  const start = kura.members.count() + 1;
  const registered = commit(
    () => {
      let n = 0;
      for (let i = start; i < start + input.members; i++) {
        const member = demoMember(i, random);
        kura.members.insert(member);
        if (random() < input.withMyNumberRatio) {
          kura.vault.register(member.shikakuId, demoMyNumber(i));
          n++;
        }
      }
      return n;
    },
    (n) => ({ detail: { members: input.members, registered: n, synthetic: true } }),
  );
  return { members: input.members, registered };
};
