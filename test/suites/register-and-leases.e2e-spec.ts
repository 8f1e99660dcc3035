// One jest file for the cases of one area: the app's modules are loaded once for all of them (each case file
// still boots its own app on its own database). Run one case file with -t and its describe's name.
import '../register.e2e.js';
import '../leases.e2e.js';
import '../lease-endings.e2e.js';
import '../corrections.e2e.js';
import '../refusals.e2e.js';
import '../lists.e2e.js';
