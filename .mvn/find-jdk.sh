# Sourced by ./mvnw and ./egov: points JAVA_HOME at a JDK 21 or newer.
# Order: JAVA_HOME, then `java` on the PATH, then the usual install locations.
# Stops with a clear message when none is found.

egov_java_major() {
  # prints the feature version of the JDK at $1, or nothing
  [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] || return 0
  "$1/bin/java" -XshowSettings:properties -version 2>&1 |
    sed -n 's/^ *java\.specification\.version = \([0-9][0-9]*\).*/\1/p' | head -n 1
}

egov_find_jdk() {
  min=21
  candidates=""
  [ -n "${JAVA_HOME:-}" ] && candidates="$JAVA_HOME"
  if command -v java >/dev/null 2>&1; then
    java_bin=$(readlink -f "$(command -v java)" 2>/dev/null || command -v java)
    candidates="$candidates
$(dirname "$(dirname "$java_bin")")"
  fi
  for d in /usr/lib/jvm/* /usr/java/* /opt/java/* /opt/jdk* "$HOME"/.sdkman/candidates/java/* \
           "$HOME"/.jdks/* /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    [ -d "$d" ] && candidates="$candidates
$d"
  done
  best=""
  best_major=0
  old_ifs=$IFS
  IFS='
'
  for c in $candidates; do
    [ -n "$c" ] || continue
    major=$(egov_java_major "$c")
    [ -n "$major" ] || continue
    # JAVA_HOME wins when it is recent enough
    if [ "$c" = "${JAVA_HOME:-}" ] && [ "$major" -ge "$min" ]; then best="$c"; best_major=$major; break; fi
    if [ "$major" -ge "$min" ] && [ "$major" -gt "$best_major" ]; then best="$c"; best_major=$major; fi
  done
  IFS=$old_ifs
  if [ -z "$best" ]; then
    echo "error: this project needs a JDK $min or newer (Java 21+ for the build and for Keycloak)." >&2
    echo "       None was found in JAVA_HOME, on the PATH, or under /usr/lib/jvm, /usr/java, /opt, ~/.sdkman, ~/.jdks." >&2
    echo "       Install one (for example Temurin 21 or 25) and set JAVA_HOME to it." >&2
    return 1
  fi
  JAVA_HOME="$best"
  export JAVA_HOME
}

case $- in *f*) egov_noglob=1; set +f ;; *) egov_noglob=0 ;; esac
egov_find_jdk || exit 1
[ "$egov_noglob" = 1 ] && set -f
unset egov_noglob
