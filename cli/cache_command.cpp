// sls cache stats|prune: the shared, content-addressed build cache.

#include <iostream>

#include "bundler/shake/budgets.hpp"
#include "cache/content_store.hpp"
#include "cli/commands.hpp"
#include "core/cache_dir.hpp"

namespace sls::cli {
namespace {

struct CachePruneOptions {
  std::string max_size;
};

int run_stats() {
  ContentStore store(user_cache_dir() / "store");
  StoreStats stats = store.stats();
  auto limit = configured_cache_limit();
  std::cout << "cache:   " << store.root().string() << "\n"
            << "entries: " << stats.entries << "\n"
            << "size:    " << human_size(stats.bytes) << " (limit "
            << (limit ? human_size(*limit) : "invalid: " + limit.error().message) << ", set with SLS_CACHE_MAX_SIZE)\n";
  return limit ? k_exit_ok : k_exit_failed;
}

int run_prune(const CachePruneOptions& options) {
  auto limit = options.max_size.empty() ? configured_cache_limit() : parse_byte_size(options.max_size);
  if (!limit) {
    std::cerr << "sls: " << (options.max_size.empty() ? "" : "--max-size: ") << limit.error().message
              << "\nsls: nothing was pruned\n";
    return k_exit_failed;
  }
  ContentStore store(user_cache_dir() / "store");
  StoreStats before = store.stats();
  StoreStats after = store.prune(*limit);
  std::cout << "pruned " << (before.entries - after.entries) << " of " << before.entries << " entries; "
            << human_size(after.bytes) << " kept in " << store.root().string() << "\n";
  return k_exit_ok;
}

}  // namespace

void add_cache_command(CLI::App& app) {
  CLI::App* command = app.add_subcommand("cache", "Inspect or shrink the shared build cache");
  command->require_subcommand(1);
  command->footer(
      "Examples:\n  sls cache stats\n  sls cache prune --max-size 1G\n"
      "The cache lives in $SLS_CACHE_DIR, else $XDG_CACHE_HOME/sls, else ~/.cache/sls.");
  command->add_subcommand("stats", "Show where the cache is, how many entries and how big")->callback([] {
    throw CLI::RuntimeError(run_stats());
  });
  auto options = std::make_shared<CachePruneOptions>();
  CLI::App* prune = command->add_subcommand("prune", "Delete least recently used entries down to the size limit");
  prune->add_option("--max-size", options->max_size,
                    "Size to keep, e.g. 500M or 2G (default: SLS_CACHE_MAX_SIZE or 5G)");
  prune->callback([options] { throw CLI::RuntimeError(run_prune(*options)); });
}

}  // namespace sls::cli
