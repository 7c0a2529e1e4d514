#!/usr/bin/env bash
# A real EcoSim cluster on this machine: Redis as the membership store and N standalone silo
# processes, everything bound to 127.0.0.1.
#
#   scripts/cluster.sh start [--silos N] [--redis-port P] [--silo-port P] [--gateway-port P] [--no-build]
#   scripts/cluster.sh url       print the --cluster address of the running cluster (for ECOSIM_CLUSTER)
#   scripts/cluster.sh status    show what runs
#   scripts/cluster.sh revive    start again the silos whose process died, on their old ports
#   scripts/cluster.sh stop      stop the silos, and Redis if this script started it
#
# State (PIDs, logs, the cluster address) lives in $ECOSIM_CLUSTER_DIR (default /tmp/ecosim-cluster).
# Each start uses a new cluster id, so rows that an earlier cluster left in Redis never matter.
# Waits are bounded by $ECOSIM_CLUSTER_TIMEOUT seconds (default 120).
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
state=${ECOSIM_CLUSTER_DIR:-/tmp/ecosim-cluster}
timeout=${ECOSIM_CLUSTER_TIMEOUT:-120}
silo_dll="$repo/silo/EcoSim.Silo/bin/Release/net10.0/EcoSim.Silo.dll"
ready_line="EcoSim silo active"

die() { echo "cluster.sh: error: $*" >&2; exit 1; }
note() { echo "cluster.sh: $*" >&2; }

# A process we started and that is still alive: the PID in file $1 runs a command line containing $2.
alive() {
  local pid
  [ -f "$1" ] && pid=$(cat "$1") && [ -n "$pid" ] && [ -r "/proc/$pid/cmdline" ] &&
    tr '\0' ' ' <"/proc/$pid/cmdline" | grep -q -- "$2"
}

listening() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# The first port from $1 up that nothing listens on and that is not in the taken list ($2...).
free_port() {
  local port=$1; shift
  while listening "$port" || [[ " $* " == *" $port "* ]]; do
    port=$((port + 1))
    [ "$port" -le 65535 ] || die "no free port on 127.0.0.1 above $1"
  done
  echo "$port"
}

silo_files() { compgen -G "$state/silo-*.pid" | sort -V || true; }

ensure_redis_installed() {
  command -v redis-server >/dev/null && command -v redis-cli >/dev/null && return
  command -v apt-get >/dev/null || die "redis-server is not installed and there is no apt-get to install it"
  [ "$(id -u)" -eq 0 ] || die "redis-server is not installed: run 'sudo apt-get install -y redis-server'"
  note "installing redis-server with apt-get (log: $state/apt.log)"
  { apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y redis-server; } >"$state/apt.log" 2>&1 ||
    { tail -n 20 "$state/apt.log" >&2; die "apt-get could not install redis-server"; }
}

start_redis() {
  local port=$1
  if listening "$port"; then
    [ "$(redis-cli -h 127.0.0.1 -p "$port" ping 2>/dev/null)" = "PONG" ] ||
      die "127.0.0.1:$port is taken by something that is not Redis; choose another with --redis-port"
    note "using the Redis already on 127.0.0.1:$port (not started here, so 'stop' leaves it running)"
    return
  fi
  redis-server --port "$port" --bind 127.0.0.1 --save '' --appendonly no --daemonize yes \
    --pidfile "$state/redis.pid" --logfile "$state/redis.log" >/dev/null
  local deadline=$((SECONDS + 15))
  until [ "$(redis-cli -h 127.0.0.1 -p "$port" ping 2>/dev/null)" = "PONG" ]; do
    [ $SECONDS -lt $deadline ] || { tail -n 20 "$state/redis.log" >&2 || true; die "Redis did not answer on 127.0.0.1:$port within 15 s"; }
    sleep 0.2
  done
  # The daemon writes its pidfile a moment after it answers.
  until [ -s "$state/redis.pid" ]; do [ $SECONDS -lt $deadline ] || die "Redis wrote no pidfile"; sleep 0.1; done
}

