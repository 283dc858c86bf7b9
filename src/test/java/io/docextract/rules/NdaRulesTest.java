package io.docextract.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.docextract.values.Normaliser;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shipped NDA rules (pipelines/rules/nda.yaml) on signature blocks laid out as Tika parses
 * contract PDFs: signatures dated on their line, captions and blank lines between, two columns.
 */
class NdaRulesTest {

  private static final String PREAMBLE =
      """
      CONFIDENTIALITY AGREEMENT
      This Agreement is made by and between Quillfeather Systems, Inc., a Delaware corporation
      (the "Company"), and the undersigned employee.
      WHEREAS the Company will disclose information;
      """;

  private static RuleSet rules;

  @BeforeAll
  static void load() throws IOException {
    rules = RuleSet.load(Path.of("pipelines/rules/nda.yaml"));
  }

  private static List<String> parties(String signatures) {
    return rules.apply(PREAMBLE + signatures).get("party").stream()
        .map(Normaliser.KLEISTER::apply)
        .toList();
  }

  @Test
  void anEmployeeWhoSignsAFormWithACaptionIsAParty() {
    String text =
        """
        I, Dana Whitcombe, have executed this Agreement on the date set forth below:

        Date: May 5, 2011                               /s/ Dana Whitcombe

              (Signature)

                  Dana Whitcombe
              (Type/Print Name)
        """;
    assertEquals(List.of("QUILLFEATHER_SYSTEMS_INC.", "DANA_WHITCOMBE"), parties(text));
  }

  @Test
  void theNameTypedUnderTheCaptionIsTheOneKept() {
    String text =
        """
        Date: November 19, 2004 /s/ LEN OKAFOR
         Signature

         LEN R. OKAFOR
        """;
    assertEquals(List.of("QUILLFEATHER_SYSTEMS_INC.", "LEN_R._OKAFOR"), parties(text));
  }

  @Test
  void aWitnessAndAnOfficerWhoSignsByAreNotParties() {
    String text =
        """
        Quillfeather Systems, Inc.

        By: /s/ Harriet P. Ames
        Signature
        Harriet P. Ames

        Witness:

        /s/ Tobias Renn
        Signature

        Tobias Renn
        Name (typed or printed)
        """;
    assertEquals(List.of("QUILLFEATHER_SYSTEMS_INC."), parties(text));
  }

  @Test
  void anIndividualSigningBesideAnOfficerIsAParty() {
    String text =
        """
        QUILLFEATHER: ASSOCIATE:

        BY: /s/ Harriet P. Ames /s/ Marco Lindqvist
         Harriet P. Ames Marco Lindqvist
         Executive Vice President, Human Resources Store Manager
        """;
    assertEquals(List.of("QUILLFEATHER_SYSTEMS_INC.", "MARCO_LINDQVIST"), parties(text));
  }

  @Test
  void anIndividualSigningInTheLeftColumnIsAPartyAndTheOfficerBesideIsNot() {
    String text =
        """
        EMPLOYEE QUILLFEATHER SYSTEMS, INC.

        /s/ Pia Sorensen /s/ William F. Drake

        Pia Sorensen William F. Drake, Chief Financial Officer
        Printed Name Name, Title
        """;
    assertEquals(List.of("QUILLFEATHER_SYSTEMS_INC.", "PIA_SORENSEN"), parties(text));
  }
}
