// Calendar days as YYYY-MM-DD: the one check shared by the API's date parameters and the ingest of metadata.

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** true for a real calendar day in YYYY-MM-DD form ("2024-02-30" and "2024-13-01" are not). */
export function isIsoDay(value: string): boolean {
  const m = ISO_DAY.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return d.getUTCFullYear() === +m[1] && d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3];
}