# Starts silo $1 with the arguments in $state/silo-$1.args (one per line), logging to silo-$1.log.
launch_silo() {
  local k=$1 args
  mapfile -t args <"$state/silo-$k.args"
  [ -f "$state/silo-$k.log" ] && mv "$state/silo-$k.log" "$state/silo-$k.log.prev"
  # setsid: the silo leaves this shell's process group, so Ctrl-C here or the end of a CI step does not stop it.
  setsid dotnet "$silo_dll" "${args[@]}" >"$state/silo-$k.log" 2>&1 </dev/null &
  echo $! >"$state/silo-$k.pid"
}

# Waits until every silo in $@ has logged that it is active in the membership table.
wait_active() {
  local deadline=$((SECONDS + timeout)) k pending
  while :; do
    pending=()
    for k in "$@"; do
      grep -q "$ready_line" "$state/silo-$k.log" 2>/dev/null && continue
      if ! alive "$state/silo-$k.pid" EcoSim.Silo.dll; then
        tail -n 30 "$state/silo-$k.log" >&2 || true
        die "silo $k exited before it became active (log above: $state/silo-$k.log)"
      fi
      pending+=("$k")
    done
    [ ${#pending[@]} -eq 0 ] && return
    if [ $SECONDS -ge $deadline ]; then
      for k in "${pending[@]}"; do tail -n 10 "$state/silo-$k.log" >&2 || true; done
      die "silo(s) ${pending[*]} not active after ${timeout} s (logs in $state)"
    fi
    sleep 0.5
  done
}

undo_failed_start() {
  local status=$?
  [ "$status" -eq 0 ] && return
  note "start failed: stopping what it started"
  cmd_stop >/dev/null 2>&1 || true
  exit "$status"
}

cmd_start() {
  local silos=3 redis_port=6379 silo_port=11111 gateway_port=30000 build=1
  while [ $# -gt 0 ]; do
    case $1 in
      --silos) silos=$2; shift 2 ;;
      --redis-port) redis_port=$2; shift 2 ;;
      --silo-port) silo_port=$2; shift 2 ;;
      --gateway-port) gateway_port=$2; shift 2 ;;
      --no-build) build=0; shift ;;
      *) die "unknown option '$1' (see the top of $0)" ;;
    esac
  done
  [[ $silos =~ ^[1-9][0-9]?$ ]] || die "--silos must be between 1 and 99"

  if [ -d "$state" ]; then
    local f
    for f in $(silo_files); do alive "$f" EcoSim.Silo.dll && die "a cluster is already running ($state); run '$0 stop' first"; done
    alive "$state/redis.pid" redis-server && die "a Redis started by this script still runs ($state); run '$0 stop' first"
    rm -rf "$state"
  fi
  mkdir -p "$state"
  # Whatever fails from here on, stop what this start has started.
  trap undo_failed_start EXIT
  local began=$SECONDS
  ensure_redis_installed
  start_redis "$redis_port"

  if [ "$build" -eq 1 ]; then
    note "building the silo (dotnet build -c Release, log: $state/build.log)"
    dotnet build "$repo/silo/EcoSim.Silo/EcoSim.Silo.csproj" -c Release -nologo >"$state/build.log" 2>&1 ||
      { tail -n 30 "$state/build.log" >&2; die "the silo did not build"; }
  fi
  [ -f "$silo_dll" ] || die "$silo_dll is missing (start without --no-build)"

  local cluster_id taken=() k sp gp endpoints=()
  cluster_id="ecosim-$(date -u +%Y%m%dT%H%M%S)-$$-$RANDOM"
  for k in $(seq 1 "$silos"); do
    sp=$(free_port "$silo_port" "${taken[@]}"); taken+=("$sp")
    gp=$(free_port "$gateway_port" "${taken[@]}"); taken+=("$gp")
    printf '%s\n' --EcoSim:Cluster:Clustering=redis "--EcoSim:Cluster:Redis=127.0.0.1:$redis_port" \
      "--EcoSim:Cluster:ClusterId=$cluster_id" --EcoSim:Cluster:Address=127.0.0.1 \
      "--EcoSim:Cluster:SiloPort=$sp" "--EcoSim:Cluster:GatewayPort=$gp" >"$state/silo-$k.args"
    launch_silo "$k"
    endpoints+=("silo $k: 127.0.0.1:$sp, gateway $gp, pid $(cat "$state/silo-$k.pid")")
  done
  local silo_began=$SECONDS
  wait_active $(seq 1 "$silos")

  local address="redis://127.0.0.1:$redis_port/$cluster_id"
  echo "ECOSIM_CLUSTER=$address" >"$state/cluster.env"
  cat <<EOF
