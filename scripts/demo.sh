#!/usr/bin/env bash
# Demo: examples/port-filter attached with XDP to a veth between two network namespaces, with traffic sent through it.
# Needs root. Everything it creates (namespaces, veth pair, XDP attachment, listener, temp files) is removed on exit,
# also when interrupted or when a step fails.
set -euo pipefail
cd "$(dirname "$0")/.."

NS_A="tsbpf-demo-a-$$"   # sender
NS_B="tsbpf-demo-b-$$"   # receiver, where the probe is attached
VETH_A=veth-a
VETH_B=veth-b
IP_A=10.77.0.1 IP_B=10.77.0.2 IP6_A=fd77::1 IP6_B=fd77::2
BLOCKED=7777 ALLOWED=8080
OBJ=build/port-filter/probe.bpf.o
SECTION=xdp/portFilter

WORK=""
CREATED_A="" CREATED_B="" ATTACHED="" MODE="" LISTENER="" CHILD=""

cleanup() {
  local status=$?
  trap - EXIT INT TERM HUP
  set +e
  for pid in $LISTENER $CHILD; do kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null; done
  if [ -n "$ATTACHED" ]; then ip -n "$NS_B" link set dev "$VETH_B" "$ATTACHED" off 2>/dev/null; fi
  if [ -n "$CREATED_A" ]; then ip netns del "$NS_A" 2>/dev/null; fi   # deleting a namespace deletes its veth end,
  if [ -n "$CREATED_B" ]; then ip netns del "$NS_B" 2>/dev/null; fi   # and with it the pair
  if [ -n "$WORK" ]; then rm -rf "$WORK"; fi
  if [ "$status" -ne 0 ] && [ -n "$CREATED_A" ]; then echo "demo: stopped with status $status; namespaces, veth pair and XDP program removed" >&2; fi
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
trap 'exit 129' HUP

step() { printf '\n== %s\n' "$*"; }

# Runs a command and waits for it with `wait`, which a signal interrupts at once (bash defers traps while a
# foreground command runs, and ignores a SIGINT sent to it alone if the command exits normally).
run() {
  "$@" &
  CHILD=$!
  local status=0
  wait "$CHILD" || status=$?
  CHILD=""
  return "$status"
}

if [ "$(id -u)" != 0 ]; then echo "demo: run as root (it creates network namespaces and attaches XDP programs)" >&2; exit 1; fi
for cmd in ip node ping; do
  command -v "$cmd" >/dev/null || { echo "demo: $cmd is missing; run make deps" >&2; exit 1; }
done
# A run killed with SIGKILL cannot clean up: remove what demo runs whose process is gone left behind.
for ns in $(ip netns list | grep -oE '^tsbpf-demo-[ab]-[0-9]+' || true); do
  pid=${ns##*-}
  if ! kill -0 "$pid" 2>/dev/null; then
    echo "demo: removing $ns, left by an earlier run that was killed"
    ip netns pids "$ns" | xargs -r kill 2>/dev/null || true
    ip netns del "$ns"
    rm -rf /tmp/tsbpf-demo-"$pid"-*
  fi
done
WORK=$(mktemp -d "/tmp/tsbpf-demo-$$-XXXXXX")

step "Compiling examples/port-filter/probe.ts"
run node bin/tsbpf.js build examples/port-filter/probe.ts -o build/port-filter

step "Creating namespaces $NS_A ($IP_A, $IP6_A) and $NS_B ($IP_B, $IP6_B), joined by a veth pair"
ip netns add "$NS_A" && CREATED_A=1
ip netns add "$NS_B" && CREATED_B=1
ip -n "$NS_A" link add "$VETH_A" type veth peer name "$VETH_B" netns "$NS_B"
ip -n "$NS_A" addr add "$IP_A/24" dev "$VETH_A"
ip -n "$NS_B" addr add "$IP_B/24" dev "$VETH_B"
ip -n "$NS_A" addr add "$IP6_A/64" dev "$VETH_A" nodad
ip -n "$NS_B" addr add "$IP6_B/64" dev "$VETH_B" nodad
for ns in "$NS_A" "$NS_B"; do ip -n "$ns" link set lo up; done
ip -n "$NS_A" link set "$VETH_A" up
ip -n "$NS_B" link set "$VETH_B" up

CASES=()
for port in "$BLOCKED" "$ALLOWED"; do
  for family in ipv4 ipv6; do CASES+=("tcp/$family/$port" "udp/$family/$port"); done
done
CASES+=("ping/ipv4" "ping/ipv6")
declare -A RESULT

# Sends one TCP connection and one UDP datagram per family and port from A to B, and two pings; records what arrived.
run_traffic() {
  local column=$1 received="$WORK/$1.received"
  ip netns exec "$NS_B" node scripts/demo-traffic.mjs listen "$BLOCKED" "$ALLOWED" >"$received" &
  LISTENER=$!
  for _ in $(seq 50); do grep -qx listening "$received" && break; sleep 0.1; done
  grep -qx listening "$received" || { echo "demo: the listener in $NS_B did not start" >&2; return 1; }
  run ip netns exec "$NS_A" node scripts/demo-traffic.mjs send "$IP_B" "$IP6_B" "$BLOCKED" "$ALLOWED"
  sleep 0.3
  kill "$LISTENER"; wait "$LISTENER" || true; LISTENER=""
  local c
  for c in "${CASES[@]}"; do
    case $c in
      ping/ipv4) run ip netns exec "$NS_A" ping -c 1 -W 1 "$IP_B" >/dev/null 2>&1 && RESULT[$column,$c]=arrived || RESULT[$column,$c]=dropped ;;
      ping/ipv6) run ip netns exec "$NS_A" ping -6 -c 1 -W 1 "$IP6_B" >/dev/null 2>&1 && RESULT[$column,$c]=arrived || RESULT[$column,$c]=dropped ;;
      *) grep -qx "$c" "$received" && RESULT[$column,$c]=arrived || RESULT[$column,$c]=dropped ;;
    esac
  done
}

