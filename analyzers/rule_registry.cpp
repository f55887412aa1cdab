#include "analyzers/rule_registry.hpp"

#include <algorithm>
#include <array>

namespace sls::analyzers {
namespace {

using enum Severity;

// Keep in the order of docs/design.md §7; docs/rules/<id>.md must exist for each id.
constexpr std::array k_rules = {
    RuleInfo{"sls-global-mutable-state", Warning, Warning, Error,
             "non-const globals and statics: a warning when handler code changes them, a note when only init does",
             "objects outside the handler stay initialised between invocations on the same instance, "
             "and every instance has its own copy: the value persists and diverges between instances"},
    RuleInfo{"sls-request-state-in-global", Error, Error, Error, "request data stored into a global",
             "state outside the handler survives the invocation: the next request on this instance "
             "sees the previous request's data"},
    RuleInfo{"sls-unbounded-global-growth", Warning, Warning, Warning,
             "globals appended to in handler context with no bound",
             "a warm instance keeps its memory between invocations: a global that only grows ends in an "
             "out-of-memory kill of a later invocation"},
    RuleInfo{"sls-posix-timer", Error, Error, Error,
             "alarm, setitimer, timer_create, timerfd timers and SIGALRM handlers left armed",
             "the instance is frozen after the response: a timer still armed fires after the thaw, "
             "inside another invocation"},
    RuleInfo{"sls-periodic-thread", Warning, Warning, Warning, "threads that loop with sleeps (heartbeats, flushers)",
             "between invocations the instance is frozen: a periodic thread does not run, then runs "
             "late and all at once inside a later invocation"},
    RuleInfo{"sls-detached-thread", Error, Error, Error, "detached threads and threads stored in globals",
             "a thread that outlives the invocation is frozen with the instance and resumes inside "
             "another invocation, or never finishes"},
    RuleInfo{"sls-background-process", Error, Error, Error, "child processes started without waiting for them",
             "background processes that did not finish are frozen with the instance and resume when "
             "it is reused"},
    RuleInfo{"sls-connection-lifecycle", Warning, Warning, Warning,
             "connections created once and used without a liveness check",
             "idle connections are dropped while the instance is frozen: reuse must validate the "
             "connection and reconnect"},
    RuleInfo{"sls-write-outside-tmp", Error, Error, Error, "writes to literal paths outside /tmp",
             "the deployment is read-only: only /tmp is writable"},
    RuleInfo{"sls-tmp-lifecycle", Warning, Warning, Warning,
             "fixed /tmp names written per request, /tmp reads with no existence check",
             "/tmp persists across warm invocations, is empty on a new instance and is shared by "
             "everything running in the instance"},
    RuleInfo{"sls-init-unique-value", Warning, Error, Warning,
             "random seeds, UUIDs and entropy made during initialisation",
             "a snapshot restore copies everything produced during initialisation into every "
             "restored instance: the 'unique' value is the same in all of them"},
    RuleInfo{"sls-userspace-prng", Warning, Error, Warning, "rand()-family calls and PRNG engines in static storage",
             "the generator state is part of the instance: cloned or snapshot-restored instances "
             "produce identical random streams"},
    RuleInfo{"sls-cached-time", Warning, Error, Warning,
             "clock readings stored in static storage during initialisation",
             "the instance is frozen and snapshots are restored later: a time read at initialisation "
             "is stale by an unknown amount"},
    RuleInfo{"sls-instance-identity", Warning, Error, Warning, "pid, hostname or boot id used as a unique id",
             "instances restored from one snapshot, and many sandboxes, share the same pid, hostname "
             "and boot id"},
    RuleInfo{"sls-ephemeral-data-at-init", Warning, Error, Warning,
             "credentials and tokens read at initialisation and never refreshed",
             "an instance lives for hours and snapshots are restored much later: a token read once "
             "at initialisation expires while the instance still uses it"},
    RuleInfo{"sls-exit-time-flush", Warning, Warning, Warning,
             "atexit handlers, static destructors doing I/O, SIGTERM handlers",
             "shutdown may be 0 ms followed by SIGKILL: exit-time code may never run, so buffered "
             "data is lost"},
    RuleInfo{"sls-dynamic-path", Note, Note, Note, "files opened through a non-literal path",
             "the file tracer ships only files it can see as literals: list this file under "
             "`include` in sls.toml or it will be missing from the bundle"},
    RuleInfo{"sls-dlopen", Warning, Warning, Warning, "dlopen of a library the tracer cannot see",
             "the library tracer follows DT_NEEDED only: a library loaded with dlopen is not shipped "
             "unless it is listed under `include`"},
    RuleInfo{k_unused_suppression_id, Warning, Warning, Warning,
             "NOLINT comments that suppress nothing (reported with --report-unused-suppressions)",
             "a stale suppression hides the next real finding on that line"},
};

constexpr std::array<std::string_view, 3> k_profiles = {"lambda-default", "snapshot", "concurrent-instance"};

}  // namespace

std::span<const RuleInfo> all_rules() { return k_rules; }

const RuleInfo* find_rule(std::string_view id) {
  auto it = std::find_if(k_rules.begin(), k_rules.end(), [&](const RuleInfo& r) { return r.id == id; });
  return it == k_rules.end() ? nullptr : &*it;
}

std::span<const std::string_view> profile_names() { return k_profiles; }

bool is_profile(std::string_view name) {
  return std::find(k_profiles.begin(), k_profiles.end(), name) != k_profiles.end();
}

Severity effective_severity(const RuleInfo& rule, const LintOptions& options) {
  Severity severity = rule.lambda_default;
  if (options.profile == "snapshot") severity = rule.snapshot;
  if (options.profile == "concurrent-instance") severity = rule.concurrent_instance;
  for (const auto& [id, override_severity] : options.severity_overrides) {
    if (id == rule.id) severity = override_severity;
  }
  return severity;
}

std::optional<Severity> parse_severity(std::string_view text) {
  if (text == "off") return Severity::Off;
  if (text == "note") return Severity::Note;
  if (text == "warning") return Severity::Warning;
  if (text == "error") return Severity::Error;
  return std::nullopt;
}

std::string help_uri(std::string_view rule_id) { return std::string(k_help_uri_base) + std::string(rule_id) + ".md"; }

const char* severity_name(Severity severity) {
  switch (severity) {
    case Severity::Off:
      return "off";
    case Severity::Note:
      return "note";
    case Severity::Warning:
      return "warning";
    case Severity::Error:
      return "error";
  }
  return "off";
}

const char* asset_kind_name(AssetKind kind) {
  switch (kind) {
    case AssetKind::SlsAsset:
      return "sls-asset";
    case AssetKind::CFile:
      return "fopen";
    case AssetKind::PosixOpen:
      return "open";
    case AssetKind::Stream:
      return "ifstream";
    case AssetKind::Filesystem:
      return "filesystem";
  }
  return "fopen";
}

}  // namespace sls::analyzers
