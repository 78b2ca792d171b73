#!/usr/bin/env bash
# The JSON Schemas of docs/schemas/ against every sample and error case of the repository
# (tests/schemas/check_schemas.py says what is checked). Usage: schema_test.sh SOURCE_DIR
# It runs Debian's Python (/usr/bin/python3) with python3-jsonschema and python3-yaml
# (scripts/deps.sh), not a Python of another installation; it skips (77) without them.
set -u
SOURCE_DIR=${1:?usage: schema_test.sh SOURCE_DIR}
PY=/usr/bin/python3
if ! [ -x $PY ] || ! $PY -I -c 'import jsonschema, yaml; jsonschema.Draft202012Validator' 2>/dev/null; then
  echo "skipped: $PY with python3-jsonschema and python3-yaml is needed (scripts/deps.sh)"
  exit 77
fi
exec $PY -I "$SOURCE_DIR/tests/schemas/check_schemas.py" "$SOURCE_DIR"
