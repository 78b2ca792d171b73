#!/usr/bin/python3
"""Validates banmian's input files against the JSON Schemas of docs/schemas/.

Usage: check_schemas.py SOURCE_DIR

Every issue.yaml, paper.yaml, page template (any other .yaml beside a paper.yaml) and
article front matter (a .md file in an articles/ folder) of the repository is read as an
editor's YAML extension reads it (YAML 1.2, core schema: 2021-05-10 stays a string, yes
stays a word) and validated with Debian's python3-jsonschema (Draft202012Validator).

The samples must pass. The inputs of the error cases (tests/errors/<case>/) pass or fail as
EXPECTED below says, so a schema cannot drift from the loaders: a case that the loader
refuses for a key or a type the schema can see must fail the schema too, and a case about
something the schema cannot see (a missing file, a grid too small) must pass it. Then a
misspelt key and a value of the wrong type, made in copies of the samples, must fail.

Prints "ok   NAME" or "FAIL NAME" per check and "N passed, N failed"; exits 1 on a failure.
"""

import copy
import json
import os
import re
import sys

import jsonschema
import yaml

# What each error case's files do against the schemas. A file named here either fails at
# exactly the listed places (JSON paths into the file's data: the schema must refuse what
# the loader refuses there, and nothing else), or is "unreadable" (not YAML at all: a
# syntax or encoding error, which no schema sees). Every other file of a case must pass:
# its errors are ones a schema cannot see (files, fonts, pictures, placeholders, the grid's
# size, names across files, text in the Markdown body). Every case of tests/errors is
# listed, so a new case needs a decision here.
EXPECTED = {
    "absurd-layout": {"layouts/testpaper/paper.yaml": ["grid/columns", "grid/line_pitch"]},
    "ad-files": {},
    "ad-keys": {"issue.yaml": ["pages/0/slots/ad", "pages/1/slots/ad", "pages/1/slots/story",
                               "pages/2/slots/ad", "pages/3/slots/ad"]},
    "ad-size": {},
    "ad-slot-mismatch": {},  # which slot takes an ad or a banner is the template's
    # not here: style 'nosuchstyle' (declared in paper.yaml)
    "ad-template": {"layouts/adpaper/page.yaml": [
        "regions/masthead/items/0", "regions/masthead/items/3", "regions/masthead/items/4",
        "slots/ad/boxed", "slots/ad/fill", "slots/ad/headline_bar", "slots/ad/scale",
        "slots/other", "slots/other/area/rows", "slots/story/label"]},
    # not here: the styles named (declared in paper.yaml), widths against the grid, the
    # ladder's last rung limited
    "auto-body-overlap": {},         # the body against regions and slots
    "auto-ladder-empty": {"layouts/testpaper/paper.yaml": ["auto_layout/headlines"]},
    "auto-ladder-open-end": {},
    "auto-ladder-values": {"layouts/testpaper/paper.yaml": [
        "auto_layout/headlines/1/max_rank", "auto_layout/headlines/2/min_cols",
        "auto_layout/headlines/4"]},
    # not here: articles and locks against the templates and the other pages
    "auto-stories-placement": {},
    "auto-stories-values": {"issue.yaml": [
        "pages/0/stories", "pages/1/stories", "pages/2/stories/0", "pages/2/stories/1",
        "pages/2/stories/2", "pages/2/stories/3", "pages/2/stories/4", "pages/2/stories/5"]},
    # not here: the body against the grid's size, picture_cols against the slot's width
    "auto-template-values": {
        "layouts/testpaper/body-keys.yaml": ["body"],
        "layouts/testpaper/body-word.yaml": ["body/rows"],
        "layouts/testpaper/body-zero.yaml": ["body/rows"],
        "layouts/testpaper/picture-keys.yaml": ["slots/ad/picture_cols",
                                                 "slots/ad/picture_trim",
                                                 "slots/trim/picture_trim",
                                                 "slots/word/picture_above_headline",
                                                 "slots/zero/picture_cols"]},
    "bad-articles": {},
    "banner-slots": {},
    "banner-values": {"issue.yaml": ["pages/0/slots/right", "pages/1/slots/banner",
                                     "pages/1/slots/left"]},
    "control-characters": {},        # characters in texts: the loader's text check
    "control-characters-issue": {},
    "corrupt-picture": {},
    "corrupt-png": {},
    "deep-emphasis": {},
    "duplicate-key-issue": {},       # a YAML reader keeps one of the two keys
    "duplicate-key-paper": {},
    "duplicate-key-template": {},
    "duplicate-label": {},
    "field-placeholders": {},
    "image-files": {},
    "image-placement": {},           # boxes against the page's size
    "index-box": {},
    "invalid-utf8": {"articles/a.md": "unreadable"},
    "issue-values": {"issue.yaml": ["date", "pages/0/label"]},
    # not here: 0x96 and 4.5e1 (YAML reads them as numbers), sizes against other sizes
    "layout-values": {"layouts/testpaper/paper.yaml": ["styles/kicker/letter_spacing"]},
    "missing-article-file": {},
    "missing-font": {},
    "outside-issue": {},
    "page-smaller-than-margins": {},
    "picture-attributes": {},
    "picture-too-large": {},
    "picture-paths": {},            # where a picture file is: not the schema's
    "placement": {},
    "press-checks": {"layouts/testpaper/paper.yaml": ["press/checks",
                                                      "press/checks/reversed_text_min"]},
    "press-ink-limit": {},
    "press-rgb-profile": {},
    "qr-too-long": {},
    "right-to-left": {},
    "slot-cycle": {},
    "slot-errors-alone": {"layouts/testpaper/inside.yaml": [
        "regions/folio/area", "slots/extra/area/rows", "slots/top/area/rows"]},
    # not here: undeclared colours and styles, padding over 20mm or leaving 3 characters
    "slot-fill-values": {"layouts/testpaper/inside.yaml": [
        "regions/folio/items/1", "slots/bad_kind/kind", "slots/bar_break/headline_bar/text",
        "slots/bar_key/headline_bar", "slots/bar_no_fill/headline_bar",
        "slots/bar_placeholder/headline_bar/text", "slots/bar_tab/headline_bar/text",
        "slots/bar_text/headline_bar/fill", "slots/bar_text/headline_bar/text",
        "slots/five/fill", "slots/mapping/fill", "slots/negative/fill", "slots/not_a_tint/fill",
        "slots/over/fill", "slots/pad_alone", "slots/pad_negative/padding", "slots/three/fill",
        "slots/tint_negative/fill", "slots/tint_no_percent/fill", "slots/tint_over/fill"]},
    "slot-override-rows-word": {"issue.yaml": ["pages/0/slots/bottom", "pages/0/slots/side",
                                               "pages/0/slots/top"]},
    "slot-override-template": {},
    # not here: max_rows under min_rows
    "slot-override-values": {"issue.yaml": ["pages/0/slots/bottom", "pages/0/slots/side"]},
    "slot-two-articles": {},
    "slots-fit-overlap": {},
    "stack-continued": {},
    "stray-attributes": {},
    # not here: stops out of order
    "tab-stops": {"layouts/testpaper/inside.yaml": [
        "regions/index/items/1", "regions/index/items/2", "regions/index/items/3",
        "regions/index/items/4", "regions/index/items/5"]},
    "table-too-wide": {},
    "threads": {},
    "unknown-key": {"issue.yaml": [""]},
    "unknown-paper": {},
    "unknown-placeholder": {},
    "unsupported-markdown": {},
    "wrong-types": {"layouts/testpaper/paper.yaml": ["grid/body_size", "grid/characters",
                                                     "grid/gutter"]},
    "yaml-syntax": {"issue.yaml": "unreadable"},
    # a tab in the indentation: not YAML at all
    "yaml-tab-front-matter": {"articles/a.md": "unreadable"},
    "yaml-tab-issue": {"issue.yaml": "unreadable"},
    "yaml-tab-paper": {"layouts/testpaper/paper.yaml": "unreadable"},
    "yaml-tab-template": {"layouts/testpaper/inside.yaml": "unreadable"},
    # a '[' or '{' never closed: not YAML either
    "yaml-unclosed-brace": {"issue.yaml": "unreadable"},
    "yaml-unclosed-bracket": {"articles/a.md": "unreadable"},
}

