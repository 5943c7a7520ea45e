// A fresh folder under /tmp for one test, removed with everything in it when the test ends.
#pragma once

#include <stdlib.h>

#include <filesystem>
#include <string>

namespace jaanch::test {

struct TempDir {
    std::filesystem::path path;
    explicit TempDir(const std::string& prefix = "jaanch-test") {
        std::string pattern = "/tmp/" + prefix + "-XXXXXX";
        path = mkdtemp(pattern.data());
    }
    ~TempDir() { std::filesystem::remove_all(path); }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
};

}  // namespace jaanch::test
