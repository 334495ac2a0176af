import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';

/**
 * Ed25519 keys as the platform passes them in environment variables: one line each, the base64url of the DER encoding
 * (PKCS#8 for a private key, SPKI for a public one), or a PEM block for keys made by other tools (openssl genpkey
 * -algorithm ed25519). Asymmetric so that whoever can verify cannot sign: only the gateway signs user contexts, only a
 * service signs its own service tokens.
 */
export const SIGNING_ALGORITHM = 'EdDSA';

export interface EncodedKeyPair {
  privateKey: string;
  publicKey: string;
}

/** A fresh key pair, each half encoded for an environment variable. */
export function generateSigningKeyPair(): EncodedKeyPair {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return {
    privateKey: privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64url'),
    publicKey: publicKey.export({ format: 'der', type: 'spki' }).toString('base64url'),
  };
}

export function importPrivateKey(encoded: string | KeyObject, variable = 'private key'): KeyObject {
  if (typeof encoded !== 'string') return ed25519(encoded, 'private', variable);
  try {
    const key = isPem(encoded)
      ? createPrivateKey(encoded)
      : createPrivateKey({ key: Buffer.from(encoded.trim(), 'base64url'), format: 'der', type: 'pkcs8' });
    return ed25519(key, 'private', variable);
  } catch (error) {
    throw new Error(`${variable} is not an Ed25519 private key (base64url PKCS#8 DER or PEM)`, { cause: error });
  }
}

export function importPublicKey(encoded: string | KeyObject, variable = 'public key'): KeyObject {
  if (typeof encoded !== 'string') return ed25519(encoded, 'public', variable);
  try {
    const key = isPem(encoded)
      ? createPublicKey(encoded)
      : createPublicKey({ key: Buffer.from(encoded.trim(), 'base64url'), format: 'der', type: 'spki' });
    return ed25519(key, 'public', variable);
  } catch (error) {
    throw new Error(`${variable} is not an Ed25519 public key (base64url SPKI DER or PEM)`, { cause: error });
  }
}

/** Whether `encoded` reads as a key of that kind; for configuration checks that name the variable. */
export function isEncodedKey(encoded: string, kind: 'private' | 'public'): boolean {
  try {
    if (kind === 'private') importPrivateKey(encoded);
    else importPublicKey(encoded);
    return true;
  } catch {
    return false;
  }
}

/** The public half of a private key, encoded like generateSigningKeyPair's. */
export function publicKeyOf(privateKey: string | KeyObject): string {
  return createPublicKey(importPrivateKey(privateKey)).export({ format: 'der', type: 'spki' }).toString('base64url');
}

function isPem(encoded: string): boolean {
  return encoded.trimStart().startsWith('-----BEGIN');
}

function ed25519(key: KeyObject, kind: 'private' | 'public', variable: string): KeyObject {
  if (key.type !== kind || key.asymmetricKeyType !== 'ed25519')
    throw new Error(`${variable} must be an Ed25519 ${kind} key, got ${key.asymmetricKeyType ?? key.type}`);
  return key;
}
