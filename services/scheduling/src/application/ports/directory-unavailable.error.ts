/** The directory did not answer (down, or too slow): callers answer 503 / SERVICE_UNAVAILABLE, never guess. */
export class DirectoryUnavailableError extends Error {
  constructor(readonly reason: string) {
    super('The patient directory cannot be reached right now; please try again in a few minutes or call the practice');
    this.name = 'DirectoryUnavailableError';
  }
}
