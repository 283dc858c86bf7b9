#!/usr/bin/env python3
"""Generator for docextract's sample-docs/ corpus.

Provenance record: every document in sample-docs/ was produced by this
script. All companies, people, addresses, numbers and amounts are
fictional and were authored for docextract; nothing is copied from a
real document or from any data set. The project build does NOT run this
script -- it is kept only as documentation of how the samples were made.

How to re-run (from the repository root):

    python3 -m venv /tmp/sdvenv
    /tmp/sdvenv/bin/pip install fpdf2 python-docx pypdf
    /tmp/sdvenv/bin/python sample-docs/make_samples.py sample-docs

It overwrites the sample files in place. It does not write README.md.

(Written against fpdf2 2.8.x, python-docx 1.2.x, Python 3.11.) The output
is deterministic in content; PDF/DOCX bytes may differ slightly between
library versions.
"""

import datetime as dt
import random
import sys
from email.message import EmailMessage
from email.policy import SMTP
from pathlib import Path

from docx import Document
from docx.shared import Pt
from fpdf import FPDF

OUT = Path(sys.argv[1] if len(sys.argv) > 1 else "sample-docs")
FIXED_TS = dt.datetime(2024, 7, 1, 9, 0, 0, tzinfo=dt.timezone.utc)


def money(x):
    return f"{x:,.2f}"


# --------------------------------------------------------------------------
# Invoice data (all fictional)
# --------------------------------------------------------------------------
ACME = dict(
    issuer="Acme Widget Supply Co.",
    issuer_addr=["4120 Foundry Road", "Dayton, OH 45402", "United States"],
    issuer_contact="billing@acme-widgets.example | +1 (937) 555-0142",
    number="INV-2024-0173",
    date="2024-03-14",
    due="2024-04-13",
    currency="USD",
    symbol="$",
    bill_to=["Pinecrest Manufacturing Inc.", "Attn: Accounts Payable",
             "88 Harbor Street", "Toledo, OH 43604"],
    lines=[("Industrial Widget, Type A", 10, 45.00),
           ("Mounting Bracket Set", 4, 12.50),
           ("On-site Installation", 1, 120.00)],
    tax_label="Sales tax (8%)", tax_rate=0.08,
    terms="Payment due within 30 days. Please quote the invoice number.",
)

BRIGHTLANE = dict(
    issuer="Brightlane Studio Ltd",
    issuer_addr=["Unit 5, 27 Canal Wharf", "Leeds LS11 5PS", "United Kingdom"],
    issuer_contact="hello@brightlane.example | VAT Reg. GB 123 4567 89",
    number="BL-5521",
    date="2024-05-02",
    due="2024-05-30",
    currency="GBP",
    symbol="\u00a3",
    bill_to=["Marlow & Finch Bakery Ltd", "14 Orchard Lane",
             "York YO1 7HH"],
    lines=[("Brand identity workshop", 1, 950.00),
           ("Logo design package", 1, 1400.00),
           ("Print-ready asset export", 1, 150.00)],
    tax_label="VAT (20%)", tax_rate=0.20,
    terms="Bank transfer to Brightlane Studio Ltd, sort code 00-00-00, "
          "account 12345678.",
)

CORVID = dict(
    issuer="Corvid Analytics GmbH",
    issuer_addr=["Lindenstrasse 42", "10969 Berlin", "Germany"],
    issuer_contact="rechnung@corvid-analytics.example | USt-IdNr. DE999999999",
    number="CA-2024-0456",
    date="2024-06-19",
    due="2024-07-19",
    currency="EUR",
    symbol="\u20ac",
    bill_to=["Hafenblick Logistik AG", "Am Sandtorkai 9", "20457 Hamburg"],
    lines=[("Data pipeline audit", 1, 1800.00),
           ("Dashboard license (annual)", 1, 600.00),
           ("Support hours", 4, 95.00)],
    tax_label="VAT (19%)", tax_rate=0.19,
    terms="Payable within 30 days without deduction.",
)

