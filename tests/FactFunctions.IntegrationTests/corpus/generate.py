#!/usr/bin/env python3
"""Writes bad-input.json: hostile requests for every write route and template upload. Each case names the
statuses it may get; every one is a refusal, so none may change storage. Re-run after adding a write route."""
import json

routes = [
    ("PUT", "api/projects/family-help", {"name": "Family Help", "status": "active"}),
    ("PUT", "api/projects/family-help/milestones/m-new", {"activity": "A", "due": "May 2023", "status": "planned"}),
    ("POST", "api/projects/family-help/updates", {"asOf": "2022-10-14", "audience": "both", "paragraphs": ["x"]}),
    ("PUT", "api/indicators/suspensions-primary", {"name": "S", "polarity": "lower-is-better", "projectId": "inclusive-approaches"}),
    ("PUT", "api/indicators/suspensions-primary/values/2021-22", {"rank": 10, "outOf": 156}),
    ("PUT", "api/programme", {"title": "T", "author": {"name": "A", "email": "a@example.org"}, "director": {"name": "D"}}),
    ("POST", "api/import", {"projects": [{"id": "x", "name": "X", "status": "active"}]}),
    ("POST", "api/snapshots", {"label": "x"}),
    ("POST", "api/reports", {"kind": "select-committee", "meetingDate": "2022-11-08"}),
    ("PUT", "api/boards/new-board", {"name": "B", "kind": "operational-board", "members": []}),
    ("PUT", "api/boards/select-committee/meetings/2023-06-06", {"title": "T"}),
    ("POST", "api/reminders/run", {"asOf": "2022-10-25", "dryRun": False}),
]

cases = []

def add(name, method, path, expect, body=None, generator=None, content_type="application/json"):
    case = {"name": name, "method": method, "path": path, "expect": expect, "contentType": content_type}
    if body is not None:
        case["body"] = body
    if generator is not None:
        case["generator"] = generator
    cases.append(case)

