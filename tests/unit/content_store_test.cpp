// The content-addressed store (cache/content_store.hpp) on its own: no
// compiler, no project, only a temporary folder.
#include "cache/content_store.hpp"

#include <chrono>
#include <fstream>
#include <thread>

#include <gtest/gtest.h>

#include "tests/support/temp_dir.hpp"

namespace sls {
namespace {

namespace fs = std::filesystem;

std::vector<fs::path> entry_files(const fs::path& root) {
  std::vector<fs::path> files;
  for (const auto& entry : fs::recursive_directory_iterator(root))
    if (entry.is_regular_file()) files.push_back(entry.path());
  return files;
}

TEST(ContentStoreTest, AStoredEntryIsReadBackAndAnAbsentOneIsAMiss) {
  // Given an entry put under one key, we should read the same bytes back under it, and nothing under another.
  testing::TempDir temp;
  ContentStore store(temp.root() / "store");
  ASSERT_TRUE(store.put("0123456789abcdef", std::string("object\0bytes", 12)));
  EXPECT_EQ(store.get("0123456789abcdef"), std::string("object\0bytes", 12));
  EXPECT_TRUE(store.contains("0123456789abcdef"));
  EXPECT_EQ(store.get("fedcba9876543210"), std::nullopt);
  EXPECT_FALSE(store.contains("fedcba9876543210"));
}

TEST(ContentStoreTest, ACorruptEntryIsDiscardedAsAMiss) {
  // Given an entry whose file was damaged on disk, we should report a miss, count it and delete the file.
  testing::TempDir temp;
  ContentStore store(temp.root() / "store");
  ASSERT_TRUE(store.put("00112233445566778899", "the real content"));
  std::vector<fs::path> files = entry_files(store.root());
  ASSERT_EQ(files.size(), 1u);
  std::ofstream(files.front(), std::ios::binary | std::ios::trunc) << "garbage, not zstd";
  EXPECT_EQ(store.get("00112233445566778899"), std::nullopt);
  EXPECT_EQ(store.corrupt_entries_discarded(), 1u);
  EXPECT_TRUE(entry_files(store.root()).empty());
}

TEST(ContentStoreTest, PruneKeepsTheMostRecentlyUsedWithinTheLimit) {
  // Given three entries of which the oldest was read last, we should keep that one and the newest when pruning to two.
  testing::TempDir temp;
  ContentStore store(temp.root() / "store");
  const std::string bytes(4096, 'x');
  for (const char* key : {"aaaaaaaaaaaa", "bbbbbbbbbbbb", "cccccccccccc"}) {
    ASSERT_TRUE(store.put(key, bytes + key));
    std::this_thread::sleep_for(std::chrono::milliseconds(20));  // distinct mtimes
  }
  ASSERT_TRUE(store.get("aaaaaaaaaaaa"));  // a read refreshes it
  StoreStats before = store.stats();
  ASSERT_EQ(before.entries, 3u);
  StoreStats kept = store.prune(before.bytes * 2 / 3 + 1);
  EXPECT_EQ(kept.entries, 2u);
  EXPECT_TRUE(store.contains("aaaaaaaaaaaa"));
  EXPECT_TRUE(store.contains("cccccccccccc"));
  EXPECT_FALSE(store.contains("bbbbbbbbbbbb"));
}

}  // namespace
}  // namespace sls
