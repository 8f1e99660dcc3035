// One jest file for the cases of one area: the app's modules are loaded once for all of them (each case file
// still boots its own app on its own database). Run one case file with -t and its describe's name.
import '../invoices.e2e.js';
import '../credit-and-reversal.e2e.js';
import '../payment-idempotency.e2e.js';
import '../immutability.e2e.js';
import '../readable-documents.e2e.js';
import '../e-invoices.e2e.js';
