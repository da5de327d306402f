#!/usr/bin/env python3
"""Writes the bad-input corpus: one file per case under cases/ and manifest.json with the
expected outcome of each. Every case is malformed in one way. Run it from anywhere; it
rewrites cases/ and manifest.json next to itself.

A row case has good rows on lines 2 and 4 and the malformed row on line 3, so the expected
outcome is: 3 rows read, 2 inserted, 1 rejected, with the listed (line, column, reason).
The workspace of every case first holds setup/customers.csv (C1, C2) and
setup/campaigns.csv (K1, K2), so that references can be checked.
"""
import csv
import io
import json
import shutil
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
CASES = HERE / "cases"

COLUMNS = {
    "customers": ["customer_id", "name", "segment", "region", "acquired_on", "churned_on"],
    "revenue": ["revenue_id", "customer_id", "booked_on", "amount", "currency", "kind"],
    "campaigns": ["campaign_id", "name", "channel", "audience", "stage", "program", "started_on", "cost", "currency"],
    "campaign_events": ["campaign_id", "contact_id", "customer_id", "event", "occurred_at", "machine_open"],
    "surveys": ["response_id", "customer_id", "respondent_id", "answered_on", "score", "comment", "language"],
    "leads": ["lead_id", "created_on", "source_campaign_id", "contact_id", "segment", "became_mql_on", "became_sql_on", "converted_on", "customer_id", "lost_on"],
    "channel_stats": ["campaign_id", "day", "impressions", "clicks", "visits", "cost", "currency"],
    "program_members": ["program", "customer_id", "tier", "joined_on", "left_on"],
    "fx_rates": ["currency", "day", "rate"],
}


def good(entity, i):
    """A valid row of the entity whose key depends on i (1, 2 or 3)."""
    d = f"2024-03-{10 + i:02d}"
    return {
        "customers": {"customer_id": f"N{i}", "name": f"Name {i}", "segment": "SMB", "region": "IT", "acquired_on": d, "churned_on": ""},
        "revenue": {"revenue_id": f"R{i}", "customer_id": "C1", "booked_on": d, "amount": "100.50", "currency": "EUR", "kind": "new"},
        "campaigns": {"campaign_id": f"P{i}", "name": f"Campaign {i}", "channel": "email", "audience": "customers", "stage": "expand", "program": "vip", "started_on": d, "cost": "250", "currency": "EUR"},
        "campaign_events": {"campaign_id": "K1", "contact_id": f"p{i}@example.com", "customer_id": "C1", "event": "opened", "occurred_at": f"{d}T09:30:00Z", "machine_open": "false"},
        "surveys": {"response_id": f"S{i}", "customer_id": "C1", "respondent_id": f"p{i}", "answered_on": d, "score": "9", "comment": "Good", "language": "en"},
        "leads": {"lead_id": f"L{i}", "created_on": d, "source_campaign_id": "K1", "contact_id": f"p{i}", "segment": "SMB", "became_mql_on": "2024-04-01", "became_sql_on": "2024-04-02", "converted_on": "2024-04-03", "customer_id": "C1", "lost_on": ""},
        "channel_stats": {"campaign_id": "K1", "day": d, "impressions": "1000", "clicks": "10", "visits": "5", "cost": "12.5", "currency": "EUR"},
        "program_members": {"program": "vip", "customer_id": "C1", "tier": "gold", "joined_on": d, "left_on": ""},
        "fx_rates": {"currency": "USD", "day": d, "rate": "0.92"},
    }[entity]


def csv_text(header, rows, delimiter=","):
    out = io.StringIO()
    w = csv.writer(out, delimiter=delimiter, lineterminator="\n")
    w.writerow(header)
    for r in rows:
        w.writerow(r)
    return out.getvalue()


manifest = []
group = ""


def add(case_id, entity, content, expect, description, ext="csv", options=None):
    name = f"{case_id}.{ext}"
    data = content.encode("utf-8") if isinstance(content, str) else content
    (CASES / name).write_bytes(data)
    case = {"id": case_id, "group": group, "entity": entity, "file": name, "description": description, "expect": expect}
    if options:
        case["options"] = options
    manifest.append(case)


def row_case(case_id, entity, overrides, rejections, description, drop=None):
    """Good rows on lines 2 and 4, the row with `overrides` on line 3."""
    header = [c for c in COLUMNS[entity] if c != drop]
    bad = dict(good(entity, 3))
    bad.update(overrides)
    rows = [[good(entity, 1)[c] for c in header], [bad[c] for c in header], [good(entity, 2)[c] for c in header]]
    add(case_id, entity, csv_text(header, rows),
        {"read": 3, "inserted": 2, "rejected": 1, "rejections": [{"line": 3, "column": c, "reason": r} for c, r in rejections]},
        description)


def refused(case_id, entity, content, key, line, description, ext="csv", options=None):
    add(case_id, entity, content, {"refused": key, "line": line}, description, ext, options)


def counts(case_id, entity, content, read, inserted, rejected, rejections, description, repeated=0, unknown=None, ext="csv", options=None):
    expect = {"read": read, "inserted": inserted, "rejected": rejected, "repeated": repeated,
              "rejections": [{"line": l, "column": c, "reason": r} for l, c, r in rejections]}
    if unknown is not None:
        expect["unknown"] = unknown
    add(case_id, entity, content, expect, description, ext, options)


