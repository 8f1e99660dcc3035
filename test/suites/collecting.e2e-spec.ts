// One jest file for the cases of one area: the app's modules are loaded once for all of them (each case file
// still boots its own app on its own database). Run one case file with -t and its describe's name.
import '../direct-debit.e2e.js';
import '../bank-statements.e2e.js';
import '../collection-round-trip.e2e.js';
import '../dunning.e2e.js';
import '../mail-collecting.e2e.js';