DELTA = dict(
    issuer="Delta Freight Logistics LLC",
    issuer_addr=["900 Railyard Avenue", "Denver, CO 80216", "United States"],
    issuer_contact="ar@deltafreight.example | +1 (303) 555-0199",
    number="DFL-88213",
    date="2024-02-07",
    due="2024-03-08",
    currency="USD",
    symbol="$",
    bill_to=["Granite Peak Outfitters", "215 Summit Blvd", "Boulder, CO 80302"],
    lines=[("Pallet transport Chicago-Denver", 1, 1250.00),
           ("Liftgate service", 1, 85.00),
           ("Fuel surcharge", 1, 112.50)],
    tax_label=None, tax_rate=0.0,
    terms="Net 30. Freight services are not subject to sales tax.",
)

EMERALD = dict(
    issuer="Emerald Office Supplies Pty Ltd",
    issuer_addr=["Level 2, 61 Wattle Street", "Brisbane QLD 4000", "Australia"],
    issuer_contact="billing@emerald-office.example | ABN 00 000 000 000",
    number="EOS-3391",
    date="2024-07-01",
    due="2024-07-15",
    currency="AUD",
    symbol="$",
    bill_to=["Harbourview Dental Clinic", "3/18 Esplanade",
             "Cairns QLD 4870"],
    lines=[("A4 copy paper (box of 5 reams)", 6, 32.00),
           ("Ergonomic desk chair", 1, 289.00),
           ("Whiteboard markers (12-pack)", 2, 18.50)],
    tax_label="GST (10%)", tax_rate=0.10,
    terms="Payment due within 14 days. EFT to BSB 000-000, account 000000000.",
)


def totals(inv):
    subtotal = round(sum(q * p for _, q, p in inv["lines"]), 2)
    tax = round(subtotal * inv["tax_rate"], 2)
    return subtotal, tax, round(subtotal + tax, 2)


