import { MessagingTables1763900000000 } from './1763900000000-messaging-tables';

/** Add to a service's migration list: `migrations: [...MESSAGING_MIGRATIONS, ...own]`. */
export const MESSAGING_MIGRATIONS = [MessagingTables1763900000000];