step "Sending traffic without the probe"
run_traffic before

step "Attaching $SECTION from $OBJ to $VETH_B in $NS_B"
if ip -n "$NS_B" link set dev "$VETH_B" xdpdrv obj "$OBJ" sec "$SECTION" 2>"$WORK/attach.err"; then
  ATTACHED=xdpdrv MODE=native
else
  echo "native XDP failed ($(tail -n 1 "$WORK/attach.err")); using generic (skb) mode instead"
  ip -n "$NS_B" link set dev "$VETH_B" xdpgeneric obj "$OBJ" sec "$SECTION"
  ATTACHED=xdpgeneric MODE="generic (skb)"
fi
echo "attached in $MODE mode: $(ip -n "$NS_B" link show dev "$VETH_B" | grep -o 'prog/xdp id [0-9]*')"

step "Sending the same traffic with the probe"
run_traffic after

ip -n "$NS_B" link set dev "$VETH_B" "$ATTACHED" off
ATTACHED=""

describe_case() {
  local proto family port
  IFS=/ read -r proto family port <<<"$1"
  local dst=$IP_B
  [ "$family" = ipv6 ] && dst=$IP6_B
  case $proto in
    ping) printf 'ping  %-5s %s' "$family" "$dst" ;;
    *) printf '%-5s %-5s %s port %s' "${proto^^}" "$family" "$dst" "$port" ;;
  esac
}

step "Results ($NS_A -> $NS_B; probe attached to $VETH_B in $MODE mode)"
printf '%-32s %-15s %-18s %s\n' "traffic" "without probe" "with portFilter" "expected with probe"
mismatches=0
for c in "${CASES[@]}"; do
  expected=arrived
  [[ $c == */$BLOCKED ]] && expected=dropped
  mark=ok
  if [ "${RESULT[after,$c]}" != "$expected" ] || [ "${RESULT[before,$c]}" != arrived ]; then mark="UNEXPECTED"; mismatches=$((mismatches + 1)); fi
  printf '%-32s %-15s %-18s %-8s %s\n' "$(describe_case "$c")" "${RESULT[before,$c]}" "${RESULT[after,$c]}" "$expected" "$mark"
done

if [ "$mismatches" -ne 0 ]; then
  echo "demo: $mismatches result(s) differ from what port-filter promises" >&2
  exit 1
fi
echo
echo "Port $BLOCKED is dropped by the probe over TCP and UDP, IPv4 and IPv6; port $ALLOWED and ping pass."
