#!/usr/bin/env python3
"""Extract {issuer, invoice_number, date, currency, amount} from CII / UBL / ZUGFeRD1 XML,
either standalone XML files or XML embedded in (Factur-X/ZUGFeRD/XRechnung) PDFs.
Usage: truth.py FILE... -> one JSON line per file (errors reported in "error")."""
import sys, json, re, io
import xml.etree.ElementTree as ET


def local(tag):
    return tag.rsplit('}', 1)[-1]


def find_path(el, *names):
    """Descend by local names, first match at each step (direct children)."""
    cur = el
    for n in names:
        nxt = None
        for c in cur:
            if local(c.tag) == n:
                nxt = c
                break
        if nxt is None:
            return None
        cur = nxt
    return cur


def find_desc(el, name):
    for c in el.iter():
        if local(c.tag) == name:
            return c
    return None


def txt(e):
    return e.text.strip() if e is not None and e.text else None


def iso_date(s, fmt=None):
    if not s:
        return None
    s = s.strip()
    if re.fullmatch(r'\d{8}', s):
        return f'{s[:4]}-{s[4:6]}-{s[6:]}'
    m = re.match(r'(\d{4}-\d{2}-\d{2})', s)
    return m.group(1) if m else s


def num(s):
    try:
        return float(s)
    except (TypeError, ValueError):
        return None


def parse_xml(data):
    root = ET.fromstring(data)
    r = local(root.tag)
    f = {'format': r}
    if r in ('CrossIndustryInvoice', 'CrossIndustryDocument'):
        doc = find_path(root, 'ExchangedDocument')
        if doc is None:
            doc = find_path(root, 'HeaderExchangedDocument')
        tx = find_path(root, 'SupplyChainTradeTransaction')
        if tx is None:
            tx = find_path(root, 'SpecifiedSupplyChainTradeTransaction')
        f['invoice_number'] = txt(find_path(doc, 'ID')) if doc is not None else None
        dt = find_desc(doc, 'DateTimeString') if doc is not None else None
        f['date'] = iso_date(txt(dt))
        seller = find_desc(tx, 'SellerTradeParty') if tx is not None else None
        f['issuer'] = txt(find_path(seller, 'Name')) if seller is not None else None
        f['country'] = txt(find_desc(seller, 'CountryID')) if seller is not None else None
        f['currency'] = txt(find_desc(tx, 'InvoiceCurrencyCode')) if tx is not None else None
        ms = find_desc(tx, 'SpecifiedTradeSettlementHeaderMonetarySummation') if tx is not None else None
        if ms is None and tx is not None:
            ms = find_desc(tx, 'SpecifiedTradeSettlementMonetarySummation')
        if ms is not None:
            g = find_path(ms, 'GrandTotalAmount')
            f['amount'] = num(txt(g))
            f['due'] = num(txt(find_path(ms, 'DuePayableAmount')))
    elif r in ('Invoice', 'CreditNote'):
        f['invoice_number'] = txt(find_path(root, 'ID'))
        f['date'] = iso_date(txt(find_path(root, 'IssueDate')))
        f['currency'] = txt(find_path(root, 'DocumentCurrencyCode'))
        party = find_path(root, 'AccountingSupplierParty', 'Party')
        name = None
        if party is not None:
            name = txt(find_path(party, 'PartyName', 'Name')) or txt(find_path(party, 'PartyLegalEntity', 'RegistrationName'))
        f['issuer'] = name
        c = find_path(party, 'PostalAddress', 'Country', 'IdentificationCode') if party is not None else None
        f['country'] = txt(c)
        lmt = find_path(root, 'LegalMonetaryTotal')
        if lmt is not None:
            f['amount'] = num(txt(find_path(lmt, 'TaxInclusiveAmount')))
            f['due'] = num(txt(find_path(lmt, 'PayableAmount')))
    else:
        f['error'] = 'unknown root ' + r
    return f


def pdf_embedded(path):
    from pypdf import PdfReader
    rd = PdfReader(path)
    out = {}
    try:
        for name, contents in (rd.attachments or {}).items():
            for c in contents:
                out[name] = c
    except Exception as e:
        out['__err__'] = str(e).encode()
    text = ''
    for p in rd.pages[:2]:
        try:
            text += p.extract_text() or ''
        except Exception:
            pass
    return out, len(rd.pages), text


def main():
    for p in sys.argv[1:]:
        rec = {'file': p}
        try:
            if p.lower().endswith('.pdf'):
                att, npages, text = pdf_embedded(p)
                rec['pages'] = npages
                rec['text_chars'] = len(text.strip())
                rec['attachments'] = list(att)
                xmls = [k for k in att if k.lower().endswith('.xml')]
                if xmls:
                    rec.update(parse_xml(att[xmls[0]]))
            else:
                with open(p, 'rb') as fh:
                    rec.update(parse_xml(fh.read()))
        except Exception as e:
            rec['error'] = f'{type(e).__name__}: {e}'[:200]
        print(json.dumps(rec, ensure_ascii=False))


if __name__ == '__main__':
    main()
