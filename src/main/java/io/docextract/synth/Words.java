package io.docextract.synth;

import java.util.List;
import java.util.Random;

/**
 * The vocabulary documents are assembled from. Plain ASCII without '&', '<' or '>' so a value reads
 * the same in text, HTML and a PDF's standard font, and a gold value can be checked verbatim in
 * every format.
 */
final class Words {

  static final List<String> SHOP_FIRST =
      List.of(
          "KEDAI",
          "RESTORAN",
          "PASAR",
          "GREEN LEAF",
          "SUNRISE",
          "BLUE OCEAN",
          "GOLDEN",
          "HAPPY",
          "CITY",
          "METRO",
          "PERNIAGAAN",
          "EVERGREEN",
          "LUCKY",
          "ORCHID",
          "NORTHSIDE",
          "MAPLE");
  static final List<String> SHOP_SECOND =
      List.of(
          "MINI MARKET",
          "CAFE",
          "BAKERY",
          "HARDWARE",
          "PHARMACY",
          "BOOKSTORE",
          "KITCHEN",
          "TRADING",
          "STATIONERY",
          "GROCER",
          "NOODLE HOUSE",
          "ELECTRICAL",
          "FLORIST",
          "DELI");
  static final List<String> SHOP_SUFFIX = List.of("SDN BHD", "ENTERPRISE", "LTD", "", "", "CO.");
  static final List<String> FIRM_FIRST =
      List.of(
          "Acme",
          "Brightlane",
          "Corvid",
          "Delta",
          "Emerald",
          "Foxglove",
          "Granite",
          "Harbor",
          "Ironwood",
          "Juniper",
          "Kestrel",
          "Lumen",
          "Meridian",
          "Northwind",
          "Oakridge",
          "Pinecrest",
          "Quill",
          "Redstone",
          "Silverline",
          "Tidewater");
  static final List<String> FIRM_SECOND =
      List.of(
          "Consulting",
          "Logistics",
          "Software",
          "Supplies",
          "Analytics",
          "Design Studio",
          "Engineering",
          "Media",
          "Systems",
          "Labs");
  static final List<String> FIRM_SUFFIX =
      List.of("GmbH", "Ltd", "Inc.", "LLC", "S.A.", "B.V.", "Ltd.", "AG");
  static final List<String> STREETS =
      List.of(
          "JALAN SAGU 18",
          "JALAN AIR PANAS",
          "MAIN STREET",
          "HIGH STREET",
          "JALAN KPB 6",
          "ELM AVENUE",
          "KING ROAD",
          "JALAN BUKIT BINTANG",
          "HARBOUR ROAD",
          "STATION ROAD",
          "JALAN TUN RAZAK",
          "MARKET SQUARE");
  static final List<String> CITIES =
      List.of(
          "KUALA LUMPUR",
          "JOHOR BAHRU",
          "PETALING JAYA",
          "PENANG",
          "SINGAPORE",
          "LONDON",
          "MANCHESTER",
          "SHAH ALAM",
          "IPOH",
          "MALACCA");
  static final List<String> GOODS =
      List.of(
          "MINERAL WATER 500ML",
          "WHITE BREAD",
          "FRIED RICE",
          "ICED TEA",
          "A4 PAPER 80GSM",
          "BATTERY AA 4PK",
          "NASI LEMAK",
          "TEH TARIK",
          "CHICKEN PIE",
          "NOTEBOOK A5",
          "DETERGENT 1KG",
          "PLASTIC BAG",
          "COFFEE BEANS 250G",
          "LED BULB 9W",
          "TOOTHPASTE",
          "INSTANT NOODLES",
          "BALL PEN BLUE",
          "MASKING TAPE");
  static final List<String> SERVICES =
      List.of(
          "Consulting hours",
          "Software licence",
          "Cloud hosting",
          "Data transfer",
          "Support plan",
          "Design work",
          "Freight charge",
          "Installation",
          "Training session",
          "Maintenance",
          "Storage",
          "Translation",
          "Project management",
          "Hardware rental");
  static final List<String> CUSTOMERS =
      List.of(
          "Bluefin Holdings",
          "Orion Retail",
          "Westbrook Partners",
          "Nimbus Health",
          "Summit Foods",
          "Atlas Freight",
          "Cobalt Media");
  static final List<String> RECEIPT_NOISE =
      List.of(
          "THANK YOU, PLEASE COME AGAIN",
          "GOODS SOLD ARE NOT RETURNABLE",
          "CASHIER: 0%d",
          "TERMINAL %d",
          "GST REG NO: 00%d",
          "TEL: 03-%d",
          "*** CUSTOMER COPY ***",
          "KEEP THIS RECEIPT FOR EXCHANGE",
          "POINTS EARNED: %d",
          "WIFI PASSWORD: GUEST%d");
  static final List<String> INVOICE_NOISE =
      List.of(
          "Payment terms: 30 days net",
          "Please quote the invoice number with your payment.",
          "VAT ID: GB%d",
          "Bank: IBAN DE89 3704 0044 0532 0130 00",
          "Thank you for your business.",
          "Customer reference: PO-%d",
          "Page 1 of 1",
          "Questions? Call +44 20 7946 %d");

  private Words() {}

  static String pick(Random r, List<String> words) {
    return words.get(r.nextInt(words.size()));
  }

  /** A noise line, its placeholder (if any) filled with a number so lines differ. */
  static String noise(Random r, List<String> lines) {
    String line = pick(r, lines);
    return line.contains("%d") ? String.format(line, 1000 + r.nextInt(9000)) : line;
  }
}
