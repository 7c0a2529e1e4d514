#!/usr/bin/env bash
# A real EcoSim cluster on this machine: Redis as the membership store and N standalone silo
# processes, with credentials: Redis asks for a password and silos talk mutual TLS.
#
#   scripts/cluster.sh start [--silos N] [--addresses A,B,..] [--redis-port P] [--silo-port P] [--gateway-port P]
#                            [--no-tls] [--insecure-non-loopback] [--no-build]
#   scripts/cluster.sh url          print the --cluster address of the running cluster (for ECOSIM_CLUSTER)
#   scripts/cluster.sh credentials  print its credentials folder (for --cluster-credentials or ECOSIM_CLUSTER_CREDENTIALS)
#   scripts/cluster.sh status       show what runs and whether the membership table in Redis lists it (exit 1 if not all is well)
#   scripts/cluster.sh revive       start again the silos whose process died, on their old ports
#   scripts/cluster.sh stop         stop the silos and Redis, and delete the credentials
#
# Silo k binds the k-th of --addresses (default 127.0.0.1; e.g. 127.0.0.2,127.0.0.3,127.0.0.4 to play
# separate hosts), Redis 127.0.0.1. Each start makes new credentials in $ECOSIM_CLUSTER_DIR/credentials
# (mode 700, files 600): a random Redis password (ACL user 'ecosim', Redis' default user off) and,
# unless --no-tls, a cluster authority and certificate. The password is never printed nor put on a
# command line. A silo refuses an address that is not loopback without both, unless --insecure-non-loopback.
# State (PIDs, logs, the cluster address) lives in $ECOSIM_CLUSTER_DIR (default /tmp/ecosim-cluster).
# Each start uses a new cluster id, so rows that an earlier cluster left in Redis never matter.
# Waits are bounded by $ECOSIM_CLUSTER_TIMEOUT seconds (default 120).
# $ECOSIM_ORPHAN_TIMEOUT at start (whole seconds, 1 to 86400; default the silos' 10 minutes) is how long the silos keep
# a detached run (run --detach) that has ended and that nobody observes; it is kept in the state folder, so revive uses it too.
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
state=${ECOSIM_CLUSTER_DIR:-/tmp/ecosim-cluster}
timeout=${ECOSIM_CLUSTER_TIMEOUT:-120}
silo_dll="$repo/silo/EcoSim.Silo/bin/Release/net10.0/EcoSim.Silo.dll"
ready_line="EcoSim silo active"
# How hard each silo's collector works to keep its heap small (DOTNET_GCConserveMemory, 0-9; 0 is .NET's default).
silo_gc_conserve=9

die() { echo "cluster.sh: error: $*" >&2; exit 1; }
note() { echo "cluster.sh: $*" >&2; }

# A process we started and that is still alive: the PID in file $1 runs a command line containing $2.
alive() {
  local pid
  [ -f "$1" ] && pid=$(cat "$1") && [ -n "$pid" ] && [ -r "/proc/$pid/cmdline" ] &&
    tr '\0' ' ' <"/proc/$pid/cmdline" | grep -q -- "$2"
}

# Whether something listens on port $1 of address $2 (default 127.0.0.1).
listening() { (exec 3<>"/dev/tcp/${2:-127.0.0.1}/$1") 2>/dev/null; }

# The first port from $2 up that nothing listens on at address $1 and that is not in the taken list ($3...).
free_port() {
  local host=$1 port=$2; shift 2
  while listening "$port" "$host" || [[ " $* " == *" $port "* ]]; do
    port=$((port + 1))
    [ "$port" -le 65535 ] || die "no free port on $host above $2"
  done
  echo "$port"
}

credentials="$state/credentials"