# --------------------------------------------------------------------------
# PDF invoice (real text layer, core Helvetica font)
# --------------------------------------------------------------------------
def invoice_pdf(inv):
    pdf = FPDF(format="A4")
    pdf.set_creation_date(FIXED_TS)
    pdf.set_title(f"Invoice {inv['number']}")
    pdf.set_author(inv["issuer"])
    pdf.set_creator("docextract sample-docs/make_samples.py")
    pdf.set_auto_page_break(True, margin=20)
    pdf.add_page()
    sym = inv["symbol"] if inv["symbol"] == "$" else ""  # core fonts: latin-1

    pdf.set_font("Helvetica", "B", 20)
    pdf.cell(0, 10, inv["issuer"], new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "", 10)
    for line in inv["issuer_addr"] + [inv["issuer_contact"]]:
        pdf.cell(0, 5, line, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(6)

    pdf.set_font("Helvetica", "B", 16)
    pdf.cell(0, 9, "INVOICE", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "", 10)
    meta = [("Invoice Number:", inv["number"]),
            ("Invoice Date:", inv["date"]),
            ("Due Date:", inv["due"]),
            ("Currency:", inv["currency"])]
    for k, v in meta:
        pdf.cell(35, 6, k)
        pdf.cell(0, 6, v, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)

    pdf.set_font("Helvetica", "B", 10)
    pdf.cell(0, 6, "Bill To:", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "", 10)
    for line in inv["bill_to"]:
        pdf.cell(0, 5, line, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(6)

    widths = (90, 20, 35, 35)
    pdf.set_font("Helvetica", "B", 10)
    for w, h in zip(widths, ("Description", "Qty", "Unit Price", "Amount")):
        pdf.cell(w, 7, h, border=1, align="L" if h == "Description" else "R")
    pdf.ln()
    pdf.set_font("Helvetica", "", 10)
    for name, qty, price in inv["lines"]:
        pdf.cell(widths[0], 7, name, border=1)
        pdf.cell(widths[1], 7, str(qty), border=1, align="R")
        pdf.cell(widths[2], 7, f"{sym}{money(price)}", border=1, align="R")
        pdf.cell(widths[3], 7, f"{sym}{money(qty * price)}", border=1, align="R")
        pdf.ln()
    pdf.ln(3)

    subtotal, tax, total = totals(inv)
    rows = [("Subtotal:", subtotal)]
    if inv["tax_label"]:
        rows.append((inv["tax_label"] + ":", tax))
    for label, val in rows:
        pdf.cell(sum(widths[:3]), 6, label, align="R")
        pdf.cell(widths[3], 6, f"{sym}{money(val)}", align="R",
                 new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "B", 11)
    pdf.cell(sum(widths[:3]), 8, f"Total Due ({inv['currency']}):", align="R")
    pdf.cell(widths[3], 8, f"{sym}{money(total)}", align="R",
             new_x="LMARGIN", new_y="NEXT")
    pdf.ln(8)
    pdf.set_font("Helvetica", "", 9)
    pdf.multi_cell(0, 5, inv["terms"], new_x="LMARGIN", new_y="NEXT")
    pdf.multi_cell(0, 5, f"Thank you for your business. - {inv['issuer']}",
                   new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


# --------------------------------------------------------------------------
# DOCX invoice
# --------------------------------------------------------------------------
def invoice_docx(inv, path):
    doc = Document()
    cp = doc.core_properties
    cp.title = f"Invoice {inv['number']}"
    cp.author = inv["issuer"]
    cp.created = cp.modified = FIXED_TS.replace(tzinfo=None)
    cp.last_modified_by = "docextract sample-docs"
    cp.revision = 1
    style = doc.styles["Normal"]
    style.font.name = "Calibri"
    style.font.size = Pt(10)

    doc.add_heading(inv["issuer"], level=1)
    for line in inv["issuer_addr"] + [inv["issuer_contact"]]:
        doc.add_paragraph(line)
    doc.add_heading("INVOICE", level=2)
    doc.add_paragraph(f"Invoice Number: {inv['number']}")
    doc.add_paragraph(f"Invoice Date: {inv['date']}")
    doc.add_paragraph(f"Due Date: {inv['due']}")
    doc.add_paragraph(f"Currency: {inv['currency']}")
    p = doc.add_paragraph()
    p.add_run("Bill To:").bold = True
    for line in inv["bill_to"]:
        doc.add_paragraph(line)

    sym = inv["symbol"]
    table = doc.add_table(rows=1, cols=4)
    table.style = "Table Grid"
    for cell, h in zip(table.rows[0].cells,
                       ("Description", "Qty", "Unit Price", "Amount")):
        cell.text = h
    for name, qty, price in inv["lines"]:
        c = table.add_row().cells
        c[0].text, c[1].text = name, str(qty)
        c[2].text, c[3].text = f"{sym}{money(price)}", f"{sym}{money(qty * price)}"

    subtotal, tax, total = totals(inv)
    doc.add_paragraph(f"Subtotal: {sym}{money(subtotal)}")
    doc.add_paragraph(f"{inv['tax_label']}: {sym}{money(tax)}")
    p = doc.add_paragraph()
    p.add_run(f"Total Due ({inv['currency']}): {sym}{money(total)}").bold = True
    doc.add_paragraph(inv["terms"])
    doc.add_paragraph(f"Thank you for your business. - {inv['issuer']}")
    doc.save(path)
    _strip_docx_thumbnail(path)


def _strip_docx_thumbnail(path):
    """python-docx's default template ships docProps/thumbnail.jpeg, which
    Tika reports as an embedded image; drop it so the DOCX is text only."""
    import re
    import zipfile
    with zipfile.ZipFile(path) as z:
        items = [(i, z.read(i.filename)) for i in z.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for info, data in items:
            if info.filename == "docProps/thumbnail.jpeg":
                continue
            if info.filename == "_rels/.rels":
                data = re.sub(rb'<Relationship [^>]*thumbnail\.jpeg"/>', b"", data)
            info.date_time = (2024, 7, 1, 9, 0, 0)
            z.writestr(info, data)


# --------------------------------------------------------------------------
# HTML invoice
# --------------------------------------------------------------------------
def invoice_html(inv):
    from html import escape as e
    sym = inv["symbol"]
    subtotal, tax, total = totals(inv)
    rows = "\n".join(
        f"      <tr><td>{e(n)}</td><td class=\"num\">{q}</td>"
        f"<td class=\"num\">{sym}{money(p)}</td>"
        f"<td class=\"num\">{sym}{money(q * p)}</td></tr>"
        for n, q, p in inv["lines"])
    addr = "<br>\n      ".join(e(x) for x in inv["issuer_addr"])
    bill = "<br>\n      ".join(e(x) for x in inv["bill_to"])
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Invoice {e(inv['number'])} - {e(inv['issuer'])}</title>
  <style>
    body {{ font-family: Arial, sans-serif; max-width: 720px; margin: 2em auto; }}
    table.items {{ border-collapse: collapse; width: 100%; }}
    table.items th, table.items td {{ border: 1px solid #999; padding: 4px 8px; }}
    .num {{ text-align: right; }}
  </style>
</head>
<body>
  <header>
    <h1>{e(inv['issuer'])}</h1>
    <p>
      {addr}<br>
      {e(inv['issuer_contact'])}
    </p>
  </header>
  <h2>INVOICE</h2>
  <dl>
    <dt>Invoice Number</dt><dd>{e(inv['number'])}</dd>
    <dt>Invoice Date</dt><dd>{e(inv['date'])}</dd>
    <dt>Due Date</dt><dd>{e(inv['due'])}</dd>
    <dt>Currency</dt><dd>{e(inv['currency'])}</dd>
  </dl>
  <section>
    <h3>Bill To</h3>
    <p>
      {bill}
    </p>
  </section>
  <table class="items">
    <thead>
      <tr><th>Description</th><th>Qty</th><th>Unit Price</th><th>Amount</th></tr>
    </thead>
    <tbody>
{rows}
    </tbody>
  </table>
  <table class="totals">
    <tr><td>Subtotal</td><td class="num">{sym}{money(subtotal)}</td></tr>
    <tr><td>{e(inv['tax_label'])}</td><td class="num">{sym}{money(tax)}</td></tr>
    <tr><th>Total Due ({e(inv['currency'])})</th><th class="num">{sym}{money(total)}</th></tr>
  </table>
  <footer>
    <p>{e(inv['terms'])}</p>
    <p>Thank you for your business. &ndash; {e(inv['issuer'])}</p>
  </footer>
</body>
</html>
"""


# --------------------------------------------------------------------------
# Plain-text invoice
# --------------------------------------------------------------------------
def invoice_txt(inv):
    sym = inv["symbol"]
    subtotal, tax, total = totals(inv)
    out = [inv["issuer"], *inv["issuer_addr"], inv["issuer_contact"], "",
           "INVOICE", "",
           f"Invoice Number: {inv['number']}",
           f"Invoice Date:   {inv['date']}",
           f"Due Date:       {inv['due']}",
           f"Currency:       {inv['currency']}", "",
           "Bill To:", *("  " + x for x in inv["bill_to"]), "",
           f"{'Description':<36}{'Qty':>5}{'Unit Price':>14}{'Amount':>14}",
           "-" * 69]
    for n, q, p in inv["lines"]:
        out.append(f"{n:<36}{q:>5}{sym + money(p):>14}{sym + money(q * p):>14}")
    out.append("-" * 69)
    out.append(f"{'Subtotal:':>55}{sym + money(subtotal):>14}")
    if inv["tax_label"]:
        out.append(f"{inv['tax_label'] + ':':>55}{sym + money(tax):>14}")
    out.append(f"{'TOTAL DUE (' + inv['currency'] + '):':>55}{sym + money(total):>14}")
    out += ["", inv["terms"], f"Thank you for your business. - {inv['issuer']}", ""]
    return "\n".join(out)


# --------------------------------------------------------------------------
# Receipts (SROIE-like OCR line dumps; one text line per OCR box)
# --------------------------------------------------------------------------
RECEIPT_KEDAI = """\
KEDAI RUNCIT MAJU JAYA SDN BHD
(1234567-K)
NO 12, JALAN MAWAR 3,
TAMAN SRI MUDA,
40400 SHAH ALAM, SELANGOR.
TEL: 03-5555 0123
GST ID: 000123456789
TAX INVOICE
INVOICE NO : CS-0048812
DATE: 14/05/2018
TIME: 10:42:17
CASHIER : AMIRAH
ITEM
QTY
U/PRICE
AMOUNT
ROTI GANDUM 400G
1
3.20
3.20 SR
SERBUK KOKO 1KG
1
15.90
15.90 SR
TELUR AYAM GRED A 10BJ
1
4.80
4.80 SR
TOTAL QTY: 3
TOTAL INCLUSIVE GST:
23.90
ROUNDING ADJ
0.00
TOTAL
23.90
CASH
50.00
CHANGE
26.10
GST SUMMARY
AMOUNT(RM)
TAX(RM)
SR @ 6%
22.55
1.35
THANK YOU. PLEASE COME AGAIN.
GOODS SOLD ARE NOT RETURNABLE.
"""

RECEIPT_RESTORAN = """\
RESTORAN SRI PELANGI SDN BHD
(998877-W)
LOT 7, JALAN PERDANA 2/5,
PUSAT BANDAR PERDANA,
81200 JOHOR BAHRU, JOHOR.
TEL : 07-555 8899
SST ID : J31-1808-22000123
INVOICE
TABLE : 12
PAX : 2
BILL NO: 0000712
DATE : 25/12/2018 13:05
CASHIER: LIM
QTY
DESCRIPTION
TOTAL
2
NASI LEMAK AYAM
17.00
2
TEH TARIK
4.40
1
ROTI CANAI
1.50
SUB TOTAL
22.90
SERVICE TAX 6%
1.37
ROUNDING
-0.02
TOTAL
24.25
CASH
30.00
CHANGE
5.75
TERIMA KASIH. SILA DATANG LAGI.
"""


# --------------------------------------------------------------------------
# NDA (plain text)
# --------------------------------------------------------------------------
NDA = """\
MUTUAL NON-DISCLOSURE AGREEMENT

This Mutual Non-Disclosure Agreement (the "Agreement") is entered into as of
March 1, 2024 (the "Effective Date") by and between:

Northwind Robotics, Inc., a Delaware corporation with its principal office at
1550 Innovation Parkway, Wilmington, Delaware 19801 ("Northwind"); and

Bluefin Marine Systems LLC, a Delaware limited liability company with its
principal office at 77 Pier Road, Portland, Maine 04101 ("Bluefin").

Northwind and Bluefin are each referred to as a "Party" and together as the
"Parties".

1. PURPOSE. The Parties wish to evaluate a possible collaboration on
autonomous underwater inspection equipment (the "Purpose"). In connection
with the Purpose, each Party may disclose Confidential Information to the
other.

2. CONFIDENTIAL INFORMATION. "Confidential Information" means any non-public
technical, business or financial information disclosed by one Party (the
"Disclosing Party") to the other Party (the "Receiving Party"), whether
orally, visually or in writing, that is marked or identified as confidential
or that a reasonable person would understand to be confidential.

3. EXCLUSIONS. Confidential Information does not include information that
(a) is or becomes publicly available through no fault of the Receiving Party;
(b) was lawfully known to the Receiving Party before disclosure; (c) is
lawfully received from a third party without a duty of confidentiality; or
(d) is independently developed by the Receiving Party without use of the
Disclosing Party's Confidential Information.

4. OBLIGATIONS. The Receiving Party shall (a) use Confidential Information
solely for the Purpose; (b) not disclose it to any third party except to its
employees and advisers who need to know it for the Purpose and are bound by
obligations at least as protective as this Agreement; and (c) protect it with
at least the same degree of care it uses for its own confidential
information, and no less than reasonable care.

5. COMPELLED DISCLOSURE. If the Receiving Party is required by law to
disclose Confidential Information, it shall give the Disclosing Party prompt
written notice, where legally permitted, and disclose only what is required.

6. TERM. This Agreement shall remain in effect for a period of two (2) years
from the Effective Date. The obligations of confidentiality shall survive for
three (3) years after the expiration or termination of this Agreement.

7. RETURN OF MATERIALS. Upon written request, the Receiving Party shall
promptly return or destroy all Confidential Information of the Disclosing
Party and certify the same in writing.

8. NO LICENSE. Nothing in this Agreement grants either Party any right or
license under any patent, copyright, trade secret or other intellectual
property right of the other Party.

9. GOVERNING LAW. This Agreement shall be governed by and construed in
accordance with the laws of the State of Delaware, without regard to its
conflict of laws principles. The Parties consent to the exclusive
jurisdiction of the state and federal courts located in New Castle County,
Delaware.

10. ENTIRE AGREEMENT. This Agreement is the entire agreement between the
Parties concerning its subject matter and may be amended only in a writing
signed by both Parties.

IN WITNESS WHEREOF, the Parties have executed this Agreement as of the
Effective Date.

NORTHWIND ROBOTICS, INC.               BLUEFIN MARINE SYSTEMS LLC

By: ______________________             By: ______________________
Name: Margaret L. Okafor               Name: Daniel R. Whitcombe
Title: Chief Executive Officer         Title: Managing Member
Date: March 1, 2024                    Date: March 1, 2024
"""


# --------------------------------------------------------------------------
# E-mail with PDF attachment
# --------------------------------------------------------------------------
def invoice_email(inv, pdf_bytes):
    _, _, total = totals(inv)
    msg = EmailMessage(policy=SMTP)
    msg["From"] = "Emerald Office Supplies <billing@emerald-office.example>"
    msg["To"] = "Harbourview Dental Clinic <accounts@harbourview-dental.example>"
    msg["Subject"] = f"Invoice {inv['number']} from {inv['issuer']}"
    msg["Date"] = "Tue, 02 Jul 2024 09:15:00 +1000"
    msg["Message-ID"] = "<eos-3391.20240702091500@emerald-office.example>"
    msg.set_content(
        "Hello Harbourview team,\n\n"
        f"Please find attached invoice {inv['number']} dated {inv['date']} "
        f"for your recent order.\n"
        f"Amount due: {inv['currency']} {money(total)}, payable by {inv['due']}.\n\n"
        "If you have any questions, just reply to this e-mail.\n\n"
        "Kind regards,\n"
        "Priya Nandakumar\n"
        "Accounts, Emerald Office Supplies Pty Ltd\n")
    msg.add_attachment(pdf_bytes, maintype="application", subtype="pdf",
                       filename=f"invoice-{inv['number']}.pdf")
    msg.set_boundary("==docextract-sample-boundary-3391==")
    return msg.as_bytes()


# --------------------------------------------------------------------------
# Corrupt PDF: valid header, then a truncated object and garbage bytes
# --------------------------------------------------------------------------
def corrupt_pdf():
    rng = random.Random(1337)
    head = (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n"
            b"1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
            b"2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Cou")
    garbage = bytes(rng.randrange(256) for _ in range(1500))
    return head + garbage  # no xref, no trailer, no %%EOF


def main():
    for sub in ("invoices", "receipts", "nda", "email", "broken"):
        (OUT / sub).mkdir(parents=True, exist_ok=True)
    (OUT / "invoices/invoice-acme.pdf").write_bytes(invoice_pdf(ACME))
    invoice_docx(BRIGHTLANE, OUT / "invoices/invoice-brightlane.docx")
    (OUT / "invoices/invoice-corvid.html").write_text(invoice_html(CORVID), encoding="utf-8")
    (OUT / "invoices/invoice-delta.txt").write_text(invoice_txt(DELTA), encoding="utf-8")
    (OUT / "receipts/receipt-kedai-maju.txt").write_text(RECEIPT_KEDAI, encoding="utf-8")
    (OUT / "receipts/receipt-restoran-sri.txt").write_text(RECEIPT_RESTORAN, encoding="utf-8")
    (OUT / "nda/nda-northwind-bluefin.txt").write_text(NDA, encoding="utf-8")
    (OUT / "email/invoice-from-emerald.eml").write_bytes(
        invoice_email(EMERALD, invoice_pdf(EMERALD)))
    (OUT / "broken/corrupt.pdf").write_bytes(corrupt_pdf())
    for inv in (ACME, BRIGHTLANE, CORVID, DELTA, EMERALD):
        print(inv["number"], inv["currency"], totals(inv))


if __name__ == "__main__":
    main()
