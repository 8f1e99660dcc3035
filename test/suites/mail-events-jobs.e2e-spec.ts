// One jest file for the cases of one area: the app's modules are loaded once for all of them (each case file
// still boots its own app on its own database). Run one case file with -t and its describe's name.
import '../mail.e2e.js';
import '../mail-kinds.e2e.js';
import '../events.e2e.js';
import '../jobs.e2e.js';
