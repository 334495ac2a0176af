import { createHash, randomBytes } from 'node:crypto';

/** A calendar feed's secret: 32 random bytes, base64url (43 characters); only its SHA-256 is stored. */
export interface FeedToken {
  token: string;
  hash: string;
}

const TOKEN = /^[A-Za-z0-9_-]{43}$/;

export function newFeedToken(): FeedToken {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashFeedToken(token) };
}

export function hashFeedToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export function looksLikeFeedToken(value: string): boolean {
  return TOKEN.test(value);
}
