// A connection is one renderer window, one dev-host socket or one kura-admin run. The session lives
// here in the main process; the renderer never holds a token it could leak.
import type { Business } from '../../shared/codes';

export type Session = {
  userId: string;
  business: Business | null;
  startedAt: number;
  lastActivityAt: number;
  locked: boolean;
  mustChangePassword: boolean;
  /** AC-8: My Number access switched off by the user for now. */
  myNumberOff: boolean;
};

export class Connection {
  session: Session | null = null;
  /** Set when a newer login of the same user ended this session (AC-1). */
  replaced = false;
  constructor(readonly origin: 'ipc' | 'devhost' | 'cli' | 'test') {}

  /** AC-10: OS lock or suspend, or the lock button. */
  lock(): void {
    if (this.session) this.session.locked = true;
  }

  end(): void {
    this.session = null;
  }

  /** Ended by the same user's login elsewhere. */
  replace(): void {
    this.session = null;
    this.replaced = true;
  }
}
