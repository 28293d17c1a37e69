#!/usr/bin/env bash
# Runs LeadPlan's quick start on another Debian release, in a throwaway root filesystem built
# from Debian's own archive, as a new user would: `git clone`, then `./leadplan ...`.
#
# usage: scripts/on-debian.sh RELEASE test             ./leadplan test as root, then as a normal
#                                                      user with passwordless sudo (each in its
#                                                      own fresh root)
#        scripts/on-debian.sh RELEASE demo             ./leadplan demo, the same two ways
#        scripts/on-debian.sh RELEASE e2e-oxt FILE     ./leadplan e2e-oxt FILE as root: the
#                                                      end-to-end suites against a prebuilt .oxt
#        scripts/on-debian.sh RELEASE shell            an interactive shell in a fresh root
#                                                      (the clone is in /root/leadplan)
#   RELEASE is a Debian suite name (trixie, bookworm, ...).
#
# What is tested is the committed HEAD of the checkout this script belongs to (a git bundle
# of it is cloned inside the root); uncommitted changes are not.
#
# Every run unpacks a fresh copy of a pristine root, so a missing install step shows. The
# pristine root (debootstrap --variant=minbase plus ca-certificates, git, sudo, python3) is
# cached as a tarball in $LEADPLAN_DEBIAN_CACHE (default /var/cache/leadplan) and rebuilt
# when missing. Downloaded .debs are kept there too (apt-<release>/, hard-linked into each
# copy before and back after its run, so runs never share apt's lock), and the second run
# does not download again; a download cache only, every package is still installed by
# ./leadplan itself.
#
# proc, sys and dev are mounted in a private mount namespace (unshare -m), so they vanish
# with it and never show on the host; they are also unmounted explicitly. Every process whose
# root is the copy is ended before the copy is removed, also on failure or Ctrl+C.
#
# Environment: LEADPLAN_DEBIAN_MIRROR  archive URI (default: the host's Debian entry in
#                                      /etc/apt/sources.list[.d])
#              LEADPLAN_DEBIAN_CACHE   where the pristine tarball and .debs live
#              LEADPLAN_DEBIAN_WORK    where the copies are unpacked (default /var/tmp)
# Needs root (re-runs itself with sudo), unshare (util-linux) and debootstrap (installed with
# apt-get when missing).
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
self=$top/scripts/on-debian.sh
cache=${LEADPLAN_DEBIAN_CACHE:-/var/cache/leadplan}
workbase=${LEADPLAN_DEBIAN_WORK:-/var/tmp}
includes=ca-certificates,git,sudo,python3
user=planner   # the normal user created inside the root (Debian's base system has an 'lp')

usage() { sed -n '2,/^set -euo/p' "$self" | sed '$d' | sed 's/^# \{0,1\}//' >&2; exit 2; }
log() { echo "== on-debian: $*"; }

# ---- inside the private mount namespace ---------------------------------------------------
# __inner ROOT CMD ARGS: mount, run one job in the root, end its processes, unmount.
if [ "${1:-}" = __inner ]; then
  root=$2 release=$3
  shift 3
  ends() {  # end every process whose root is the copy; then unmount in reverse order
    "$self" __reap "$root"
    for m in dev/shm dev sys proc; do
      mountpoint -q "$root/$m" && umount -R "$root/$m"
    done
    return 0
  }
  trap ends EXIT
  mount -t proc proc "$root/proc"
  mount --rbind /sys "$root/sys"
  mount --rbind /dev "$root/dev"          # with /dev/pts
  mount -t tmpfs -o mode=1777 shm "$root/dev/shm"   # the root's own shared memory
  in_root() { chroot "$root" /usr/bin/env -i PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
                LANG=C.UTF-8 TERM="${TERM:-dumb}" "$@"; }
  as_user() { in_root runuser -u "$user" -- /usr/bin/env HOME=/home/$user USER=$user LOGNAME=$user "$@"; }
  clone='git -c advice.detachedHead=false -c init.defaultBranch=main clone -q /var/tmp/leadplan.bundle leadplan && cd leadplan && git log --oneline -1'
  job=$1
  shift
  case "$job" in
    root) in_root bash -ec "cd /root && $clone && ./leadplan $*" ;;
    user) as_user bash -ec "cd ~ && $clone && ./leadplan $*" ;;
    shell) in_root bash -c "cd /root && $clone"; in_root bash -c 'cd /root/leadplan && exec bash -i' ;;
  esac
  exit
