import type { Role } from '../common/auth/principal.js';
import type { MessageKey } from './i18n/i18n.js';

/** One entry of the main menu: where it leads, its label, and the paths for which it is the current page. */
export interface NavItem {
  href: string;
  label: MessageKey;
  current: readonly string[];
}

/**
 * Each role's own pages: the umbrella's workspace for staff, a portal for makers, owners and the city.
 * A role's menu names only pages its capabilities open (the session guard checks them on every request).
 */
const NAVIGATION: Record<Role, readonly NavItem[]> = {
  admin: [
    { href: '/dashboard', label: 'nav.dashboard', current: ['/dashboard', '/buildings', '/handovers', '/rounds', '/applications'] },
    { href: '/tenants', label: 'nav.tenants', current: ['/tenants', '/leases'] },
    { href: '/invoicing', label: 'nav.invoicing', current: ['/invoic', '/payments'] },
    { href: '/collections', label: 'nav.collecting', current: ['/collections', '/mandates', '/bank-statements', '/arrears'] },
    { href: '/messages', label: 'nav.messages', current: ['/messages'] },
    { href: '/time', label: 'time.nav.balance', current: ['/time'] },
    { href: '/reports', label: 'nav.reports', current: ['/reports'] },
    { href: '/tenders', label: 'nav.tenders', current: ['/tenders', '/proposals', '/profiles'] },
  ],
  tenant: [
    { href: '/my', label: 'maker.nav.home', current: ['/my/home'] },
    { href: '/my/applications', label: 'maker.nav.applications', current: ['/my/applications', '/my/offers'] },
    { href: '/my/space', label: 'maker.nav.space', current: ['/my/space'] },
    { href: '/my/invoices', label: 'maker.nav.invoices', current: ['/my/invoices'] },
    { href: '/my/hours', label: 'time.nav.hours', current: ['/my/hours'] },
    { href: '/my/details', label: 'maker.nav.details', current: ['/my/details'] },
  ],
  owner: [
    { href: '/owner', label: 'owner.nav.buildings', current: ['/owner/buildings'] },
    { href: '/owner/properties', label: 'vacancy.nav.properties', current: ['/owner/properties'] },
    { href: '/owner/finance', label: 'owner.nav.finance', current: ['/owner/finance'] },
    { href: '/owner/handovers', label: 'owner.nav.handovers', current: ['/owner/handovers'] },
    { href: '/owner/double-balance', label: 'time.nav.balance', current: ['/owner/double-balance'] },
    { href: '/owner/reports', label: 'owner.nav.reports', current: ['/owner/reports'] },
    { href: '/tenders', label: 'nav.tenders', current: ['/tenders', '/proposals'] },
  ],
  municipality: [
    { href: '/city', label: 'city.nav.monitor', current: ['/city/monitor'] },
    { href: '/city/double-balance', label: 'time.nav.balance', current: ['/city/double-balance'] },
    { href: '/city/vacancies', label: 'vacancy.nav.vacancies', current: ['/city/vacancies'] },
    { href: '/city/reports', label: 'city.nav.reports', current: ['/city/reports'] },
    { href: '/tenders', label: 'nav.tenders', current: ['/tenders', '/proposals'] },
  ],
};

/** Where a role's menu starts, and where signing in or `/` lands. */
export function homeOf(role: Role): string {
  return NAVIGATION[role][0]!.href;
}

/** The menu of a role, each entry marked when the page shown is (under) one of its paths. */
export function navigationFor(role: Role | null, path: string): (NavItem & { isCurrent: boolean })[] {
  if (role === null) return [];
  const pathname = path.split('?')[0]!;
  return NAVIGATION[role].map((item) => ({
    ...item,
    isCurrent: pathname === item.href || item.current.some((prefix) => pathname.startsWith(prefix)),
  }));
}
