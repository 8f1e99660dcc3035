// One jest file for the cases of one area: the app's modules are loaded once for all of them (each case file
// still boots its own app on its own database). Run one case file with -t and its describe's name.
import '../applications.e2e.js';
import '../taken-floors.e2e.js';
import '../handovers.e2e.js';
import '../scheduled-handovers.e2e.js';
