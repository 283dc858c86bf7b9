package io.docextract.synth;

import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Invoice vocabulary per language: firm names and legal forms, streets and towns, and billed goods
 * and services. Latin-1 only (é, ü, ß, ñ, €, £), which the PDF's standard font prints.
 */
final class InvoiceWords {

  private static final Map<InvoiceLanguage, List<String>> FIRST =
      Map.of(
          InvoiceLanguage.EN,
              List.of(
                  "Acme",
                  "Brightlane",
                  "Corvid",
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
                  "Tidewater",
                  "Blue Fox",
                  "Crown"),
          InvoiceLanguage.DE,
              List.of(
                  "Müller",
                  "Schneider",
                  "Becker",
                  "Hoffmann",
                  "Nordlicht",
                  "Alpen",
                  "Rheintal",
                  "Weber",
                  "Schäfer",
                  "Sonnenberg",
                  "Lindenhof",
                  "Brandt"),
          InvoiceLanguage.FR,
              List.of(
                  "Dupont",
                  "Lefèvre",
                  "Moreau",
                  "Atelier Bleu",
                  "Rivière",
                  "Garnier",
                  "Lumière",
                  "Bonnet",
                  "Provence",
                  "Mercier",
                  "Val de Loire"),
          InvoiceLanguage.NL,
              List.of(
                  "Van der Berg",
                  "De Vries",
                  "Jansen",
                  "Bakker",
                  "Visser",
                  "Smit",
                  "Noordzee",
                  "Polder",
                  "De Molen",
                  "Hoekstra",
                  "Oranje"),
          InvoiceLanguage.ES,
              List.of(
                  "García",
                  "Martínez",
                  "Sierra",
                  "Mediterráneo",
                  "López",
                  "Sol de Levante",
                  "Castilla",
                  "Ibérica",
                  "Navarro",
                  "Peña",
                  "Costa Azul"));
  private static final Map<InvoiceLanguage, List<String>> TRADE =
      Map.of(
          InvoiceLanguage.EN,
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
                  "Labs",
                  "Hosting"),
          InvoiceLanguage.DE,
              List.of(
                  "Haustechnik",
                  "Software",
                  "Logistik",
                  "Bürobedarf",
                  "Beratung",
                  "Elektro",
                  "Druckerei",
                  "IT-Service",
                  "Maschinenbau"),
          InvoiceLanguage.FR,
              List.of(
                  "Conseil",
                  "Informatique",
                  "Transports",
                  "Fournitures",
                  "Bureautique",
                  "Services",
                  "Imprimerie",
                  "Ingénierie"),
          InvoiceLanguage.NL,
              List.of(
                  "Advies",
                  "Techniek",
                  "Logistiek",
                  "Kantoorartikelen",
                  "Installatie",
                  "Webdesign",
                  "Transport",
                  "Automatisering"),
          InvoiceLanguage.ES,
              List.of(
                  "Consultores",
                  "Suministros",
                  "Informática",
                  "Logística",
                  "Servicios",
                  "Reformas",
                  "Distribuciones",
                  "Ingeniería"));
  private static final Map<InvoiceLanguage, List<String>> FORMS =
      Map.of(
          InvoiceLanguage.EN, List.of("Ltd", "Ltd.", "Inc.", "LLC", "Limited", "PLC", "Corp."),
          InvoiceLanguage.DE, List.of("GmbH", "AG", "GmbH & Co. KG", "e.K.", "KG"),
          InvoiceLanguage.FR, List.of("SARL", "SAS", "S.A.", "EURL"),
          InvoiceLanguage.NL, List.of("B.V.", "N.V.", "V.O.F."),
          InvoiceLanguage.ES, List.of("S.L.", "S.A.", "S.L.U."));
  private static final Map<InvoiceLanguage, List<String>> STREETS =
      Map.of(
          InvoiceLanguage.EN,
              List.of(
                  "%d High Street",
                  "%d Station Road",
                  "%d Main Street",
                  "Unit %d, Harbour Park",
                  "%d King Road",
                  "Suite %d, 500 Market St"),
          InvoiceLanguage.DE,
              List.of(
                  "Hauptstraße %d",
                  "Bahnhofstr. %d", "Lindenweg %d", "Industriestraße %d", "Am Markt %d"),
          InvoiceLanguage.FR,
              List.of(
                  "%d rue de la Paix",
                  "%d avenue Victor Hugo", "%d boulevard Voltaire", "%d place de la République"),
          InvoiceLanguage.NL,
              List.of("Keizersgracht %d", "Stationsweg %d", "Dorpsstraat %d", "Industrieweg %d"),
          InvoiceLanguage.ES,
              List.of(
                  "Calle Mayor %d",
                  "Avenida de América %d", "Paseo de Gracia %d", "Calle Alcalá %d"));
  private static final Map<InvoiceLanguage, List<String>> TOWNS =
      Map.of(
          InvoiceLanguage.EN,
              List.of(
                  "London EC1A 1BB",
                  "Manchester M1 2AB",
                  "Bristol BS1 4DJ",
                  "New York, NY 10001",
                  "Austin, TX 78701",
                  "Toronto, ON M5V 2T6",
                  "Sydney NSW 2000",
                  "Leeds LS1 3AD"),
          InvoiceLanguage.DE,
              List.of(
                  "10115 Berlin",
                  "80331 München",
                  "50667 Köln",
                  "20095 Hamburg",
                  "8001 Zürich",
                  "1010 Wien"),
          InvoiceLanguage.FR,
              List.of(
                  "75002 Paris", "69001 Lyon", "13001 Marseille", "33000 Bordeaux", "1204 Genève"),
          InvoiceLanguage.NL,
              List.of(
                  "1015 CS Amsterdam", "3011 AD Rotterdam", "3511 LX Utrecht", "9711 LM Groningen"),
          InvoiceLanguage.ES,
              List.of("28013 Madrid", "08007 Barcelona", "46002 Valencia", "41001 Sevilla"));
  private static final Map<InvoiceLanguage, List<String>> ITEMS =
      Map.of(
          InvoiceLanguage.EN,
              List.of(
                  "Consulting hours",
                  "Software licence",
                  "Cloud hosting",
                  "Support plan",
                  "Design work",
                  "Freight charge",
                  "Installation",
                  "Training session",
                  "Annual maintenance",
                  "Toner cartridge",
                  "USB-C cable 2m",
                  "Office chair",
                  "Domain renewal",
                  "Project management",
                  "Hardware rental",
                  "Shipping"),
          InvoiceLanguage.DE,
              List.of(
                  "Beratung (Stunden)",
                  "Softwarelizenz",
                  "Wartungsvertrag",
                  "Montage",
                  "Versandkosten",
                  "Schulung",
                  "Webhosting Paket M",
                  "Druckerpatrone",
                  "Heizungswartung",
                  "Anfahrtspauschale",
                  "Bürostuhl",
                  "Projektleitung"),
          InvoiceLanguage.FR,
              List.of(
                  "Prestation de conseil",
                  "Licence logiciel",
                  "Frais de port",
                  "Hébergement web",
                  "Maintenance annuelle",
                  "Formation",
                  "Installation",
                  "Cartouche d'encre",
                  "Développement",
                  "Déplacement"),
          InvoiceLanguage.NL,
              List.of(
                  "Advieswerkzaamheden",
                  "Softwarelicentie",
                  "Verzendkosten",
                  "Onderhoud",
                  "Installatie",
                  "Webhosting",
                  "Training",
                  "Voorrijkosten",
                  "Inktcartridge",
                  "Projectbegeleiding"),
          InvoiceLanguage.ES,
              List.of(
                  "Servicios de consultoría",
                  "Licencia de software",
                  "Gastos de envío",
                  "Mantenimiento",
                  "Instalación",
                  "Alojamiento web",
                  "Formación",
                  "Desplazamiento",
                  "Cartucho de tóner",
                  "Desarrollo a medida"));

  private InvoiceWords() {}

  static String firm(Random r, InvoiceLanguage lang) {
    return pick(r, FIRST.get(lang))
        + " "
        + pick(r, TRADE.get(lang))
        + " "
        + pick(r, FORMS.get(lang));
  }

  static String street(Random r, InvoiceLanguage lang) {
    return String.format(pick(r, STREETS.get(lang)), 1 + r.nextInt(180));
  }

  static String town(Random r, InvoiceLanguage lang) {
    return pick(r, TOWNS.get(lang));
  }

  static String item(Random r, InvoiceLanguage lang) {
    String name = pick(r, ITEMS.get(lang));
    return r.nextInt(6) == 0
        ? name + " " + (char) ('A' + r.nextInt(6)) + (10 + r.nextInt(90))
        : name;
  }

  static String pick(Random r, List<String> words) {
    return words.get(r.nextInt(words.size()));
  }

  /** A line with its placeholder (if any) filled: payment days, or an id number. */
  static String fill(Random r, String line) {
    if (!line.contains("%d")) {
      return line;
    }
    boolean days = line.matches("(?i).*(days|tage|jours|dagen|días).*");
    return String.format(
        line, days ? List.of(14, 30, 60).get(r.nextInt(3)) : 100000 + r.nextInt(900000));
  }
}
