/** A piece the local stack needs is not on this machine; the message says what and how to provide it. */
export class MissingPrerequisiteError extends Error {
  constructor(what: string, howToFix: string) {
    super(`${what}\n  How to fix: ${howToFix}`);
    this.name = 'MissingPrerequisiteError';
  }
}
