import { decimalOfCents } from '../../common/money.js';

export interface TransferRequest {
  /** Optional inside the EEA since version 002 of the guideline. */
  bic: string | null;
  name: string;
  iban: string;
  amountCents: number;
  /** The betalingskenmerk: the bank app fills it in as the structured reference. */
  reference: string;
}

/** The amounts a QR code may ask for (EPC069-12): € 0,01 – € 999.999.999,99. */
export function isPayableByQr(amountCents: number): boolean {
  return Number.isSafeInteger(amountCents) && amountCents >= 1 && amountCents <= 99_999_999_999;
}

/**
 * The text of an EPC QR code (EPC069-12, "Girocode"), version 002 in UTF-8: a banking app that scans
 * it fills in a SEPA credit transfer. Lines: service tag, version, character set, identification,
 * BIC, name (≤ 70), IBAN, amount, purpose, structured reference, unstructured text (empty beside a
 * structured one); trailing empty lines are left out as the guideline allows.
 */
export function epcPayload(request: TransferRequest): string {
  if (!isPayableByQr(request.amountCents)) throw new RangeError(`a QR code cannot ask for ${request.amountCents} cents`);
  return [
    'BCD',
    '002',
    '1',
    'SCT',
    request.bic ?? '',
    request.name.slice(0, 70),
    request.iban,
    `EUR${decimalOfCents(request.amountCents)}`,
    '',
    request.reference,
  ].join('\n');
}
