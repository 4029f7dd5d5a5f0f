#!/usr/bin/env bash
# Assembles the root filesystem that every Tend image is built on, without a Docker engine or a
# registry: a Java runtime cut down by jlink from the JDK that runs the build, the C libraries it
# links against (taken from the build machine, which runs that same JDK), a user for the apps, and
# a health probe. Jib adds the app's own layers on top (see the parent pom).
#
# Usage: assemble-runtime.sh <jdk home> <output directory>
set -euo pipefail

jdk="$1"
root="$2"
here="$(cd "$(dirname "$0")" && pwd)"

# What Spring Boot, Netty, Kafka, R2DBC, Vaadin and PDFBox use: Java SE, plus Unsafe for Netty and
# Kafka, the extra JMX beans for metrics, locale data for people's languages, DNS, zip file systems
# and JFR for profiling in place.
modules=java.se,jdk.unsupported,jdk.crypto.ec,jdk.management,jdk.zipfs,jdk.localedata,jdk.charsets,jdk.net,jdk.naming.dns,jdk.jfr

rm -rf "$root"
mkdir -p "$root/opt" "$root/etc" "$root/tmp" "$root/opt/tend/probe"
"$jdk/bin/jlink" --add-modules "$modules" --strip-debug --no-man-pages --no-header-files --compress=zip-6 \
  --output "$root/opt/java"

# The libraries the runtime needs from the system, at the paths the dynamic loader looks in. The
# X11 and sound libraries are left out: the apps run headless and never load them.
for binary in "$root/opt/java/bin/java" "$root"/opt/java/lib/*.so "$root/opt/java/lib/server/libjvm.so"; do
  case "$(basename "$binary")" in libawt_xawt.so|libjawt.so|libjsound.so|libsplashscreen.so) continue ;; esac
  ldd "$binary"
done | awk '$2 == "=>" && $3 ~ /^\// { print $3 } $1 ~ /^\/lib/ { print $1 }' | sort -u | while read -r library; do
  case "$library" in "$root"*) continue ;; esac
  target="$root$library"
  mkdir -p "$(dirname "$target")"
  cp -L "$library" "$target"
done

# The apps' user: numeric 10001 everywhere (Kubernetes, compose), named here so tools can say who.
printf 'root:x:0:0:root:/root:/sbin/nologin\ntend:x:10001:10001:Tend:/tmp:/sbin/nologin\n' > "$root/etc/passwd"
printf 'root:x:0:\ntend:x:10001:\n' > "$root/etc/group"
chmod 1777 "$root/tmp"

# The health check compose runs (the image has no shell, curl or wget).
"$jdk/bin/javac" --release 25 -d "$root/opt/tend/probe" "$here/HealthProbe.java"
