import { MessagingTables1763900000000 } from './1763900000000-messaging-tables';
import { OutboxParking1764900000000 } from './1764900000000-outbox-parking';

/** Add to a service's migration list: `migrations: [...MESSAGING_MIGRATIONS, ...own]`. */
export const MESSAGING_MIGRATIONS = [MessagingTables1763900000000, OutboxParking1764900000000];
