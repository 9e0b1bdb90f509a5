"""The Python side of dactylo's schema agreement test: `jsonschema` (Julian Berman's, pinned by
the test) judges instances against the generated schemas as it does by default, with
`Draft202012Validator` and no format assertion.

    check.py DIR    for each NAME.schema.json in DIR, judge every instance of the JSON list
                    NAME.instances.json; print {NAME: [true | false, ...]} as JSON
"""

import json
import pathlib
import sys

from jsonschema import Draft202012Validator

SUFFIX = ".schema.json"

directory = pathlib.Path(sys.argv[1])
verdicts = {}
for schema_file in sorted(directory.glob("*" + SUFFIX)):
    name = schema_file.name[: -len(SUFFIX)]
    schema = json.loads(schema_file.read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    validator = Draft202012Validator(schema)
    instances = json.loads((directory / (name + ".instances.json")).read_text(encoding="utf-8"))
    verdicts[name] = [validator.is_valid(instance) for instance in instances]
json.dump(verdicts, sys.stdout)
