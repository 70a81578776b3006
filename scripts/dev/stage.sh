#!/usr/bin/env bash
# stage.sh NAME DESCRIPTION COMMAND...: one stage of `make test`. Prints what runs, runs it,
# prints how long it took (or that it failed), and appends "NAME SECONDS DESCRIPTION" to
# $STAGE_TIMES (when set) for the summary at the end. Exits with the command's status.
set -uo pipefail
name=$1 description=$2
shift 2
printf '==> %s: %s\n' "$name" "$description"
start=$(date +%s)
"$@"
status=$?
took=$(($(date +%s) - start))
if [ "$status" -eq 0 ]; then
    printf '<== %s %d s\n' "$name" "$took"
else
    printf '<== %s FAILED (exit %d) after %d s\n' "$name" "$status" "$took"
fi
if [ -n "${STAGE_TIMES:-}" ]; then
    mkdir -p "$(dirname "$STAGE_TIMES")"
    outcome=$([ "$status" -eq 0 ] && echo ok || echo FAILED)
    printf '%-8s %5d s  %-6s %s\n' "$name" "$took" "$outcome" "$description" >> "$STAGE_TIMES"
fi
exit "$status"