EcoSim cluster '$cluster_id': $silos silos active in $((SECONDS - silo_began)) s ($((SECONDS - began)) s with Redis and the build), membership in Redis on 127.0.0.1:$redis_port
$(printf '  %s\n' "${endpoints[@]}")
run a scenario on it:
  dotnet run --project client/EcoSim.Client -- run scenarios/guangdong-baseline.yaml --cluster $address
run the cluster tests against it:
  ECOSIM_CLUSTER=$address dotnet test tests/EcoSim.Cluster.Tests
stop it:
  $0 stop
EOF
}

cmd_url() {
  [ -f "$state/cluster.env" ] || die "no cluster was started from $state (run '$0 start')"
  sed -n 's/^ECOSIM_CLUSTER=//p' "$state/cluster.env"
}

cmd_status() {
  [ -f "$state/cluster.env" ] || { echo "no cluster in $state"; return 1; }
  local f ok=0
  echo "cluster: $(cmd_url)"
  for f in $(silo_files); do
    if alive "$f" EcoSim.Silo.dll; then echo "  $(basename "$f" .pid): running (pid $(cat "$f"))"
    else echo "  $(basename "$f" .pid): dead"; ok=1; fi
  done
  if [ -f "$state/redis.pid" ]; then
    if alive "$state/redis.pid" redis-server; then echo "  redis: running (pid $(cat "$state/redis.pid"))"
    else echo "  redis: dead"; ok=1; fi
  else
    echo "  redis: not started by this script"
  fi
  return $ok
}

cmd_revive() {
  [ -f "$state/cluster.env" ] || die "no cluster was started from $state (run '$0 start')"
  local f k dead=()
  for f in $(silo_files); do
    alive "$f" EcoSim.Silo.dll && continue
    k=$(basename "$f" .pid); k=${k#silo-}
    launch_silo "$k"
    dead+=("$k")
  done
  [ ${#dead[@]} -eq 0 ] && { note "every silo is running"; return; }
  wait_active "${dead[@]}"
  note "revived silo(s) ${dead[*]}"
}

cmd_stop() {
  [ -d "$state" ] || { note "nothing to stop ($state does not exist)"; return; }
  local f pids=() deadline redis=""
  for f in $(silo_files); do alive "$f" EcoSim.Silo.dll && pids+=("$(cat "$f")"); done
  if [ ${#pids[@]} -gt 0 ]; then
    kill -TERM "${pids[@]}" 2>/dev/null || true
    deadline=$((SECONDS + 20))
    for f in $(silo_files); do
      while alive "$f" EcoSim.Silo.dll && [ $SECONDS -lt $deadline ]; do sleep 0.2; done
      alive "$f" EcoSim.Silo.dll && { note "$(basename "$f" .pid) did not stop within 20 s: killing it"; kill -KILL "$(cat "$f")" 2>/dev/null || true; }
    done
  fi
  if alive "$state/redis.pid" redis-server; then
    redis=" and Redis (pid $(cat "$state/redis.pid"))"
    kill -TERM "$(cat "$state/redis.pid")"
    deadline=$((SECONDS + 10))
    while alive "$state/redis.pid" redis-server && [ $SECONDS -lt $deadline ]; do sleep 0.2; done
    if alive "$state/redis.pid" redis-server; then kill -KILL "$(cat "$state/redis.pid")" 2>/dev/null || true; fi
  fi
  rm -f "$state"/*.pid "$state/cluster.env"
  note "stopped ${#pids[@]} silo(s)$redis; logs stay in $state"
}

case ${1:-} in
  start) shift; cmd_start "$@" ;;
  stop) cmd_stop ;;
  url) cmd_url ;;
  status) cmd_status ;;
  revive) cmd_revive ;;
  *) sed -n '2,15s/^# \{0,1\}//p' "$0" >&2; exit 2 ;;
esac
