import { importPrivateKey, signUserContext, type UserContext } from '@msp/auth';
import type { KeyObject } from 'node:crypto';
import type { Secret } from '../config/secret';

/**
 * The one holder of the user-context private key: signs the verified caller afresh for each subgraph call, addressed
 * to that subgraph alone, so a header captured at (or forged by) one subgraph is refused by every other.
 */
export class UserContextSigner {
  private readonly key: KeyObject;

  constructor(privateKey: Secret) {
    this.key = importPrivateKey(privateKey.reveal(), 'USER_CONTEXT_PRIVATE_KEY');
  }

  signFor(user: UserContext, subgraph: string): Promise<string> {
    return signUserContext(user, this.key, subgraph);
  }
}
