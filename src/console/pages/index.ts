// The console's pages, in navigation order. A new page (registrations, statistics) is a module
// exporting a ConsolePage, added to this list: it gets the same sign-in, roles, scope, CSRF and
// audit helpers through the router, and its navigation entry shows to the roles it names.
import type { ConsolePage } from '../router.ts';
import { accountPage } from './account.ts';
import { auditPage } from './audit.ts';
import { cannedPage } from './canned.ts';
import { chatPage } from './chat.ts';
import { deadLettersPage } from './dead-letters.ts';
import { eventsPage } from './events.ts';
import { mediaPage } from './media.ts';
import { queuePage } from './queue.ts';
import { registrationsPage } from './registrations.ts';
import { signInPage } from './sign-in.ts';
import { staffPage } from './staff.ts';
import { statsPage } from './stats.ts';

export const PAGES: readonly ConsolePage[] = [queuePage, registrationsPage, chatPage, mediaPage, eventsPage, deadLettersPage, statsPage, staffPage, auditPage, accountPage, signInPage, cannedPage];
