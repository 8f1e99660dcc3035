// One jest file for the cases of one area: the app's modules are loaded once for all of them (each case file
// still boots its own app on its own database). Run one case file with -t and its describe's name.
import '../web/umbrella-sign-in.e2e.js';
import '../web/umbrella-rounds.e2e.js';
import '../web/umbrella-tenants.e2e.js';
import '../web/umbrella-invoicing.e2e.js';
import '../web/umbrella-handovers.e2e.js';
import '../web/umbrella-reports.e2e.js';
import '../web/password-reset.e2e.js';
