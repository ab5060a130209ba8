// The calendar every capability counts days in. Below auth, access and retention, which all need it.

/** The terminal's calendar day in Japan, which is when a duty starts or ends. */
export function japanDate(at: Date): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Tokyo', year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}
