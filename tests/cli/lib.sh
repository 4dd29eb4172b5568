# Helpers the CLI tests source. They expect $bin (the newshound binary) and a fail() of the test's own.

# A port nobody listens on now on 127.0.0.1 (the kernel's pick).
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

# Waits up to 5 s for something to accept connections on 127.0.0.1:$1.
wait_port() {
  for _ in $(seq 1 100); do (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0; sleep 0.05; done
  return 1
}

# Starts `newshound serve ARGS…` on a port the kernel picks, its log in $1; once it listens, $server is
# its pid and $port its port.
start_serve() {
  local log=$1
  shift
  "$bin" serve "$@" --port 0 2>"$log" &
  server=$!
  port=""
  for _ in $(seq 1 100); do
    port=$(sed -n 's/.*serving .* on http:\/\/127.0.0.1:\([0-9]*\)\/.*/\1/p' "$log" | head -1)
    [ -n "$port" ] && return 0
    sleep 0.05
  done
  fail "server did not start: $(cat "$log")"
}
