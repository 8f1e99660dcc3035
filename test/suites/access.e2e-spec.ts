// One jest file for the cases of one area: the app's modules are loaded once for all of them (each case file
// still boots its own app on its own database). Run one case file with -t and its describe's name.
import '../access-policy.e2e.js';
import '../auth.e2e.js';
import '../token-revocation.e2e.js';
import '../login-lockout.e2e.js';
import '../passwords.e2e.js';
import '../umbrella-scope.e2e.js';
import '../income-privacy.e2e.js';
import '../security-headers.e2e.js';