SKIPPED_DIRS = {".git", "docs"}

# The samples the mistakes below are made in (copies of them), one of each kind.
SAMPLES = {
    "issues/hongqiao-2021-05-front/issue.yaml",
    "layouts/shequchenbao/paper.yaml",
    "layouts/shequchenbao/front.yaml",
    "issues/hongqiao-2021-05-front/articles/linghang.md",
}


class CoreLoader(yaml.SafeLoader):
    """PyYAML's safe loader with the YAML 1.2 core schema's plain scalars instead of YAML
    1.1's: no dates, no yes/no/on/off, no sexagesimal or underscored numbers."""


CoreLoader.yaml_implicit_resolvers = {}
for tag, pattern, first in [
    ("tag:yaml.org,2002:null", r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
    ("tag:yaml.org,2002:bool", r"^(?:true|True|TRUE|false|False|FALSE)$", list("tTfF")),
    ("tag:yaml.org,2002:int", r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$",
     list("-+0123456789")),
    ("tag:yaml.org,2002:float",
     r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
     r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$", list("-+.0123456789")),
]:
    CoreLoader.add_implicit_resolver(tag, re.compile(pattern), first)


def construct_int(loader, node):
    text = loader.construct_scalar(node)
    if text.startswith("0o"):
        return int(text[2:], 8)
    if text.startswith("0x"):
        return int(text[2:], 16)
    return int(text)


CoreLoader.add_constructor("tag:yaml.org,2002:int", construct_int)


def load_yaml(text):
    return yaml.load(text, Loader=CoreLoader)


def front_matter(text):
    """The YAML between an article's opening '---' line and the next '---' line (as
    src/load/article_loader.cc finds it), or None when there is none."""
    lines = text.split("\n")
    if not lines or lines[0].rstrip("\r") != "---":
        return None
    for i in range(1, len(lines)):
        if lines[i].rstrip("\r") == "---":
            return "\n".join(lines[1:i]) + "\n"
    return None


def kind_of(path):
    """Which schema a file takes: issue, paper, template, article, or None."""
    name = os.path.basename(path)
    folder = os.path.dirname(path)
    if name == "issue.yaml":
        return "issue"
    if name == "paper.yaml":
        return "paper"
    if name.endswith(".yaml") and os.path.isfile(os.path.join(folder, "paper.yaml")):
        return "template"
    if name.endswith(".md") and os.path.basename(folder) == "articles":
        return "article"
    return None


def read_instance(path, kind):
    """The file's data as JSON sees it; raises ValueError when it is not readable YAML."""
    try:
        with open(path, encoding="utf-8") as f:
            text = f.read()
    except UnicodeDecodeError as e:
        raise ValueError(f"not UTF-8: {e}") from e
    if kind == "article":
        matter = front_matter(text)
        if matter is None:
            raise ValueError("no front matter")
        text = matter
    try:
        data = load_yaml(text)
    except yaml.YAMLError as e:
        raise ValueError(f"YAML: {e}") from e
    json.dumps(data)  # only JSON's types
    return data


def main():
    if len(sys.argv) != 2:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    root = os.path.abspath(sys.argv[1])
    validators = {}
    passes = fails = 0

    def check(name, ok, detail=""):
        nonlocal passes, fails
        if ok:
            passes += 1
            print(f"ok   {name}")
        else:
            fails += 1
            print(f"FAIL {name}" + (f": {detail}" if detail else ""))

    for kind in ("issue", "paper", "template", "article"):
        path = os.path.join(root, "docs", "schemas", f"{kind}.schema.json")
        with open(path, encoding="utf-8") as f:
            schema = json.load(f)
        try:
            jsonschema.Draft202012Validator.check_schema(schema)
            check(f"schema {kind}.schema.json is a valid draft 2020-12 schema", True)
        except jsonschema.SchemaError as e:
            check(f"schema {kind}.schema.json is a valid draft 2020-12 schema", False, e.message)
        validators[kind] = jsonschema.Draft202012Validator(schema)

    def problems(kind, data):
        return sorted(validators[kind].iter_errors(data), key=lambda e: list(e.absolute_path))

    def describe(errors):
        e = errors[0]
        where = "/".join(str(p) for p in e.absolute_path) or "(top)"
        return f"{where}: {e.message[:200]}" + (f" (+{len(errors) - 1} more)" if len(errors) > 1 else "")

    # Every file of the repository that has a schema.
    files = []
    for folder, dirs, names in os.walk(root):
        rel_folder = os.path.relpath(folder, root)
        dirs[:] = sorted(d for d in dirs if d not in SKIPPED_DIRS and not d.startswith("build")
                         and not (rel_folder == "." and d.startswith(".")))
        for name in sorted(names):
            path = os.path.join(folder, name)
            kind = kind_of(path)
            if kind and not os.path.islink(path):  # links: outside-issue's, not a format
                files.append((os.path.relpath(path, root), kind))

    error_root = os.path.join("tests", "errors") + os.sep
    cases = sorted(d for d in os.listdir(os.path.join(root, "tests", "errors"))
                   if os.path.isdir(os.path.join(root, "tests", "errors", d)))
    check("every error case has an expectation in EXPECTED",
          set(cases) == set(EXPECTED),
          f"not listed: {sorted(set(cases) - set(EXPECTED))}, "
          f"no such case: {sorted(set(EXPECTED) - set(cases))}")
    for case, table in EXPECTED.items():
        for rel in table:
            check(f"EXPECTED names an existing file: {case}/{rel}",
                  os.path.isfile(os.path.join(root, "tests", "errors", case, rel)))

    counts = {}
    samples = {}  # kind → a valid sample's data, for the negative checks below
    for rel, kind in files:
        expect = []  # the places the schema must refuse: none, so the file passes
        if rel.startswith(error_root):
            case, _, inside = rel[len(error_root):].partition(os.sep)
            expect = EXPECTED.get(case, {}).get(inside, [])
        try:
            data = read_instance(os.path.join(root, rel), kind)
        except ValueError as e:
            check(f"{kind} {rel} is unreadable" if expect == "unreadable"
                  else f"{kind} {rel} can be read", expect == "unreadable", str(e)[:200])
            continue
        if expect == "unreadable":
            check(f"{kind} {rel} is unreadable", False, "it was read")
            continue
        errors = problems(kind, data)
        counts[(kind, "fail" if expect else "pass")] = counts.get((kind, "fail" if expect else "pass"), 0) + 1
        if not expect:
            check(f"{kind} {rel} passes", not errors, describe(errors) if errors else "")
            if not errors and rel in SAMPLES:
                samples[kind] = (rel, data)
            continue
        places = sorted({"/".join(str(p) for p in e.absolute_path) for e in errors})
        check(f"{kind} {rel} fails at the {len(expect)} places the loader does",
              places == sorted(expect),
              f"expected {sorted(expect)}, got {places}: " +
              "; ".join(describe([e]) for e in errors))

    # Mistakes made in copies of the samples: each must be refused.
    check("the samples for the mistakes were read and pass", len(samples) == len(SAMPLES))
    if len(samples) != len(SAMPLES):
        print(f"{passes} passed, {fails} failed")
        return 1
    def refused(name, kind, mutate):
        rel, data = samples[kind]
        data = copy.deepcopy(data)
        mutate(data)
        errors = problems(kind, data)
        check(f"refuses {name} (in a copy of {rel})" +
              (f": {describe(errors)}" if errors else ""), bool(errors), "it passed")

    def rename(mapping, old, new):
        mapping[new] = mapping.pop(old)

    def first_slot(template):
        return next(iter(template["slots"].values()))

    def first_mapping_slot(issue):
        for page in issue["pages"]:
            page.setdefault("slots", {})["lead"] = {"article": "x", "rows": "fit"}
            return page["slots"]["lead"]

    refused("a misspelt key in an issue ('titel')", "issue", lambda d: rename(d, "title", "titel"))
    refused("a misspelt key in a page ('tempalte')", "issue",
            lambda d: rename(d["pages"][0], "template", "tempalte"))
    refused("a misspelt key in a slot mapping ('max_row')", "issue",
            lambda d: first_mapping_slot(d).update(max_row=20))
    refused("a wrong type in an issue (pages: a mapping)", "issue",
            lambda d: d.update(pages={"template": "front"}))
    refused("a wrong type in an issue (date: 10 May 2021)", "issue",
            lambda d: d.update(date="10 May 2021"))
    refused("a missing key in an issue (no 'paper')", "issue", lambda d: d.pop("paper"))
    refused("a misspelt key in a template slot ('headline_styel')", "template",
            lambda d: first_slot(d).update(headline_styel="headline"))
    refused("a misspelt key in a template ('slot')", "template", lambda d: rename(d, "slots", "slot"))
    refused("a wrong type in a template (cols: two)", "template",
            lambda d: first_slot(d)["area"].update(cols="two"))
    refused("a wrong value in a template (kind: stacks)", "template",
            lambda d: first_slot(d).update(kind="stacks"))
    refused("a misspelt key in a paper ('colors')", "paper", lambda d: rename(d, "colours", "colors"))
    refused("a wrong type in a paper (columns: five)", "paper",
            lambda d: d["grid"].update(columns="five"))
    refused("a length without a unit in a paper (line_pitch: 15)", "paper",
            lambda d: d["grid"].update(line_pitch=15))
    refused("a missing required style in a paper (no 'caption')", "paper",
            lambda d: d["styles"].pop("caption"))
    refused("a misspelt key in an article's front matter ('headlin')", "article",
            lambda d: rename(d, "headline", "headlin"))
    refused("a wrong type in an article's front matter (normalize: maybe)", "article",
            lambda d: d.update(normalize="maybe"))

    summary = ", ".join(f"{n} {kind} files that must {expect}" for (kind, expect), n in sorted(counts.items()))
    print(f"validated: {summary}")
    print(f"{passes} passed, {fails} failed")
    return 1 if fails else 0


if __name__ == "__main__":
    sys.exit(main())
