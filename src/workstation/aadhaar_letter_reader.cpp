#include "workstation/aadhaar_letter_reader.h"

#include <optional>
#include <utility>

namespace jaanch::workstation {

QrReader::QrReader(Handler on_findings) : on_findings_(std::move(on_findings)) {}

QrReader::~QrReader() {
    worker_.cancel_pending();
    replace_waiting();
}

std::uint64_t QrReader::replace_waiting() {
    std::uint64_t generation = 0;
    {
        std::lock_guard lock(mutex_);
        generation = generation_.advance();
    }
    wake_.notify_all();
    return generation;
}

void QrReader::request(LetterSources sources, std::chrono::milliseconds delay) {
    worker_.cancel_pending();
    const std::uint64_t generation = replace_waiting();
    worker_.post(
        [this, generation, delay, sources = std::move(sources)]() -> std::optional<QrFindings> {
            if (!wait_out(generation, delay))
                return std::nullopt;
            return read_letters(sources);
        },
        [this](std::optional<QrFindings> findings) {
            if (findings)
                on_findings_(std::move(*findings));
        });
}

bool QrReader::wait_out(std::uint64_t generation, std::chrono::milliseconds delay) {
    std::unique_lock lock(mutex_);
    const auto replaced = [&] { return worker_.stopping() || !generation_.is_current(generation); };
    wake_.wait_until(lock, std::chrono::steady_clock::now() + delay, replaced);
    return !replaced();
}

}  // namespace jaanch::workstation
