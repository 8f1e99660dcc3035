// One jest file for the cases of one area: the app's modules are loaded once for all of them (each case file
// still boots its own app on its own database). Run one case file with -t and its describe's name.
import '../web/city-monitor.e2e.js';
import '../web/tenders.e2e.js';
import '../web/time-account.e2e.js';
import '../web/vacancy-pages.e2e.js';
import '../web/umbrella-collecting.e2e.js';
