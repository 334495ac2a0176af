/** True when PostgreSQL refused the write for the unique constraint or index named `constraint` (SQLSTATE 23505). */
export function violatesUnique(error: unknown, constraint: string): boolean {
  const pg =
    (error as { driverError?: { code?: string; constraint?: string } }).driverError ??
    (error as { code?: string; constraint?: string });
  return pg?.code === '23505' && pg.constraint === constraint;
}