fi

# __reap ROOT: end every process whose root directory is ROOT (or below): TERM, then KILL.
if [ "${1:-}" = __reap ]; then
  root=$(readlink -f "$2")
  for round in 1 2 3 4 5 6 7 8 9 10 11 12; do
    pids=()
    for p in /proc/[0-9]*; do
      r=$(readlink "$p/root" 2>/dev/null) || continue
      case "$r" in "$root" | "$root"/*) pids+=("${p#/proc/}") ;; esac
    done
    ((${#pids[@]})) || exit 0
    sig=TERM
    ((round > 4)) && sig=KILL
    echo "== on-debian: ending ${#pids[@]} process(es) left in the root (SIG$sig): ${pids[*]}" >&2
    kill -s "$sig" "${pids[@]}" 2>/dev/null || true
    sleep 1
  done
  echo "== on-debian: processes still in $root" >&2
  exit 1
fi

# ---- on the host --------------------------------------------------------------------------
[ $# -ge 2 ] || usage
release=$1 cmd=$2
shift 2
case "$cmd" in
  test | demo | shell) [ $# = 0 ] || usage ;;
  e2e-oxt) [ $# = 1 ] || usage; oxt=$(readlink -f "$1"); [ -f "$oxt" ] || { echo "no such file: $1" >&2; exit 2; } ;;
  *) usage ;;
esac
if [ "$(id -u)" != 0 ]; then
  exec sudo -- "$self" "$release" "$cmd" "$@"
fi
if ! command -v debootstrap >/dev/null; then
  log "installing debootstrap"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends debootstrap
fi
for tool in debootstrap unshare chroot git tar flock; do
  command -v "$tool" >/dev/null || { echo "on-debian: needs $tool" >&2; exit 2; }
done

# The host's Debian archive: the first apt source whose suites include a plain release name.
mirror() {
  [ -n "${LEADPLAN_DEBIAN_MIRROR:-}" ] && { echo "$LEADPLAN_DEBIAN_MIRROR"; return; }
  local uri
  uri=$( { cat /etc/apt/sources.list.d/*.sources 2>/dev/null; echo; } | awk '
      /^URIs:/ { uri = $2 } /^Suites:/ { for (i = 2; i <= NF; i++) if ($i !~ /-/) plain = 1 }
      /^[[:space:]]*$/ { if (uri != "" && plain) { print uri; exit } uri = ""; plain = 0 }')
  [ -n "$uri" ] || uri=$(awk '$1 == "deb" && $3 !~ /-/ { for (i = 2; i <= NF; i++) if ($i ~ /:\/\//) { print $i; exit } }' \
                           /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null)
  echo "${uri:-http://deb.debian.org/debian}"
}

arch=$(dpkg --print-architecture)
uri=$(mirror)
key=$(printf '%s\n' "$release" "$arch" minbase "$includes" "$uri" | sha256sum | cut -c1-12)
tarball=$cache/debian-$release-$arch-$key.tar
mkdir -p "$cache"

# The pristine root, built once (under a lock, so two runs never build it at the same time).
pristine() {
  exec 9>"$cache/.lock"
  flock 9
  if [ -f "$tarball" ]; then
    log "pristine $release root: $tarball (cached)"
  else
    log "building the pristine $release root from $uri (debootstrap --variant=minbase)"
    local t0=$SECONDS dir
    dir=$(mktemp -d "$cache/build.XXXXXX")
    # debootstrap mounts proc and sys in the new root while it works: in a private
    # namespace those mounts can never outlive it on the host, even if it fails.
    if ! unshare --mount --propagation private -- debootstrap --variant=minbase --include="$includes" "$release" "$dir/root" "$uri" >"$dir/debootstrap.log" 2>&1; then
      tail -n 30 "$dir/debootstrap.log" >&2
      "$self" __reap "$dir/root" || true
      rm -rf --one-file-system "$dir"
      exit 1
    fi
    "$self" __reap "$dir/root"
    rm -rf "$dir/root/var/cache/apt/archives/"*.deb
    tar --numeric-owner --xattrs -C "$dir/root" -cf "$dir/root.tar" .
    mv "$dir/root.tar" "$tarball"
    rm -rf --one-file-system "$dir"
    log "pristine $release root built in $((SECONDS - t0)) s: $tarball"
  fi
  exec 9>&-
}

# The .debs a run downloaded, kept for the next run (under the cache's lock).
keep_debs() {
  (
    flock 9
    find "$1/var/cache/apt/archives" -maxdepth 1 -name '*.deb' -exec cp -aln -t "$cache/apt-$release/" {} + 2>/dev/null ||
      find "$1/var/cache/apt/archives" -maxdepth 1 -name '*.deb' -exec cp -an -t "$cache/apt-$release/" {} +
  ) 9>"$cache/.lock"
}

work="" child=""
cleanup() {
  if [ -n "$child" ]; then  # the namespace's own shell; its mounts die with it
    kill -TERM "$child" 2>/dev/null || true
  fi
  [ -n "$work" ] && { "$self" __reap "$work/root" || true; }
  if [ -n "$child" ]; then
    wait "$child" 2>/dev/null || true
    child=""
  fi
  [ -n "$work" ] || return 0
  # The mounts lived in the private namespace that has ended, so nothing of the host is
  # mounted below $work; --one-file-system guards that anyway.
  rm -rf --one-file-system "$work"
  work=""
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# run JOB ARGS: one fresh copy of the pristine root, one job in it, then the copy is gone.
# A failing job sets failed=1; a failure to prepare the copy ends the script (set -e: so
# run is never called as `run ... || ...`, which would switch set -e off inside it).
failed=0
run() {
  local job=$1 t0=$SECONDS status=0
  shift
  work=$(mktemp -d "$workbase/leadplan-$release.XXXXXX")
  local root=$work/root
  mkdir "$root"
  tar --numeric-owner --xattrs -C "$root" -xpf "$tarball"
  printf '#!/bin/sh\n# no services start inside this root\nexit 101\n' >"$root/usr/sbin/policy-rc.d"
  chmod 755 "$root/usr/sbin/policy-rc.d"
  cp -L /etc/resolv.conf "$root/etc/resolv.conf"
  echo "127.0.0.1 localhost $(cat "$root/etc/hostname" 2>/dev/null || hostname)" >"$root/etc/hosts"
  mkdir -p "$cache/apt-$release"
  find "$cache/apt-$release" -maxdepth 1 -name '*.deb' -exec cp -al -t "$root/var/cache/apt/archives/" {} + 2>/dev/null ||
    find "$cache/apt-$release" -maxdepth 1 -name '*.deb' -exec cp -a -t "$root/var/cache/apt/archives/" {} +
  git -C "$top" bundle create -q "$root/var/tmp/leadplan.bundle" HEAD
  chmod 644 "$root/var/tmp/leadplan.bundle"
  chroot "$root" useradd --create-home --shell /bin/bash "$user"
  echo "$user ALL=(ALL) NOPASSWD:ALL" >"$root/etc/sudoers.d/$user"
  chmod 440 "$root/etc/sudoers.d/$user"
  if [ "$job" = root ] && [ "${1:-}" = e2e-oxt ]; then
    cp "$oxt" "$root/var/tmp/leadplan.oxt"
    chmod 644 "$root/var/tmp/leadplan.oxt"
    set -- e2e-oxt /var/tmp/leadplan.oxt
  fi
  local who="as root"
  [ "$job" = user ] && who="as user $user (sudo)"
  local what="./leadplan $*"
  [ "$job" = shell ] && what="shell"
  log "$release, $who: $what   (fresh copy in $work)"
  # In the background so that a TERM or Ctrl+C reaches the trap at once, not after the job;
  # with this script's stdin (a background job's is /dev/null), for `shell`.
  unshare --mount --propagation private -- "$self" __inner "$root" "$release" "$job" "$@" <&0 &
  child=$!
  wait "$child" || status=$?
  child=""
  keep_debs "$root"
  cleanup
  log "$release, $who: $what $([ $status = 0 ] && echo passed || echo "FAILED ($status)") in $((SECONDS - t0)) s"
  [ $status = 0 ] || failed=1
}

t_all=$SECONDS
pristine
case "$cmd" in
  test | demo)
    run root "$cmd"
    run user "$cmd"
    ;;
  e2e-oxt) run root e2e-oxt ;;
  shell) run shell ;;
esac
log "$release $cmd: $([ $failed = 0 ] && echo passed || echo FAILED) in $((SECONDS - t_all)) s"
exit $failed
