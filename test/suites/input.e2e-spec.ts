// One jest file for the cases of one area: the app's modules are loaded once for all of them (each case file
// still boots its own app on its own database). Run one case file with -t and its describe's name.
import '../bounded-input.e2e.js';
import '../junk-input.e2e.js';
import '../request-limits.e2e.js';
import '../error-language.e2e.js';
import '../openapi.e2e.js';
import '../first-minutes.e2e.js';
import '../feature-registration.e2e.js';