# Sends Redis on port $1 the commands on standard input, logged in with the cluster's password: the
# password goes through a pipe, never through a command line or the environment.
redis_as_cluster() {
  local port=$1
  { printf 'AUTH %s %s\n' ecosim "$(cat "$credentials/secret")"; cat; } | redis-cli -h 127.0.0.1 -p "$port" 2>/dev/null
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

# Starts a Redis of our own on port $1, whose only user is 'ecosim' with the cluster's password. Its
# configuration (with the password) is a mode-600 file, so neither 'ps' nor another user sees it.
start_redis() {
  local port=$1
  (
    umask 077
    cat >"$state/redis.conf" <<CONF
port $port
bind 127.0.0.1
save ""
appendonly no
daemonize yes
pidfile "$state/redis.pid"
logfile "$state/redis.log"
user default off
CONF
    printf 'user ecosim on >%s ~* &* +@all\n' "$(cat "$credentials/secret")" >>"$state/redis.conf"
  )
  redis-server "$state/redis.conf" >/dev/null
  local deadline=$((SECONDS + 15))
  until [ "$(echo PING | redis_as_cluster "$port" | tail -n 1)" = "PONG" ]; do
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
  # The orphan timeout this cluster was started with, not whatever this shell has: a revived silo keeps runs as the others do.
  local orphan=""
  [ -f "$state/orphan-timeout" ] && orphan=$(cat "$state/orphan-timeout")
  # Workstation GC, not concurrent, told to conserve memory: a silo of a 10-million-firm run holds hundreds of MiB of firm
  # state for the whole run, and the default background collector let the heap grow well past it (docs/PERFORMANCE.md,
  # section 24: 1,915 MiB against 1,574 at 40 quarters). The caller's DOTNET_GCConserveMemory, DOTNET_gcConcurrent or
  # DOTNET_gcServer wins, to measure other settings.
  setsid env -u ECOSIM_ORPHAN_TIMEOUT ${orphan:+ECOSIM_ORPHAN_TIMEOUT=$orphan} \
    DOTNET_GCConserveMemory="${DOTNET_GCConserveMemory:-$silo_gc_conserve}" DOTNET_gcServer="${DOTNET_gcServer:-0}" DOTNET_gcConcurrent="${DOTNET_gcConcurrent:-0}" \
    dotnet "$silo_dll" "${args[@]}" >"$state/silo-$k.log" 2>&1 </dev/null &
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
  local silos=3 redis_port=6379 silo_port=11111 gateway_port=30000 build=1 tls=1 insecure=0 addresses=127.0.0.1
  while [ $# -gt 0 ]; do
    case $1 in
      --silos) silos=$2; shift 2 ;;
      --addresses) addresses=$2; shift 2 ;;
      --no-tls) tls=0; shift ;;
      --insecure-non-loopback) insecure=1; shift ;;
      --redis-port) redis_port=$2; shift 2 ;;
      --silo-port) silo_port=$2; shift 2 ;;
      --gateway-port) gateway_port=$2; shift 2 ;;
      --no-build) build=0; shift ;;
      *) die "unknown option '$1' (see the top of $0)" ;;
    esac
  done
  [[ $silos =~ ^[1-9][0-9]?$ ]] || die "--silos must be between 1 and 99"
  local hosts=()
  IFS=, read -r -a hosts <<<"$addresses"
  [ ${#hosts[@]} -gt 0 ] || die "--addresses names no address"
  local orphan=${ECOSIM_ORPHAN_TIMEOUT:-}
  if [ -n "$orphan" ]; then
    [[ $orphan =~ ^[1-9][0-9]{0,4}$ ]] && [ "$orphan" -le 86400 ] || die "ECOSIM_ORPHAN_TIMEOUT is '$orphan': expected whole seconds from 1 to 86400"
  fi

  if [ -d "$state" ]; then
    local f
    for f in $(silo_files); do alive "$f" EcoSim.Silo.dll && die "a cluster is already running ($state); run '$0 stop' first"; done
    alive "$state/redis.pid" redis-server && die "a Redis started by this script still runs ($state); run '$0 stop' first"
    rm -rf "$state"
  fi
  mkdir -p "$state"
  [ -z "$orphan" ] || echo "$orphan" >"$state/orphan-timeout"
  # Whatever fails from here on, stop what this start has started.
  trap undo_failed_start EXIT
  local began=$SECONDS
  ensure_redis_installed

  if [ "$build" -eq 1 ]; then
    note "building the silo (dotnet build -c Release, log: $state/build.log)"
    dotnet build "$repo/silo/EcoSim.Silo/EcoSim.Silo.csproj" -c Release -nologo >"$state/build.log" 2>&1 ||
      { tail -n 30 "$state/build.log" >&2; die "the silo did not build"; }
  fi
  [ -f "$silo_dll" ] || die "$silo_dll is missing (start without --no-build)"

  local cluster_id taken=() k sp gp host endpoints=() security
  cluster_id="ecosim-$(date -u +%Y%m%dT%H%M%S)-$$-$RANDOM"
  local make=(new-credentials "$credentials" "$cluster_id")
  [ "$tls" -eq 1 ] || make+=(--no-tls)
  dotnet "$silo_dll" "${make[@]}" || die "could not make the cluster's credentials in $credentials"
  security="Redis password"; [ "$tls" -eq 1 ] && security="mutual TLS and a Redis password"
  # Our own Redis, on the first free port from --redis-port up (one that is not ours would not know the password).
  redis_port=$(free_port 127.0.0.1 "$redis_port")
  start_redis "$redis_port"

  for k in $(seq 1 "$silos"); do
    host=${hosts[$(( (k - 1) % ${#hosts[@]} ))]}
    sp=$(free_port "$host" "$silo_port" "${taken[@]}"); taken+=("$sp")
    gp=$(free_port "$host" "$gateway_port" "${taken[@]}"); taken+=("$gp")
    printf '%s\n' --EcoSim:Cluster:Clustering=redis "--EcoSim:Cluster:Redis=127.0.0.1:$redis_port" \
      "--EcoSim:Cluster:ClusterId=$cluster_id" "--EcoSim:Cluster:Address=$host" \
      "--EcoSim:Cluster:SiloPort=$sp" "--EcoSim:Cluster:GatewayPort=$gp" "--EcoSim:Cluster:Credentials=$credentials" >"$state/silo-$k.args"
    [ "$insecure" -eq 1 ] && echo --EcoSim:Cluster:InsecureNonLoopback=true >>"$state/silo-$k.args"
    launch_silo "$k"
    endpoints+=("silo $k: $host:$sp, gateway $gp, pid $(cat "$state/silo-$k.pid")")
  done
  local silo_began=$SECONDS
  wait_active $(seq 1 "$silos")

  local address="redis://127.0.0.1:$redis_port/$cluster_id"
  echo "ECOSIM_CLUSTER=$address" >"$state/cluster.env"
  cat <<EOF
EcoSim cluster '$cluster_id': $silos silos active in $((SECONDS - silo_began)) s ($((SECONDS - began)) s with Redis and the build), membership in Redis on 127.0.0.1:$redis_port
$(printf '  %s\n' "${endpoints[@]}")
  $security; credentials (keep them private) in $credentials
run a scenario on it:
  dotnet run -c Release --project client/EcoSim.Client -- run scenarios/guangdong-baseline.yaml --cluster $address --cluster-credentials $credentials
run the cluster tests against it (they expect the cluster of .ci/run: --silos 3 --addresses 127.0.0.2,127.0.0.3,127.0.0.4, with TLS):
  ECOSIM_CLUSTER=$address ECOSIM_CLUSTER_CREDENTIALS=$credentials dotnet test tests/EcoSim.Cluster.Tests
stop it:
  $0 stop
EOF
}

cmd_url() {
  [ -f "$state/cluster.env" ] || die "no cluster was started from $state (run '$0 start')"
  sed -n 's/^ECOSIM_CLUSTER=//p' "$state/cluster.env"
}

cmd_credentials() {
  [ -f "$state/cluster.env" ] && [ -d "$credentials" ] || die "no cluster was started from $state (run '$0 start')"
  echo "$credentials"
}

# The membership table in Redis as the silos see it, one silo a line: ADDRESS:PORT STATUS SECONDS-SINCE-ALIVE.
# Read by the silo's own code (EcoSim.Silo membership), with silo 1's settings, which every silo shares.
membership_table() {
  local args=()
  mapfile -t args <"$state/silo-1.args"
  dotnet "$silo_dll" membership "${args[@]}" 2>&1
}

# The address:port silo $1 was started on.
silo_endpoint() {
  local host port
  host=$(sed -n 's/^--EcoSim:Cluster:Address=//p' "$state/silo-$1.args")
  port=$(sed -n 's/^--EcoSim:Cluster:SiloPort=//p' "$state/silo-$1.args")
  echo "$host:$port"
}

# Tells the truth: each silo's process and its row in the membership table (a silo that runs but is not in the
# table takes no calls and no client finds it), and Redis. Exit 0 only when every silo runs and is active there.
cmd_status() {
  [ -f "$state/cluster.env" ] || { echo "no cluster in $state"; return 1; }
  local f k ok=0 table="" table_ok=1 endpoint row
  echo "cluster: $(cmd_url)"
  if [ -f "$state/silo-1.args" ] && [ -f "$silo_dll" ]; then
    if table=$(membership_table); then table_ok=0; fi
  fi
  for f in $(silo_files); do
    k=$(basename "$f" .pid); k=${k#silo-}
    endpoint=$(silo_endpoint "$k")
    row=$(grep -F "$endpoint " <<<"$table" | grep -E " (Active|Joining) " | head -n 1 || true)
    if alive "$f" EcoSim.Silo.dll; then
      if [ "$table_ok" -ne 0 ]; then echo "  silo-$k: running (pid $(cat "$f")), $endpoint; membership table unreadable"; ok=1
      elif [[ $row == *" Active "* ]]; then echo "  silo-$k: running (pid $(cat "$f")), $endpoint, active in the membership table"
      elif [ -n "$row" ]; then echo "  silo-$k: running (pid $(cat "$f")), $endpoint, joining the membership table"; ok=1
      else echo "  silo-$k: running (pid $(cat "$f")), $endpoint, but NOT in the membership table: no client can reach it (Redis restarted empty? the silo joins again within seconds; see $state/silo-$k.log)"; ok=1; fi
    else
      if [ -n "$row" ]; then echo "  silo-$k: dead, $endpoint, though the membership table still lists it (the cluster has not declared it dead yet)"
      else echo "  silo-$k: dead, $endpoint"; fi
      ok=1
    fi
  done
  if [ -f "$state/redis.pid" ]; then
    if ! alive "$state/redis.pid" redis-server; then echo "  redis: dead"; ok=1
    elif [ "$table_ok" -ne 0 ]; then echo "  redis: running (pid $(cat "$state/redis.pid")) but the membership table cannot be read: $(tail -n 1 <<<"$table")"; ok=1
    else echo "  redis: running (pid $(cat "$state/redis.pid")), $(grep -c . <<<"$table" || true) row(s) in the membership table"; fi
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
  # The password and the certificate die with the cluster.
  rm -f "$state"/*.pid "$state/cluster.env" "$state/redis.conf"
  rm -rf "$credentials"
  note "stopped ${#pids[@]} silo(s)$redis and deleted the credentials; logs stay in $state"
}

case ${1:-} in
  start) shift; cmd_start "$@" ;;
  stop) cmd_stop ;;
  url) cmd_url ;;
  credentials) cmd_credentials ;;
  status) cmd_status ;;
  revive) cmd_revive ;;
  *) sed -n '2,22s/^# \{0,1\}//p' "$0" >&2; exit 2 ;;
esac
