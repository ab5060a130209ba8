// The calendar every capability counts days in. Below auth, access and retention, which all need it.

// One formatter for the process: making an Intl.DateTimeFormat cost more than the rest of a call's
// policy check, and every routed call asks for the day twice (issue 14, profiled).
const JAPAN_DAY = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Tokyo', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The terminal's calendar day in Japan, which is when a duty starts or ends. */
export function japanDate(at: Date): string {
  return JAPAN_DAY.format(at);
}