def main():
    if CASES.exists():
        shutil.rmtree(CASES)
    CASES.mkdir()

    global group
    group = "wrong types"
    # --- wrong types, per type and per entity ---------------------------------------------
    dates = [("day-first", "15/03/2024"), ("feb-30", "2024-02-30"), ("month-13", "2024-13-01"), ("compact", "20240315"),
             ("word", "yesterday"), ("with-time", "2024-03-15T10:00:00"), ("two-digit-year", "24-03-15")]
    for tag, value in dates:
        row_case(f"customers-acquired-on-{tag}", "customers", {"acquired_on": value}, [("acquired_on", "not_a_date")], f"acquired_on = {value!r}")
    for entity, column in [("revenue", "booked_on"), ("campaigns", "started_on"), ("surveys", "answered_on"), ("leads", "created_on"),
                           ("channel_stats", "day"), ("program_members", "joined_on"), ("fx_rates", "day")]:
        row_case(f"{entity}-{column.replace('_', '-')}-not-a-date", entity, {column: "03/15/2024"}, [(column, "not_a_date")], f"{column} in US form")
    for entity, column in [("customers", "churned_on"), ("leads", "became_mql_on"), ("leads", "lost_on"), ("program_members", "left_on")]:
        row_case(f"{entity}-{column.replace('_', '-')}-optional-date-malformed", entity, {column: "2024/04/01", "converted_on": "", "customer_id": good(entity, 3).get("customer_id", "")} if column == "lost_on" else {column: "2024/04/01"},
                 [(column, "not_a_date")], f"optional {column} malformed")
    numbers = [("thousands-comma", "1,250.00"), ("decimal-comma", "12,5"), ("exponent", "1e3"), ("leading-dot", ".5"), ("word", "abc"),
               ("eleven-decimals", "1.12345678901"), ("currency-sign", "€12"), ("two-signs", "--5"), ("space-inside", "1 000"),
               ("twenty-nine-digits", "1" * 29), ("nan", "NaN"), ("infinity", "Infinity")]
    for tag, value in numbers:
        row_case(f"revenue-amount-{tag}", "revenue", {"amount": value}, [("amount", "not_a_number")], f"amount = {value!r}")
    for entity, column in [("campaigns", "cost"), ("channel_stats", "cost"), ("fx_rates", "rate")]:
        row_case(f"{entity}-{column}-not-a-number", entity, {column: "12.5.1"}, [(column, "not_a_number")], f"{column} = '12.5.1'")
    integers = [("decimal", "9.0"), ("exponent", "1e1"), ("word", "nine"), ("nineteen-digits", "9" * 19), ("arabic-indic", "٩"), ("full-width", "１０")]
    for tag, value in integers:
        row_case(f"surveys-score-{tag}", "surveys", {"score": value}, [("score", "not_an_integer")], f"score = {value!r}")
    for column in ["impressions", "clicks", "visits"]:
        row_case(f"channel-stats-{column}-not-an-integer", "channel_stats", {column: "1,000" if column != "clicks" else "5.5"}, [(column, "not_an_integer")], f"{column} not a whole number")
    for tag, value in [("yes", "yes"), ("one", "1"), ("vero", "vero")]:
        row_case(f"campaign-events-machine-open-{tag}", "campaign_events", {"machine_open": value}, [("machine_open", "not_a_bool")], f"machine_open = {value!r}")
    timestamps = [("day-first", "15/03/2024 09:30"), ("hour-25", "2024-03-15T25:00:00Z"), ("one-digit-hour", "2024-03-15 9:30"),
                  ("date-only", "2024-03-15"), ("bad-offset", "2024-03-15T09:30:00+1"), ("word", "now")]
    for tag, value in timestamps:
        expected = [] if tag == "bad-offset" else [("occurred_at", "not_a_timestamp")]
        if tag == "bad-offset":
            continue
        row_case(f"campaign-events-occurred-at-{tag}", "campaign_events", {"occurred_at": value}, expected, f"occurred_at = {value!r}")
    enums = [("revenue", "kind", "subscription"), ("campaigns", "channel", "tv"), ("campaigns", "audience", "everyone"), ("campaigns", "stage", "retain"),
             ("campaign_events", "event", "read"), ("revenue", "kind", "up-sell")]
    for entity, column, value in enums:
        row_case(f"{entity}-{column}-{value}", entity, {column: value}, [(column, "not_allowed")], f"{column} = {value!r}")
    for entity, column, value in [("revenue", "currency", "€"), ("revenue", "currency", "EURO"), ("campaigns", "currency", "E1R"), ("channel_stats", "currency", "US"), ("fx_rates", "currency", "$$$")]:
        row_case(f"{entity}-{column}-{'x'.join(hex(ord(ch))[2:] for ch in value)}", entity, {column: value}, [(column, "not_a_currency")], f"{column} = {value!r}")
    for value in ["English", "en_US", "e", "it-", "12"]:
        row_case(f"surveys-language-{value.replace('_', '-').strip('-') or 'x'}-{len(value)}", "surveys", {"language": value}, [("language", "not_a_language")], f"language = {value!r}")

    group = "missing required values"
    # --- required values ----------------------------------------------------------------------
    required = {
        "customers": ["customer_id", "acquired_on"], "revenue": ["revenue_id", "customer_id", "booked_on", "amount", "kind"],
        "campaigns": ["campaign_id", "name", "channel", "audience", "stage", "started_on"],
        "campaign_events": ["campaign_id", "contact_id", "event", "occurred_at"], "surveys": ["response_id", "answered_on", "score"],
        "leads": ["lead_id", "created_on"], "channel_stats": ["campaign_id", "day", "impressions", "clicks"],
        "program_members": ["program", "customer_id", "joined_on"], "fx_rates": ["currency", "day", "rate"],
    }
    for entity, columns in required.items():
        for column in columns:
            extra = [("customer_id", "customer_required_when_converted")] if (entity, column) == ("leads", "customer_id") else []
            row_case(f"{entity}-{column.replace('_', '-')}-empty", entity, {column: "  "}, [(column, "required")] + extra, f"required {column} only spaces")

    group = "out of range and DATA.md rules"
    # --- out of range and rules of DATA.md -----------------------------------------------------------
    row_case("customers-acquired-on-year-zero", "customers", {"acquired_on": "0000-01-01"}, [("acquired_on", "out_of_range")], "year 0 is stored by no warehouse")
    row_case("campaign-events-occurred-at-year-zero", "campaign_events", {"occurred_at": "0000-06-01T00:00:00Z"}, [("occurred_at", "out_of_range")], "an instant in year 0")
    row_case("surveys-score-eleven", "surveys", {"score": "11"}, [("score", "above_maximum")], "score above 10")
    row_case("surveys-score-negative", "surveys", {"score": "-1"}, [("score", "below_minimum")], "score below 0")
    row_case("surveys-score-huge", "surveys", {"score": "999999999999999999"}, [("score", "above_maximum")], "score of 18 digits")
    row_case("campaigns-cost-negative", "campaigns", {"cost": "-50"}, [("cost", "below_minimum")], "negative campaign cost")
    row_case("fx-rates-rate-zero", "fx_rates", {"rate": "0"}, [("rate", "not_positive")], "rate 0")
    row_case("fx-rates-rate-negative", "fx_rates", {"rate": "-0.5"}, [("rate", "not_positive")], "negative rate")
    for column in ["impressions", "clicks", "visits"]:
        also = [("clicks", "clicks_above_impressions")] if column == "impressions" else []  # any clicks are then too many
        row_case(f"channel-stats-{column}-negative", "channel_stats", {column: "-1"}, [(column, "below_minimum")] + also, f"negative {column}")
    row_case("channel-stats-cost-negative", "channel_stats", {"cost": "-0.01"}, [("cost", "below_minimum")], "negative channel cost")
    row_case("channel-stats-clicks-above-impressions", "channel_stats", {"impressions": "100", "clicks": "120"}, [("clicks", "clicks_above_impressions")], "more clicks than impressions")
    row_case("revenue-negative-not-refund", "revenue", {"amount": "-100", "kind": "renewal"}, [("amount", "negative_not_refund")], "negative renewal")
    row_case("customers-churned-before-acquired", "customers", {"acquired_on": "2024-02-01", "churned_on": "2024-01-10"}, [("churned_on", "before_other")], "churned before acquired")
    for column in ["became_mql_on", "became_sql_on", "converted_on"]:
        row_case(f"leads-{column.replace('_', '-')}-before-created", "leads", {column: "2024-01-01"}, [(column, "before_other")], f"{column} before created_on")
    row_case("leads-lost-before-created", "leads", {"lost_on": "2024-01-01", "converted_on": "", "customer_id": ""}, [("lost_on", "before_other")], "lost before created")
    row_case("program-members-left-before-joined", "program_members", {"left_on": "2024-01-01"}, [("left_on", "before_other")], "left before joined")
    row_case("leads-converted-without-customer", "leads", {"customer_id": ""}, [("customer_id", "customer_required_when_converted")], "converted lead without customer")
    row_case("leads-lost-with-converted", "leads", {"lost_on": "2024-05-01"}, [("lost_on", "lost_with_converted")], "lost and converted")
    for entity, column, value in [("revenue", "customer_id", "C999"), ("campaign_events", "campaign_id", "K999"), ("leads", "source_campaign_id", "K999"),
                                  ("leads", "customer_id", "C999"), ("channel_stats", "campaign_id", "K999"), ("program_members", "customer_id", "C999"),
                                  ("revenue", "customer_id", "c1"), ("revenue", "customer_id", "С1")]:
        tag = value.lower() if value.isascii() else "cyrillic-c1"
        if value == "c1":
            tag = "lower-case-c1"
        row_case(f"{entity}-{column.replace('_', '-')}-unknown-{tag}", entity, {column: value}, [(column, "unknown_reference")], f"{column} = {value!r} names no known row")

    group = "duplicate keys inside one file"
    # --- duplicate keys inside one file -----------------------------------------------------------
    h = COLUMNS["customers"]
    g1, g2 = good("customers", 1), good("customers", 2)
    other = dict(g1, name="Other name")
    counts("dup-customers-different-values", "customers", csv_text(h, [[g1[c] for c in h], [other[c] for c in h], [g2[c] for c in h]]),
           3, 1, 2, [(2, "customer_id", "ambiguous_key"), (3, "customer_id", "ambiguous_key")], "same key, different names: both rejected")
    counts("dup-customers-identical", "customers", csv_text(h, [[g1[c] for c in h], [g1[c] for c in h], [g2[c] for c in h]]),
           3, 2, 0, [], "identical repeat: loaded once, counted as repeated", repeated=1)
    case_only = dict(g1, customer_id="n1")
    counts("dup-customers-key-case-differs", "customers", csv_text(h, [[g1[c] for c in h], [case_only[c] for c in h]]),
           2, 2, 0, [], "keys differing only in case are different keys")
    same_values_other_spelling = dict(g1, segment="SMB ")
    counts("dup-customers-repeat-with-spaces", "customers", csv_text(h, [[g1[c] for c in h], [same_values_other_spelling[c] for c in h]]),
           2, 1, 0, [], "a repeat differing only in surrounding spaces is identical", repeated=1)
    h = COLUMNS["revenue"]
    r1 = good("revenue", 1)
    counts("dup-revenue-amount-spelling", "revenue", csv_text(h, [[r1[c] for c in h], [dict(r1, amount="100.5")[c] for c in h], [dict(r1, kind="NEW")[c] for c in h]]),
           3, 1, 0, [], "100.50, 100.5 and NEW/new are the same values", repeated=2)
    counts("dup-revenue-three-ways", "revenue", csv_text(h, [[r1[c] for c in h], [dict(r1, amount="1")[c] for c in h], [dict(r1, amount="2")[c] for c in h]]),
           3, 0, 3, [(2, "revenue_id", "ambiguous_key"), (3, "revenue_id", "ambiguous_key"), (4, "revenue_id", "ambiguous_key")], "one key, three values")
    h = COLUMNS["campaign_events"]
    e1 = good("campaign_events", 1)
    counts("dup-events-same-instant-other-offset", "campaign_events",
           csv_text(h, [[e1[c] for c in h], [dict(e1, occurred_at="2024-03-11T10:30:00+01:00", machine_open="true")[c] for c in h]]),
           2, 0, 2, [(2, "campaign_id", "ambiguous_key"), (3, "campaign_id", "ambiguous_key")], "the same instant written with another offset is the same key")
    h = COLUMNS["fx_rates"]
    f1 = good("fx_rates", 1)
    counts("dup-fx-rates-currency-case", "fx_rates", csv_text(h, [[f1[c] for c in h], [dict(f1, currency="usd", rate="0.93")[c] for c in h]]),
           2, 0, 2, [(2, "currency", "ambiguous_key"), (3, "currency", "ambiguous_key")], "usd and USD are the same key")
    counts("dup-bad-row-does-not-make-ambiguous", "fx_rates", csv_text(h, [[f1[c] for c in h], [dict(f1, rate="zero")[c] for c in h]]),
           2, 1, 1, [(3, "rate", "not_a_number")], "a rejected row takes no part in the key check")
    jl = '{"customer_id":"N1","acquired_on":"2024-01-01"}\n{"customer_id":"N1","acquired_on":"2024-01-02"}\n'
    counts("dup-jsonl-different-values", "customers", jl, 2, 0, 2, [(1, "customer_id", "ambiguous_key"), (2, "customer_id", "ambiguous_key")], "JSON Lines: same key twice", ext="jsonl")

    group = "header and columns"
    # --- header: missing, duplicate, extra and unknown columns ---------------------------------------------
    for entity, columns in required.items():
        column = columns[-1]
        header = [c for c in COLUMNS[entity] if c != column]
        rows = [[good(entity, 1)[c] for c in header]]
        refused(f"header-{entity.replace('_', '-')}-missing-{column.replace('_', '-')}", entity, csv_text(header, rows), "FileMissingColumn", None, f"required column {column} missing")
    refused("header-duplicate-column", "customers", "customer_id,segment,acquired_on,segment\nN1,SMB,2024-01-01,SMB\n", "FileDuplicateColumn", None, "segment twice")
    refused("header-duplicate-column-other-case", "customers", "customer_id,acquired_on,Customer_ID\nN1,2024-01-01,N1\n", "FileDuplicateColumn", None, "customer_id and Customer_ID")
    refused("header-duplicate-column-spaces", "customers", "customer_id, acquired_on ,acquired_on\nN1,2024-01-01,2024-01-01\n", "FileDuplicateColumn", None, "acquired_on twice, once with spaces")
    counts("header-unknown-columns", "customers", "customer_id,acquired_on,favourite_colour,Notes\nN1,2024-01-01,blue,x\n", 1, 1, 0, [], "unknown columns kept aside", unknown=["favourite_colour", "Notes"])
    counts("header-blank-column-name", "customers", "customer_id,,acquired_on\nN1,x,2024-01-01\n", 1, 1, 0, [], "a column without a name is reported by its position", unknown=["#2"])
    counts("header-optional-columns-absent", "customers", "customer_id,acquired_on\nN1,2024-01-01\n", 1, 1, 0, [], "only the required columns")
    counts("header-excel-sep-line", "customers", "sep=;\r\ncustomer_id;acquired_on\r\nN1;2024-01-01\r\nN2;bad\r\n", 2, 1, 1, [(4, "acquired_on", "not_a_date")],
           "Excel's sep=; first line names the separator and is skipped; lines stay physical")
    counts("header-double-bom", "customers", b"\xef\xbb\xbf\xef\xbb\xbfcustomer_id,acquired_on\nN1,2024-01-01\n", 1, 1, 0, [], "two byte-order marks (files joined)")
    counts("row-extra-values", "customers", "customer_id,acquired_on\nN1,2024-01-01\nN2,2024-01-02,surplus\nN3,2024-01-03\n", 3, 2, 1, [(3, "#3", "extra_values")], "a value beyond the header")
    counts("row-extra-values-quoted-comma-forgotten", "revenue", "revenue_id,customer_id,booked_on,amount,kind\nR1,C1,2024-03-01,1,new\nR2,C1,2024-03-01,1,250.00,new\n", 2, 1, 1,
           [(3, "#6", "extra_values"), (3, "kind", "not_allowed")], "an unquoted thousands comma shifts the values")
    counts("row-trailing-empty-values", "customers", "customer_id,acquired_on\nN1,2024-01-01,,\nN2,2024-01-02,\n", 2, 2, 0, [], "trailing separators as spreadsheets write them")
    counts("row-missing-trailing-values", "customers", "customer_id,name,acquired_on\nN1,A,2024-01-01\nN2,B\n", 2, 1, 1, [(3, "acquired_on", "required")], "a short row")
    counts("row-only-key", "revenue", "revenue_id,customer_id,booked_on,amount,kind\nR1\n", 1, 0, 1,
           [(2, "amount", "required"), (2, "booked_on", "required"), (2, "customer_id", "required"), (2, "kind", "required")], "a row with only its key")
    counts("row-all-separators", "customers", "customer_id,acquired_on\n,\nN1,2024-01-01\n", 2, 1, 1, [(2, "acquired_on", "required"), (2, "customer_id", "required")], "a row of empty values")

    group = "empty and degenerate files"
    # --- empty and degenerate files ----------------------------------------------------------------------------
    refused("empty-file", "customers", "", "FileEmpty", None, "zero bytes")
    refused("empty-bom-only", "customers", b"\xef\xbb\xbf", "FileEmpty", None, "only a byte-order mark")
    refused("empty-blank-lines", "customers", "\n\n\n", "FileEmpty", None, "only blank lines")
    refused("empty-separators-only", "customers", ",,,\n", "FileEmpty", None, "a header of empty names")
    counts("empty-header-only", "customers", "customer_id,acquired_on\n", 0, 0, 0, [], "a header and no rows")
    counts("empty-header-no-newline", "customers", "customer_id,acquired_on", 0, 0, 0, [], "a header without a line break")
    counts("blank-lines-between-rows", "customers", "customer_id,acquired_on\n\nN1,2024-01-01\n\n\nN2,bad\n", 2, 1, 1, [(6, "acquired_on", "not_a_date")], "blank lines are skipped, lines stay physical")
    refused("empty-jsonl", "customers", "\n\n", "FileEmpty", None, "JSON Lines with no object", ext="jsonl")
    refused("jsonl-empty-objects", "customers", "{}\n{}\n", "FileEmpty", None, "JSON objects without keys", ext="jsonl")

    group = "quotes"
    # --- quotes ------------------------------------------------------------------------------------------------
    refused("quote-never-closed", "customers", 'customer_id,name,acquired_on\nN1,"Alpha,2024-01-01\nN2,Beta,2024-01-02\n', "FileUnclosedQuote", 2, "an opening quote without its end")
    refused("quote-never-closed-last-line", "surveys", 'response_id,answered_on,score,comment\nS1,2024-01-01,9,ok\nS2,2024-01-01,9,"half', "FileUnclosedQuote", 3, "the last value opens a quote")
    counts("quote-stray-inside-value", "customers", 'customer_id,name,acquired_on\nN1,Al"pha,2024-01-01\n', 1, 1, 0, [], "a quote inside an unquoted value is kept")
    counts("quote-multiline-value-then-bad-row", "surveys", 'response_id,answered_on,score,comment\nS1,2024-01-01,9,"one\ntwo\nthree"\nS2,2024-01-01,x,\n', 2, 1, 1,
           [(5, "score", "not_an_integer")], "a value of three lines moves the next row to line 5")
    counts("quote-escaped-quotes", "customers", 'customer_id,name,acquired_on\nN1,"She said ""yes""",2024-01-01\n', 1, 1, 0, [], "doubled quotes")
    counts("quote-empty-quoted-required", "customers", 'customer_id,acquired_on\n"",2024-01-01\nN1,2024-01-01\n', 2, 1, 1, [(2, "customer_id", "required")], "a quoted empty key")

    group = "encodings"
    # --- encodings --------------------------------------------------------------------------------------------------
    base = "customer_id,name,acquired_on\nN1,Alpha,2024-01-01\n"
    refused("utf8-invalid-latin1-e-grave", "customers", base.encode() + b"N2,Caff\xe8,2024-01-02\n", "FileNotUtf8", 3, "Latin-1 è")
    refused("utf8-invalid-cp1252-quotes", "customers", base.encode() + b"N2,\x93Roma\x94,2024-01-02\n", "FileNotUtf8", 3, "Windows-1252 curly quotes")
    refused("utf8-invalid-cp1252-euro", "revenue", b"revenue_id,customer_id,booked_on,amount,kind\nR1,C1,2024-01-01,\x80 5,new\n", "FileNotUtf8", 2, "Windows-1252 euro sign")
    refused("utf8-invalid-in-header", "customers", b"customer_id,acquired_on,citt\xe0\nN1,2024-01-01,x\n", "FileNotUtf8", 1, "Latin-1 in the header")
    refused("utf8-overlong-slash", "customers", base.encode() + b"N2,a\xc0\xafb,2024-01-02\n", "FileNotUtf8", 3, "an overlong encoding")
    refused("utf8-encoded-surrogate", "customers", base.encode() + b"N2,a\xed\xa0\x80b,2024-01-02\n", "FileNotUtf8", 3, "a UTF-16 surrogate encoded as UTF-8")
    refused("utf8-truncated-at-end", "customers", base.encode() + b"N2,caf\xc3", "FileNotUtf8", 3, "a sequence cut by the end of the file")
    refused("utf8-lone-continuation", "customers", base.encode() + b"N2,\x80,2024-01-02\n", "FileNotUtf8", 3, "a continuation byte alone")
    refused("utf8-five-byte-form", "customers", base.encode() + b"N2,\xf8\x88\x80\x80\x80,2024-01-02\n", "FileNotUtf8", 3, "a five-byte form")
    refused("utf8-beyond-unicode", "customers", base.encode() + b"N2,\xf4\x90\x80\x80,2024-01-02\n", "FileNotUtf8", 3, "a code point above U+10FFFF")
    refused("utf8-invalid-on-line-after-multiline", "surveys", b'response_id,answered_on,score,comment\nS1,2024-01-01,9,"a\nb"\nS2,2024-01-01,9,\xe9\n', "FileNotUtf8", 4, "the invalid byte's physical line")
    refused("jsonl-latin1", "customers", b'{"customer_id":"N1","acquired_on":"2024-01-01","name":"Citt\xe0"}\n', "FileNotUtf8", 1, "JSON Lines in Latin-1", ext="jsonl")
    refused("utf16-without-bom", "customers", "customer_id,acquired_on\nN1,2024-01-01\n".encode("utf-16-le"), "FileNulCharacter", 1, "UTF-16 without a byte-order mark")
    refused("nul-byte-in-row", "customers", base.encode() + b"N2,a\x00b,2024-01-02\n", "FileNulCharacter", 3, "a NUL byte")
    refused("utf32-bom", "customers", "customer_id,acquired_on\n".encode("utf-32"), "FileUtf32", None, "UTF-32 with its byte-order mark")
    refused("binary-gzip", "customers", b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03\xff\xfe", "FileNotUtf8", 1, "a gzip file named .csv")
    counts("utf8-bom-crlf", "customers", b"\xef\xbb\xbfcustomer_id,acquired_on\r\nN1,2024-01-01\r\nN2,bad\r\n", 2, 1, 1, [(3, "acquired_on", "not_a_date")], "a BOM and CRLF: the first column is still customer_id")
    counts("utf16-le-bom", "customers", "\ufeffcustomer_id,acquired_on\r\nN1,2024-01-01\r\nN2,bad\r\n".encode("utf-16-le"), 2, 1, 1, [(3, "acquired_on", "not_a_date")], "UTF-16 LE with BOM is decoded")
    counts("utf16-be-bom", "customers", "\ufeffcustomer_id,acquired_on\nN1,2024-01-01\nN2,bad\n".encode("utf-16-be"), 2, 1, 1, [(3, "acquired_on", "not_a_date")], "UTF-16 BE with BOM is decoded")
    counts("declared-windows-1252", "customers", "customer_id,name,acquired_on\nN1,Caffè “Roma”,2024-01-01\nN2,x,bad\n".encode("cp1252"), 2, 1, 1, [(3, "acquired_on", "not_a_date")],
           "a Windows-1252 file loads when its encoding is declared", options={"encoding": "windows-1252"})
    counts("lone-cr-line-ends", "customers", b"customer_id,acquired_on\rN1,2024-01-01\rN2,bad\r", 2, 1, 1, [(3, "acquired_on", "not_a_date")], "old Mac line ends")

    group = "huge fields"
    # --- huge fields ----------------------------------------------------------------------------------------------------
    counts("huge-comment-one-megabyte", "surveys", "response_id,answered_on,score,comment\nS1,2024-01-01,9," + "x" * 1_000_000 + "\nS2,2024-01-01,99,\n", 2, 1, 1,
           [(3, "score", "above_maximum")], "a comment of one million characters loads")
    counts("huge-number-of-digits", "revenue", "revenue_id,customer_id,booked_on,amount,kind\nR1,C1,2024-01-01," + "9" * 100_000 + ",new\nR2,C1,2024-01-01,1,new\n", 2, 1, 1,
           [(2, "amount", "not_a_number")], "an amount of 100,000 digits")
    counts("huge-key", "customers", "customer_id,acquired_on\n" + "K" * 100_000 + ",2024-01-01\nN2,bad\n", 2, 1, 1, [(3, "acquired_on", "not_a_date")], "a key of 100,000 characters loads")
    counts("huge-multiline-quoted", "surveys", 'response_id,answered_on,score,comment\nS1,2024-01-01,9,"' + "line\n" * 5000 + '"\nS2,2024-01-01,x,\n', 2, 1, 1,
           [(5003, "score", "not_an_integer")], "a value of 5,000 lines keeps later lines physical")
    counts("many-columns", "customers", "customer_id,acquired_on," + ",".join(f"x{i}" for i in range(2000)) + "\nN1,2024-01-01," + ",".join("v" for _ in range(2000)) + "\n", 1, 1, 0, [],
           "2,000 unknown columns", unknown=[f"x{i}" for i in range(2000)])

    group = "mixed scripts and invisible characters"
    # --- mixed scripts and invisible characters -------------------------------------------------------------------------
    counts("scripts-arabic-chinese-cyrillic-names", "customers", "customer_id,name,acquired_on\nN1,متجر الرياض,2024-01-01\nN2,北京贸易,2024-01-01\nN3,Москва ООО,2024-01-01\n", 3, 3, 0, [], "names in four scripts load")
    counts("scripts-mixed-comment-emoji", "surveys", "response_id,answered_on,score,comment,language\nS1,2024-01-01,9,Ottimo 👍 ممتاز 很好,it\nS2,2024-01-01,9,ok,english\n", 2, 1, 1,
           [(3, "language", "not_a_language")], "a comment mixing scripts and an emoji loads")
    counts("scripts-rtl-mark-in-date", "customers", "customer_id,acquired_on\nN1,\u200f2024-01-01\nN2,2024-01-01\n", 2, 1, 1, [(2, "acquired_on", "not_a_date")], "a right-to-left mark before a date")
    counts("scripts-zero-width-in-score", "surveys", "response_id,answered_on,score\nS1,2024-01-01,9\u200b\nS2,2024-01-01,9\n", 2, 1, 1, [(2, "score", "not_an_integer")], "a zero-width space after a score")
    counts("scripts-nbsp-around-value", "customers", "customer_id,acquired_on\nN1,\u00a02024-01-01\u00a0\n", 1, 1, 0, [], "no-break spaces around a value are trimmed")
    counts("scripts-arabic-indic-date", "customers", "customer_id,acquired_on\nN1,٢٠٢٤-٠١-٠١\nN2,2024-01-01\n", 2, 1, 1, [(2, "acquired_on", "not_a_date")], "a date in Arabic-Indic digits")
    counts("scripts-persian-digits-amount", "revenue", "revenue_id,customer_id,booked_on,amount,kind\nR1,C1,2024-01-01,۱۲۳,new\nR2,C1,2024-01-01,123,new\n", 2, 1, 1, [(2, "amount", "not_a_number")], "an amount in Persian digits")
    counts("row-semicolons-in-a-comma-file", "customers", "customer_id,acquired_on\nN1;2024-01-01\nN2,2024-01-01\n", 2, 1, 1, [(2, "acquired_on", "required")], "a row written with the wrong separator")
    counts("scripts-fullwidth-comma", "customers", "customer_id,acquired_on\nN1，2024-01-01\nN2,2024-01-01\n", 2, 1, 1, [(2, "acquired_on", "required")], "a full-width comma is not a separator")
    counts("scripts-combining-accent-keys", "customers", "customer_id,acquired_on\ncafe\u0301,2024-01-01\ncaf\u00e9,2024-01-01\n", 2, 2, 0, [], "composed and decomposed é are different keys, both kept")

    group = "JSON Lines"
    # --- JSON Lines -------------------------------------------------------------------------------------------------------------
    refused("jsonl-invalid-json", "customers", '{"customer_id":"N1","acquired_on":"2024-01-01"}\n{"customer_id":"N2",\n', "FileJsonInvalid", 2, "a line that is not JSON", ext="jsonl")
    refused("jsonl-array-line", "customers", '[{"customer_id":"N1"}]\n', "FileJsonNotObject", 1, "an array", ext="jsonl")
    refused("jsonl-number-line", "customers", '{"customer_id":"N1","acquired_on":"2024-01-01"}\n42\n', "FileJsonNotObject", 2, "a number", ext="jsonl")
    refused("jsonl-json-array-file", "customers", '[\n{"customer_id":"N1","acquired_on":"2024-01-01"}\n]\n', "FileJsonInvalid", 1, "one JSON array over many lines", ext="json")
    refused("jsonl-single-quotes", "customers", "{'customer_id':'N1'}\n", "FileJsonInvalid", 1, "single quotes", ext="jsonl")
    refused("jsonl-trailing-comma", "customers", '{"customer_id":"N1","acquired_on":"2024-01-01",}\n', "FileJsonInvalid", 1, "a trailing comma", ext="jsonl")
    counts("jsonl-repeated-field", "customers", '{"customer_id":"N1","acquired_on":"2024-01-01"}\n{"customer_id":"N2","acquired_on":"2024-01-01","acquired_on":"2024-02-01"}\n', 2, 1, 1,
           [(2, "acquired_on", "repeated_field")], "a field written twice in one object", ext="jsonl")
    counts("jsonl-repeated-field-other-case", "customers", '{"customer_id":"N1","Customer_ID":"N2","acquired_on":"2024-01-01"}\n', 1, 0, 1,
           [(1, "customer_id", "repeated_field")], "a field written twice with different case", ext="jsonl")
    counts("jsonl-nested-object", "surveys", '{"response_id":"S1","answered_on":"2024-01-01","score":{"value":9}}\n{"response_id":"S2","answered_on":"2024-01-01","score":9}\n', 2, 1, 1,
           [(1, "score", "not_an_integer")], "an object where a number belongs", ext="jsonl")
    counts("jsonl-null-required", "customers", '{"customer_id":"N1","acquired_on":null}\n{"customer_id":"N2","acquired_on":"2024-01-01"}\n', 2, 1, 1,
           [(1, "acquired_on", "required")], "null for a required value", ext="jsonl")
    counts("jsonl-number-exponent", "revenue", '{"revenue_id":"R1","customer_id":"C1","booked_on":"2024-01-01","amount":1e3,"kind":"new"}\n{"revenue_id":"R2","customer_id":"C1","booked_on":"2024-01-01","amount":1000,"kind":"new"}\n', 2, 1, 1,
           [(1, "amount", "not_a_number")], "a JSON number in exponent form", ext="jsonl")
    counts("jsonl-boolean-as-string", "campaign_events", '{"campaign_id":"K1","contact_id":"p","event":"opened","occurred_at":"2024-01-01T00:00:00Z","machine_open":"TRUE"}\n{"campaign_id":"K1","contact_id":"q","event":"opened","occurred_at":"2024-01-01T00:00:00Z","machine_open":"si"}\n', 2, 1, 1,
           [(2, "machine_open", "not_a_bool")], "booleans as strings", ext="jsonl")
    counts("jsonl-unknown-keys", "customers", '{"customer_id":"N1","acquired_on":"2024-01-01","extra":1}\n', 1, 1, 0, [], "an unknown key", ext="jsonl", unknown=["extra"])
    counts("jsonl-nul-escape", "customers", '{"customer_id":"N1\\u0000X","acquired_on":"2024-01-01"}\n{"customer_id":"N2","acquired_on":"2024-01-01"}\n', 2, 1, 1,
           [(1, "customer_id", "nul_character")], "a NUL written as a JSON escape is never stored (nor cut short)", ext="jsonl")
    refused("jsonl-lone-surrogate-escape", "customers", '{"customer_id":"N1\\ud800","acquired_on":"2024-01-01"}\n', "FileJsonInvalid", 1, "a lone surrogate escape is no text", ext="jsonl")
    refused("jsonl-missing-required-everywhere", "customers", '{"customer_id":"N1"}\n', "FileMissingColumn", None, "no object has acquired_on", ext="jsonl")

    group = "declared cultures"
    # --- declared culture ------------------------------------------------------------------------------------------------------------
    it = {"culture": "it-IT"}
    hr = "revenue_id;customer_id;booked_on;amount;kind\n"
    counts("culture-it-dot-decimal-rejected", "revenue", hr + "R1;C1;15/03/2024;1.250,50;new\nR2;C1;15/03/2024;1.5;new\n", 2, 1, 1, [(3, "amount", "not_a_number")], "it-IT: 1.5 is not an Italian number", options=it)
    counts("culture-it-bad-grouping", "revenue", hr + "R1;C1;15/03/2024;12.50,5;new\nR2;C1;15/03/2024;12,5;new\n", 2, 1, 1, [(2, "amount", "not_a_number")], "it-IT: groups of two digits", options=it)
    counts("culture-it-month-first-date", "revenue", hr + "R1;C1;03/15/2024;1;new\nR2;C1;15/03/2024;1;new\n", 2, 1, 1, [(2, "booked_on", "not_a_date")], "it-IT: month 15", options=it)
    counts("culture-it-two-digit-year", "revenue", hr + "R1;C1;15/03/24;1;new\nR2;C1;15/03/2024;1;new\n", 2, 1, 1, [(2, "booked_on", "not_a_date")], "it-IT: a two-digit year", options=it)
    counts("culture-it-mixed-separators-date", "revenue", hr + "R1;C1;15/03-2024;1;new\nR2;C1;15.03.2024;1;new\n", 2, 1, 1, [(2, "booked_on", "not_a_date")], "it-IT: / and - in one date", options=it)
    counts("culture-it-integer-with-decimals", "surveys", "response_id;answered_on;score\nS1;15/03/2024;9,0\nS2;15/03/2024;9\n", 2, 1, 1, [(2, "score", "not_an_integer")], "it-IT: 9,0 as a score", options=it)
    counts("culture-it-impressions-grouped", "channel_stats", "campaign_id;day;impressions;clicks\nK1;15/03/2024;1.200;1.300\nK1;16/03/2024;1.200;10\n", 2, 1, 1,
           [(2, "clicks", "clicks_above_impressions")], "it-IT: grouped integers are compared as numbers", options=it)
    counts("culture-it-timestamp-bad-time", "campaign_events", "campaign_id;contact_id;event;occurred_at\nK1;p;sent;15/03/2024 25:00\nK1;q;sent;15/03/2024 09:30\n", 2, 1, 1,
           [(2, "occurred_at", "not_a_timestamp")], "it-IT: hour 25", options=it)
    counts("culture-it-jsonl-numbers-typed", "revenue",
           '{"revenue_id":"R1","customer_id":"C1","booked_on":"15/03/2024","amount":1250.5,"kind":"new"}\n'
           '{"revenue_id":"R2","customer_id":"C1","booked_on":"15/03/2024","amount":"1.250,5","kind":"new"}\n'
           '{"revenue_id":"R3","customer_id":"C1","booked_on":"15/03/2024","amount":"1250.5","kind":"new"}\n', 3, 2, 1, [(3, "amount", "not_a_number")],
           "it-IT: a JSON number is typed, a JSON string is read in the culture", ext="jsonl", options=it)
    counts("culture-us-day-first-rejected", "fx_rates", "currency,day,rate\nUSD,15/03/2024,1\nGBP,03/15/2024,\"1,234.5\"\n", 2, 1, 1, [(2, "day", "not_a_date")], "en-US: 15/03/2024", options={"culture": "en-US"})
    counts("culture-de-grouped-rate", "fx_rates", "currency;day;rate\nUSD;15.03.2024;1.234,5\nGBP;15.03.2024;1,234.5\n", 2, 1, 1, [(3, "rate", "not_a_number")], "de-DE: an English number", options={"culture": "de-DE"})

    group = "Excel"
    # --- Excel --------------------------------------------------------------------------------------------------------------------------
    def xlsx(rows):
        def cell(ref, v):
            if v is None:
                return ""
            if isinstance(v, (int, float)):
                return f'<c r="{ref}"><v>{v}</v></c>'
            if isinstance(v, tuple):  # (kind, value)
                kind, value = v
                if kind == "date":
                    return f'<c r="{ref}" s="1"><v>{value}</v></c>'
                if kind == "error":
                    return f'<c r="{ref}" t="e"><v>{value}</v></c>'
                if kind == "bool":
                    return f'<c r="{ref}" t="b"><v>{value}</v></c>'
            text = str(v).replace("&", "&amp;").replace("<", "&lt;")
            return f'<c r="{ref}" t="inlineStr"><is><t xml:space="preserve">{text}</t></is></c>'
        body = "".join(f'<row r="{r}">' + "".join(cell(f"{chr(65 + i)}{r}", v) for i, v in enumerate(cells)) + "</row>" for r, cells in rows)
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zip_file:
            class Fixed:  # the same bytes on every run: entries with a fixed date
                @staticmethod
                def writestr(name, data):
                    zip_file.writestr(zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0)), data, compress_type=zipfile.ZIP_DEFLATED)
            z = Fixed
            z.writestr("[Content_Types].xml", '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                       '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
                       '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
                       '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
                       '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>')
            z.writestr("_rels/.rels", '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                       '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>')
            z.writestr("xl/workbook.xml", '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
                       'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Foglio1" sheetId="1" r:id="rId1"/></sheets></workbook>')
            z.writestr("xl/_rels/workbook.xml.rels", '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                       '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
                       '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>')
            z.writestr("xl/styles.xml", '<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
                       '<numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts><fonts count="1"><font/></fonts><fills count="1"><fill/></fills>'
                       '<borders count="1"><border/></borders><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="164" applyNumberFormat="1"/></cellXfs></styleSheet>')
            z.writestr("xl/worksheets/sheet1.xml", '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
                       f"<sheetData>{body}</sheetData></worksheet>")
        return out.getvalue()

    head = (1, ["revenue_id", "customer_id", "booked_on", "amount", "kind"])
    ok = (2, ["R1", "C1", ("date", 45366), 1250.5, "new"])
    counts("xlsx-error-cell", "revenue", xlsx([head, ok, (3, ["R2", "C1", ("date", 45366), ("error", "#N/A"), "new"])]), 2, 1, 1, [(3, "amount", "not_a_number")], "an #N/A cell", ext="xlsx")
    counts("xlsx-date-as-text", "revenue", xlsx([head, ok, (3, ["R2", "C1", "15/03/2024", 10, "new"])]), 2, 1, 1, [(3, "booked_on", "not_a_date")], "a day-first date typed as text without a culture", ext="xlsx")
    counts("xlsx-number-as-date-column", "revenue", xlsx([head, ok, (3, ["R2", "C1", 45366, 10, "new"])]), 2, 1, 1, [(3, "booked_on", "not_a_date")], "a serial number without a date format", ext="xlsx")
    counts("xlsx-boolean-amount", "revenue", xlsx([head, ok, (3, ["R2", "C1", ("date", 45366), ("bool", 1), "new"])]), 2, 1, 1, [(3, "amount", "not_a_number")], "a boolean cell as an amount", ext="xlsx")
    counts("xlsx-gap-rows-keep-sheet-rows", "revenue", xlsx([head, ok, (7, ["R2", "C1", ("date", 45366), "x", "new"])]), 2, 1, 1, [(7, "amount", "not_a_number")], "sheet row numbers are kept across empty rows", ext="xlsx")
    counts("xlsx-extra-cell", "revenue", xlsx([head, ok, (3, ["R2", "C1", ("date", 45366), 10, "new", "surplus"])]), 2, 1, 1, [(3, "F", "extra_values")], "a value right of the header", ext="xlsx")
    counts("xlsx-header-not-first-row", "revenue", xlsx([(3, head[1]), (4, ok[1]), (5, ["R2", "C1", ("date", 45366), -5, "new"])]), 2, 1, 1, [(5, "amount", "negative_not_refund")], "a header on row 3", ext="xlsx")
    refused("xlsx-empty-sheet", "revenue", xlsx([]), "FileEmpty", None, "an empty sheet", ext="xlsx")
    refused("xlsx-missing-column", "revenue", xlsx([(1, ["revenue_id", "customer_id", "booked_on", "kind"]), (2, ["R1", "C1", ("date", 45366), "new"])]), "FileMissingColumn", None, "no amount column", ext="xlsx")
    refused("xlsx-not-a-zip", "revenue", b"revenue_id,customer_id\n", "FileXlsxInvalid", None, "a CSV named .xlsx", ext="xlsx")
    refused("xlsx-truncated", "revenue", xlsx([head, ok])[:200], "FileXlsxInvalid", None, "a workbook cut short", ext="xlsx")
    refused("xls-old-format", "revenue", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100, "FileOldExcel", None, "the old binary .xls format", ext="xls")

    group = "other file types"
    # --- other file types ----------------------------------------------------------------------------------------------------------------
    refused("parquet-not-parquet", "customers", "customer_id,acquired_on\n", "FileParquetInvalid", None, "a CSV named .parquet", ext="parquet")
    refused("unknown-extension", "customers", "customer_id,acquired_on\n", "FileUnknownFormat", None, "a .doc file", ext="doc")
    refused("no-extension", "customers", "customer_id,acquired_on\n", "FileUnknownFormat", None, "no extension", ext="")

    (HERE / "manifest.json").write_text(json.dumps({"cases": manifest}, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(len(manifest), "cases")


if __name__ == "__main__":
    main()