for method, path, valid in routes:
    text = json.dumps(valid)
    add("truncated-open-brace", method, path, [400], "{")
    add("truncated-half", method, path, [400], text[: len(text) // 2])
    add("array-not-object", method, path, [400], "[]")
    add("null", method, path, [400], "null")
    add("bare-string", method, path, [400], '"hello"')
    add("bare-number", method, path, [400], "123")
    add("unknown-field", method, path, [400], json.dumps({**valid, "unexpectedField": 1}))
    add("trailing-comma", method, path, [400], text[:-1] + ",}")
    add("comment", method, path, [400], "/* comment */" + text)
    add("deeply-nested", method, path, [400], generator="deep")
    add("ten-megabytes", method, path, [413], generator="huge")
    add("invalid-utf8", method, path, [400], generator="invalid-utf8")
    add("text-plain", method, path, [415], text, content_type="text/plain")
    add("form-encoded", method, path, [415], "name=x", content_type="application/x-www-form-urlencoded")
    add("utf16-charset", method, path, [415], text, content_type="application/json; charset=utf-16")
    # Wrong type for the first field.
    first = next(iter(valid))
    wrong = {**valid, first: {"nested": True}}
    add("wrong-type-" + first, method, path, [400], json.dumps(wrong))

semantic = [
    ("PUT", "api/projects/family-help", [
        {"name": "", "status": "active"},
        {"name": "X", "status": "finished"},
        {"name": "X", "status": "active", "order": -5},
        {"name": "bad\u0000name", "status": "active"},
        {"name": "lone \ud800 surrogate", "status": "active"},
        {"name": "x" * 201, "status": "active"},
        {"status": "active"},
    ]),
    ("PUT", "api/projects/family-help/milestones/m-new", [
        {"activity": "A", "due": "whenever", "status": "planned"},
        {"activity": "A", "due": "December 2022 – October 2022", "status": "planned"},
        {"activity": "A", "due": "31 February 2023", "status": "planned"},
        {"activity": "A", "due": "' or PartitionKey ne '", "status": "planned"},
        {"activity": "A", "due": "", "status": "planned"},
        {"activity": "A\u0007bell", "due": "May 2023", "status": "planned"},
        {"activity": "A", "due": "May 2023", "status": "done"},
        {"activity": "A", "due": "May 2023", "status": "planned", "board": "Not A Slug"},
        {"activity": "", "due": "May 2023", "status": "planned"},
        {"activity": "x" * 1001, "due": "May 2023", "status": "planned"},
        {"activity": "A", "due": "May 2150", "status": "planned"},
        {"activity": "A", "due": "1999", "status": "planned"},
    ]),
    ("POST", "api/projects/family-help/updates", [
        {"asOf": "2022-10-14", "audience": "everyone", "paragraphs": ["x"]},
        {"audience": "both", "paragraphs": ["x"]},
        {"asOf": "2022-10-14", "audience": "both", "paragraphs": []},
        {"asOf": "2022-10-14", "audience": "both", "paragraphs": ["\u0001"]},
        {"asOf": "0001-01-01", "audience": "both", "paragraphs": ["x"]},
    ]),
    ("PUT", "api/indicators/suspensions-primary", [
        {"name": "S", "polarity": "sideways"},
        {"name": "S", "polarity": "lower-is-better", "projectId": "no-such-project"},
        {"name": "", "polarity": "lower-is-better"},
    ]),
    ("PUT", "api/indicators/suspensions-primary/values/2021-22", [
        {"rank": 200, "outOf": 156},
        {"rank": 0},
        {},
    ]),
    ("PUT", "api/programme", [
        {"title": "", "author": {"name": "A", "email": "a@example.org"}, "director": {"name": "D"}},
        {"title": "T", "author": {"name": "A", "email": "not-an-email"}, "director": {"name": "D"}},
        {"title": "T"},
    ]),
    ("POST", "api/import", [
        {"projects": [{"id": "Bad Id", "name": "X", "status": "active"}]},
        {"projects": [{"id": "x", "name": "X", "status": "active", "milestones": [{"id": "m", "activity": "A", "due": "soon", "status": "planned"}]}]},
        {"projects": [{"id": "x", "name": "X", "status": "active"}, {"id": "x", "name": "Y", "status": "active"}]},
        {"indicators": [{"id": "i", "name": "I", "polarity": "lower-is-better", "projectId": "ghost"}]},
        {"boards": [{"id": "b", "name": "B", "kind": "cabinet"}]},
    ]),
    ("POST", "api/reports", [
        {"kind": "cabinet", "meetingDate": "2022-11-08"},
        {"kind": "select-committee"},
        {"kind": "select-committee", "meetingDate": "2022-11-08", "snapshotId": "no-such-snapshot"},
        {"kind": "select-committee", "meetingDate": "2022-11-08", "snapshotId": "Bad Id"},
        {"kind": "select-committee", "meetingDate": "9999-12-31"},
        {"kind": "select-committee", "meetingDate": "0001-01-01"},
        {"kind": "select-committee", "meetingDate": "2022-11-08", "reportDate": "1999-12-31"},
    ]),
    ("PUT", "api/boards/new-board", [
        {"name": "B", "kind": "cabinet"},
        {"name": "B", "kind": "operational-board", "members": [{"name": "M", "email": "nope", "role": "member"}]},
        {"name": "B", "kind": "operational-board", "reminderOffsets": [5, 5]},
        {"name": "B", "kind": "operational-board", "digest": "hourly"},
        # E-mail addresses as the sender parses them: one address, nothing around it, no direction characters.
        {"name": "B", "kind": "operational-board", "members": [{"name": "M", "email": "m@example.org\n", "role": "member"}]},
        {"name": "B", "kind": "operational-board", "members": [{"name": "M", "email": " m@example.org", "role": "member"}]},
        {"name": "B", "kind": "operational-board", "members": [{"name": "M", "email": "m@example.org,x@example.org", "role": "member"}]},
        {"name": "B", "kind": "operational-board", "members": [{"name": "M", "email": "M <m@example.org>", "role": "member"}]},
        {"name": "B", "kind": "operational-board", "members": [{"name": "M", "email": "m\u202e@example.org", "role": "member"}]},
        {"name": "B", "kind": "operational-board", "members": [{"name": "Ann \u202egnp.exe", "email": "a@example.org", "role": "member"}]},
        {"name": "B", "kind": "operational-board", "members": [{"name": "A", "email": "a@example.org", "role": "member"},
                                                                {"name": "B", "email": "A@Example.org", "role": "member"}]},
    ]),
    ("PUT", "api/boards/select-committee/meetings/2023-06-06", [
        {"title": ""},
        {"title": "T", "paperDeadline": "2023-06-07"},
        {"title": "T", "reportKind": "cabinet"},
        {"title": "T", "paperDeadline": "1999-06-01"},
    ]),
    ("POST", "api/reminders/run", [
        {"asOf": "next week"},
        {"asOf": "25/10/2022"},
        # Dates are bounded to 2000-01-01 .. 2099-12-31 everywhere.
        {"asOf": "0001-01-01"},
        {"asOf": "9999-12-31T08:00:00+00:00"},
    ]),
    ("POST", "api/snapshots", [
        {"label": "x" * 201},
        {"label": "bad\u0002label"},
    ]),
]
for method, path, bodies in semantic:
    for i, body in enumerate(bodies):
        add(f"semantic-{i}", method, path, [422], json.dumps(body))

bad_ids = ["..%2F..%2Fx", "%27%20or%20PartitionKey%20ne%20%27", "a'b", "Upper", "a%00b", "-x", "x" * 64, "a%22b", "a.b", "a%20b"]
for template in ["api/projects/{}", "api/projects/family-help/milestones/{}", "api/indicators/{}", "api/boards/{}"]:
    for bad in bad_ids:
        add("bad-id", "PUT", template.format(bad), [400, 404], json.dumps({"name": "X"}))
for bad in ["2022-13-01", "01-11-2022", "tomorrow", "2022-11-8"]:
    add("bad-date", "PUT", f"api/boards/select-committee/meetings/{bad}", [400], json.dumps({"title": "T"}))
for bad in ["0001-01-01", "9999-12-31", "1999-12-31", "2100-01-01"]:
    add("out-of-range-date", "PUT", f"api/boards/select-committee/meetings/{bad}", [422], json.dumps({"title": "T"}))
for bad in ["2022", "2022-Q5", "20-21", "2022-q3"]:
    add("bad-period", "PUT", f"api/indicators/suspensions-primary/values/{bad}", [400], json.dumps({"rank": 1}))

docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
for generator, expect in [("zip-bomb", [413]), ("docm", [422]), ("external-template", [422]), ("external-image", [422]),
                          ("external-image-spaced-mode", [422]), ("includepicture-field", [422]), ("backslash-part-name", [422]),
                          ("absolute-internal-target", [422]),
                          ("not-a-zip", [422]), ("truncated-zip", [422]), ("empty", [422]), ("missing-tag", [422]),
                          ("unknown-tag", [422]), ("eleven-megabytes", [413])]:
    add("template-" + generator, "PUT", "api/templates/select-committee", expect, generator=generator, content_type=docx)
add("template-bad-kind", "PUT", "api/templates/cabinet", [400], generator="valid-template", content_type=docx)
add("template-text-plain", "PUT", "api/templates/select-committee", [415], "hello", content_type="text/plain")

# A lone surrogate is refused by the JSON reader itself (400 naming the field) before field rules (422) run.
for case in cases:
    if "\\ud800" in case.get("body", ""):
        case["expect"] = [400, 422]

with open("bad-input.json", "w", encoding="utf-8") as out:
    json.dump({"about": __doc__.strip(), "cases": cases}, out, ensure_ascii=True, indent=1)
print(len(cases), "cases")
