// One jest file for the cases of one area: the app's modules are loaded once for all of them (each case file
// still boots its own app on its own database). Run one case file with -t and its describe's name.
import '../properties.e2e.js';
import '../property-publication.e2e.js';
import '../vacancy-file.e2e.js';
import '../tenders.e2e.js';
