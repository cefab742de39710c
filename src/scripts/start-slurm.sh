#!/usr/bin/env bash
# A real single-node Slurm cluster on this machine, without systemd (CI, a workstation, a container as root):
# installs Debian's slurm-wlm and munge if missing, starts munged, slurmctld and slurmd with every file in one
# scratch folder, and waits until the node takes jobs. The recipe is the one verified in stack-notes.md.
#
#   eval "$(src/scripts/start-slurm.sh)"        # start (or find running) and export SLURM_CONF
#   src/scripts/start-slurm.sh stop              # scontrol shutdown + stop munged
#
# Only 'export SLURM_CONF=...' goes to stdout; progress goes to stderr. SLURM_LOCAL_DIR (default
# /tmp/supertickets-slurm) holds the config, the munge key and socket, state, spool and logs.
set -euo pipefail

dir="${SLURM_LOCAL_DIR:-/tmp/supertickets-slurm}"
conf="$dir/slurm.conf"
munge_dir="$dir/munge"
action="${1:-start}"

say() { echo "start-slurm: $*" >&2; }

node_is_up() {
  SLURM_CONF="$conf" scontrol ping >/dev/null 2>&1 \
    && SLURM_CONF="$conf" sinfo -h -N -o '%T' 2>/dev/null | grep -Eq '^(idle|mixed|allocated)'
}

if [ "$action" = stop ]; then
  [ -f "$conf" ] && SLURM_CONF="$conf" scontrol shutdown >/dev/null 2>&1 || true
  [ -f "$munge_dir/munged.pid" ] && kill "$(cat "$munge_dir/munged.pid")" 2>/dev/null || true
  say "stopped"
  exit 0
fi
if [ "$action" != start ]; then
  say "unknown action '$action' (start or stop)"
  exit 2
fi

if [ -f "$conf" ] && node_is_up; then
  say "already running ($conf)"
  echo "export SLURM_CONF=$conf"
  exit 0
fi

if ! command -v slurmctld >/dev/null 2>&1 || ! command -v munged >/dev/null 2>&1; then
  say "installing slurm-wlm and munge"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq --no-install-recommends slurm-wlm munge >&2
fi

host="$(hostname -s)"
mkdir -p "$dir"/{state,spool,log}
# munged refuses a folder that others may write, and fails on 700: its own folder, mode 755.
mkdir -p "$munge_dir"
chown munge:munge "$munge_dir"
chmod 755 "$munge_dir"
if [ ! -f "$munge_dir/munge.key" ]; then
  mungekey -c -k "$munge_dir/munge.key" >&2
  chown munge:munge "$munge_dir/munge.key"
  chmod 600 "$munge_dir/munge.key"
fi
if ! { [ -f "$munge_dir/munged.pid" ] && kill -0 "$(cat "$munge_dir/munged.pid")" 2>/dev/null; }; then
  runuser -u munge -- munged --socket="$munge_dir/munge.socket.2" --key-file="$munge_dir/munge.key" \
    --pid-file="$munge_dir/munged.pid" --log-file="$munge_dir/munged.log" --seed-file="$munge_dir/munged.seed"
fi

free_mb="$(free -m | awk '/^Mem:/ {print $4}')"
cat >"$conf" <<EOF
# Written by src/scripts/start-slurm.sh: one node, no cgroups, no accounting, everything under $dir.
ClusterName=supertickets-local
SlurmctldHost=$host(127.0.0.1)
SlurmUser=root
AuthType=auth/munge
AuthInfo=socket=$munge_dir/munge.socket.2
CryptoType=crypto/munge
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
ReturnToService=2
MpiDefault=none
StateSaveLocation=$dir/state
SlurmdSpoolDir=$dir/spool
SlurmctldPidFile=$dir/slurmctld.pid
SlurmdPidFile=$dir/slurmd.pid
SlurmctldLogFile=$dir/log/slurmctld.log
SlurmdLogFile=$dir/log/slurmd.log
NodeName=$host NodeAddr=127.0.0.1 CPUs=$(nproc) RealMemory=$((free_mb * 9 / 10)) State=UNKNOWN
PartitionName=debug Nodes=$host Default=YES MaxTime=INFINITE State=UP
EOF

export SLURM_CONF="$conf"
slurmctld -c
slurmd
for _ in $(seq 1 60); do
  if node_is_up; then
    say "up: $(sinfo -h -o '%P %D node(s) %c CPUs %T')"
    echo "export SLURM_CONF=$conf"
    exit 0
  fi
  sleep 0.5
done
say "Slurm did not come up within 30 s; see $dir/log/slurmctld.log and $dir/log/slurmd.log"
exit 1
