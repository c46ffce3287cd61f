# Shared by the real-code scripts here (sourced, not run): logging, timing, downloads from Maven
# Central, and the `weft rewrite --write` step with its summary. The caller sets: root (the
# repository), work (its work directory), dl (its download directory) and project (its name).

log() { echo "[realcode] $*" >&2; }
now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", b - a }'; }

# fetch GROUP:ARTIFACT:VERSION:TYPE[:CLASSIFIER] FILE: dependency:copy puts exactly the named
# artifact in $dl (nothing transitive).
fetch() {
  local artifact="$1" file="$2"
  [ -f "$dl/$file" ] && return 0
  log "fetching $artifact"
  # Run from $dl, which has no pom: the goal needs no project, and a pom around would make Maven
  # run it once per reactor module.
  (cd "$dl" && mvn -B -q -Dstyle.color=never org.apache.maven.plugins:maven-dependency-plugin:3.6.1:copy \
    -Dartifact="$artifact" -DoutputDirectory="$dl" -Dmdep.overWriteIfNewer=true 2>&1 \
    | sed $'s/\x1b\\[[0-9;]*m//g' >&2)
}

# rewrite_copy ORIGINAL COPY [weft rewrite options...]: copies ORIGINAL to COPY and rewrites the copy
# in place. Sets analysis_s (wall time of the rewrite), regions, rewritten, rewrite_rc; writes
# $work/rewrite.log, $work/$project.patch and $work/rewrites-by-kind.txt.
rewrite_copy() {
  local orig="$1" copy="$2"
  shift 2
  local t0 t1 summary
  rm -rf "$copy"; cp -r "$orig" "$copy"
  log "weft rewrite --write $*"
  t0="$(now)"
  set +e
  "$root/weft" rewrite "$copy" --write "$@" >"$work/rewrite.log" 2>&1
  rewrite_rc=$?
  set -e
  # In a shared working tree the launcher can package cli classes while another build is rewriting
  # them (a jar without its command classes): rebuild once and retry.
  if grep -q 'ClassNotFoundException: dev\.weft' "$work/rewrite.log"; then
    log "the weft launcher's jar is incomplete (a concurrent build?): rebuilding it and retrying"
    rm -f "$root/cli/target/weft.stamp"
    rm -rf "$copy"; cp -r "$orig" "$copy"
    t0="$(now)"
    set +e
    "$root/weft" rewrite "$copy" --write "$@" >"$work/rewrite.log" 2>&1
    rewrite_rc=$?
    set -e
  fi
  t1="$(now)"
  analysis_s="$(elapsed "$t0" "$t1")"
  [ $rewrite_rc -eq 0 ] || log "weft rewrite exited with $rewrite_rc (see $work/rewrite.log)"
  summary="$(grep -E '^[0-9]+ of [0-9]+ regions rewritten' "$work/rewrite.log" | tail -1 || true)"
  [ -n "$summary" ] || { log "weft rewrite did not run (see $work/rewrite.log)"; exit 1; }
  # Exit code 1 with a summary: some regions were NOT WRITTEN (the rewrite failed to compile; they
  # are listed in rewrite.log and left sequential); the others are written.
  rewritten="$(echo "$summary" | awk '{print $1}')"
  regions="$(echo "$summary" | awk '{print $3}')"
  (cd "$(dirname "$orig")" && diff -ruN "$(basename "$orig")" "$(basename "$copy")" >"$work/$project.patch") || true
  { grep -oE ' [A-Za-z]+: (rewritten \([^)]*\)|not rewritten|NOT WRITTEN)' "$work/rewrite.log" || true; } \
    | sort | uniq -c | sort -rn >"$work/rewrites-by-kind.txt"
  sed 's/^/[realcode] /' "$work/rewrites-by-kind.txt" >&2
}
