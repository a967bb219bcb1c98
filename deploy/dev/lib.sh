# shellcheck shell=bash
# shellcheck disable=SC2154  # $me is set by the script that sources this file.
# Helpers shared by services.sh and chaos.sh; sourced, not run. The caller sets $me (its name for messages).

# shellcheck disable=SC2034  # read by the sourcing script
detached_pid=""

# fail MESSAGE [LOG...]: says what failed, shows the end of each log, exits 1.
fail() {
  local msg=$1 log
  shift
  trap - ERR
  echo "$me: FAILED: $msg" >&2
  for log in "$@"; do
    if [[ -s $log ]]; then
      echo "$me: see $log; its last 30 lines:" >&2
      tail -n 30 "$log" | sed 's/^/    /' >&2
    else
      echo "$me: see $log (empty or missing)" >&2
    fi
  done
  exit 1
}

# detach LOG COMMAND...: runs COMMAND in its own session with no inherited descriptors, output to LOG,
# so that a CI step never waits on it; its pid is left in $detached_pid.
detach() {
  local log=$1
  shift
  (
    exec </dev/null >>"$log" 2>&1
    for fd in /proc/self/fd/*; do
      fd=${fd##*/}
      if ((fd > 2)); then eval "exec $fd>&-"; fi
    done
    exec setsid -w "$@"
  ) &
  # shellcheck disable=SC2034  # read by the sourcing script
  detached_pid=$!
}

# stop_pid PID WHAT LOG: SIGTERM, then waits up to 60 s for the process to end.
stop_pid() {
  local pid=$1 what=$2 log=$3
  kill -TERM "$pid"
  local deadline=$((SECONDS + 60))
  while kill -0 "$pid" 2>/dev/null; do
    ((SECONDS < deadline)) || fail "$what (pid $pid) still runs 60 s after SIGTERM" "$log"
    sleep 0.2
  done
}
