// One jest file for the cases of one area: the app's modules are loaded once for all of them (each case file
// still boots its own app on its own database). Run one case file with -t and its describe's name.
import '../web/maker-applications.e2e.js';
import '../web/maker-invoices.e2e.js';
import '../web/maker-portal.e2e.js';
import '../web/owner-portal.e2e.js';
import '../web/owner-reports.e2e.js';
