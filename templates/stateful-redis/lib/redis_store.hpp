// A versioned value in Redis, safe to change from many instances at once.
//
// The value and its version live in one hash. Anyone may read them. A writer must name the version
// it read (HTTP: If-Match with the ETag); the write then runs under a short distributed lock
// (SET lock token NX PX ms) and, inside it, as a WATCH/MULTI/EXEC compare-and-set on the version,
// so even a writer whose lock expired while its instance was frozen cannot overwrite a newer
// version. The lock is released only by its owner (a Lua compare-and-delete).
#pragma once

#include <hiredis/hiredis.h>

#include <cstdint>
#include <optional>
#include <string>

namespace store {

struct Versioned {
  std::uint64_t version = 0;  // 0: never written
  std::string value;
};

enum class WriteStatus { Written, Stale, Busy, Unavailable };

struct WriteResult {
  WriteStatus status = WriteStatus::Unavailable;
  Versioned current;  // after the write, or what made it stale
};

// A connection checked for this invocation: reused when PING answers, made again when it does not
// (idle connections are cut while an instance is frozen). nullptr when Redis cannot be reached.
redisContext* validated_connection();

std::optional<Versioned> read(redisContext* redis, const std::string& key);

// Writes `value` as version expected + 1 if the stored version is still `expected`.
WriteResult write_if_version(redisContext* redis, const std::string& key, std::uint64_t expected,
                             const std::string& value);

}  // namespace store
