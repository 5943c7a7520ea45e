// Test data for the sync benchmarks: applications filed into a real hub through the portal API, three
// documents each (random bytes behind a PDF header, sizes uniform in [min_kb, max_kb] KB), submission dates
// spread over October so "due soonest first" has something to order. Used by bench_sync and bench_prefetch.
#pragma once

#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "hub/hub_world.h"

namespace jaanch::bench {

std::string random_bytes(std::mt19937_64& random, std::size_t size, const std::string& tag);

// Files `count` applications numbered PREFIX/0 … from three threads; appends their documents' SHA-256s to
// `shas` and returns their total size in bytes. Throws std::runtime_error when the hub refuses one.
std::uint64_t file_applications(hub::test::World& world, const std::string& prefix, int count, int min_kb,
                                int max_kb, std::vector<std::string>& shas);

}  // namespace jaanch::bench
