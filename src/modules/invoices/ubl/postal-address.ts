/** An address in the parts an e-invoice asks for (street, postcode, city; the country is always the Netherlands). */
export interface PostalAddress {
  street: string;
  postalZone: string;
  city: string;
}

const DUTCH_POSTCODE = /\b(\d{4})\s?([A-Z]{2})\b/;

/**
 * Reads an address as the product stores it, one line with comma-separated parts
 * (`Wibautstraat 150, 1091 GR Amsterdam`, or a space at the building: `Wibautstraat 150, 1091 GR (ruimte 3.12), Amsterdam`):
 * the first part is the street, the postcode is found after it, and the city is the last part without the postcode.
 * Null when one of the three is missing, because SI-UBL refuses a Dutch address without any of them (BR-NL-3, BR-NL-4).
 */
export function postalAddressOf(address: string | null): PostalAddress | null {
  const parts = (address ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
  if (parts.length < 2) return null;
  const [street, ...rest] = parts;
  const postcode = rest.map((part) => DUTCH_POSTCODE.exec(part)).find(Boolean);
  const city = rest
    .at(-1)!
    .replace(DUTCH_POSTCODE, '')
    .replace(/\([^)]*\)/g, '')
    .trim();
  if (!postcode || !city) return null;
  return { street: street!, postalZone: `${postcode[1]} ${postcode[2]}`, city };
}
