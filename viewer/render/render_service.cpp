#include "viewer/render/render_service.h"

#include <malloc.h>

#include <algorithm>
#include <list>

#include "util/dispatch.h"
#include "viewer/engine/pdf_engine.h"

namespace jaanch::viewer::render {

struct RenderService::ChannelState {
    ChannelState() { generation.advance(); }  // requests start at generation 1
    async::Generation generation;
    std::atomic<bool> open{true};
    RenderChannel::Listener listener;  // main thread only
};

struct RenderService::Document {
    std::unique_ptr<DocumentEngine> prototype;  // only clone() is called on it, from workers (thread-safe)
    std::vector<SizeF> sizes;
};

// One render's engine instances, most recently used first. Used by one task at a time.
struct RenderService::EngineSet {
    std::list<std::pair<DocumentId, std::unique_ptr<DocumentEngine>>> engines;
};

struct RenderService::Job {
    TileKey key;
    Priority priority = Priority::visible;
    std::uint64_t sequence = 0;
    std::vector<Waiter> waiters;
    bool running = false;
};

bool RenderService::JobOrder::operator()(const Job* a, const Job* b) const {
    if (a->priority != b->priority)
        return a->priority < b->priority;
    return a->sequence < b->sequence;
}

bool RenderService::is_live(const Waiter& w) {
    return w.channel->open.load() && w.channel->generation.is_current(w.generation);
}

RenderService::RenderService(Options options)
    : options_(options), cache_(options.cache_bytes), worker_(start_workers(options_)) {}

async::Worker RenderService::start_workers(const Options& options) {
    // Pixel buffers are large and short-lived. glibc's dynamic mmap threshold would soon serve them from the
    // heap arenas, where freed tiles fragment and the process keeps ~50 MB more than it uses (measured while
    // scrolling 200 scanned pages: 408 MB peak against 360 MB with this). A fixed threshold hands every
    // buffer of 1 MiB or more back to the system when freed.
    mallopt(M_MMAP_THRESHOLD, 1 << 20);
    // Fail now, on the main thread, rather than in a worker: results can only travel through the hook.
    dispatch::to_main([] {});
    pdf_warm_up();
    return async::Worker("render", static_cast<unsigned>(std::max(1, options.threads)));
}

RenderService::~RenderService() {
    {
        std::lock_guard lock(jobs_mutex_);
        stopping_ = true;  // tasks already taken off the worker's queue render nothing more
    }
    worker_.cancel_pending();
}

DocumentId RenderService::add_document(std::unique_ptr<DocumentEngine> engine) {
    auto doc = std::make_shared<Document>();
    const int n = engine->page_count();
    doc->sizes.reserve(static_cast<std::size_t>(n));
    for (int i = 0; i < n; ++i)
        doc->sizes.push_back(engine->page_size(i));
    engine->become_prototype();
    doc->prototype = std::move(engine);
    std::lock_guard lock(jobs_mutex_);
    const DocumentId id = next_document_++;
    documents_[id] = std::move(doc);
    return id;
}

void RenderService::remove_document(DocumentId id) {
    {
        std::lock_guard lock(jobs_mutex_);
        documents_.erase(id);
        for (auto it = jobs_.begin(); it != jobs_.end();) {
            if (it->first.document != id || it->second->running) {
                ++it;
                continue;
            }
            queue_.erase(it->second.get());
            it = jobs_.erase(it);
        }
        std::erase_if(failures_, [id](const auto& f) { return f.first.document == id; });
    }
    cache_.erase_document(id);
}

std::shared_ptr<RenderService::Document> RenderService::find_document(DocumentId id) const {
    auto it = documents_.find(id);
    return it == documents_.end() ? nullptr : it->second;
}

std::unique_ptr<DocumentEngine> RenderService::clone_engine(DocumentId id) const {
    std::shared_ptr<Document> doc;
    {
        std::lock_guard lock(jobs_mutex_);
        doc = find_document(id);
    }
    if (!doc)
        throw DocumentError("The document is no longer open in the viewer.");
    return doc->prototype->clone();
}

int RenderService::page_count(DocumentId id) const {
    std::lock_guard lock(jobs_mutex_);
    auto doc = find_document(id);
    return doc ? static_cast<int>(doc->sizes.size()) : 0;
}

SizeF RenderService::page_size(DocumentId id, int page) const {
    std::lock_guard lock(jobs_mutex_);
    auto doc = find_document(id);
    if (!doc || page < 0 || page >= static_cast<int>(doc->sizes.size()))
        throw DocumentError("Page " + std::to_string(page + 1) +
                            " of a document that is not open was asked for.");
    return doc->sizes[static_cast<std::size_t>(page)];
}

TileGrid RenderService::grid(DocumentId id, int page, int scale_milli, Rotation rotation) const {
    return tile_grid(page_size(id, page), scale_milli, rotation, options_.tiles);
}

std::vector<TileKey> RenderService::page_tiles(DocumentId id, int page, int scale_milli,
                                               Rotation rotation) const {
    const TileGrid g = grid(id, page, scale_milli, rotation);
    std::vector<TileKey> keys;
    for (int row = 0; row < g.rows; ++row)
        for (int column = 0; column < g.columns; ++column)
            keys.push_back({id, page, scale_milli, rotation, column, row});
    return keys;
}

std::shared_ptr<const Bitmap> RenderService::cached(const TileKey& key) {
    return cache_.find(key);
}

RenderStats RenderService::stats() const {
    std::lock_guard lock(jobs_mutex_);
    RenderStats s = counters_;
    s.cache_bytes = cache_.bytes();
    s.queued = queue_.size();
    s.running = jobs_.size() - queue_.size();
    return s;
}

std::optional<RenderResult> RenderService::request(const std::shared_ptr<ChannelState>& channel,
                                                   const TileKey& key, Priority priority) {
    {
        std::lock_guard lock(jobs_mutex_);
        if (auto bitmap = cache_.find(key)) {
            ++counters_.cache_hits;
            return RenderResult{std::move(bitmap), {}};
        }
        if (auto f = failures_.find(key); f != failures_.end())
            return RenderResult{nullptr, f->second};
        if (!documents_.contains(key.document))
            return RenderResult{nullptr, "The document was closed before its page could be shown."};
        const Waiter waiter{channel, channel->generation.current()};
        auto& slot = jobs_[key];
        if (slot) {
            Job& job = *slot;
            std::erase_if(job.waiters, [&](const Waiter& w) { return w.channel == channel; });
            job.waiters.push_back(waiter);
            if (!job.running && priority < job.priority) {
                queue_.erase(&job);
                job.priority = priority;
                queue_.insert(&job);
            }
            return std::nullopt;
        }
        slot = std::make_unique<Job>();
        slot->key = key;
        slot->priority = priority;
        slot->sequence = next_sequence_++;
        slot->waiters.push_back(waiter);
        queue_.insert(slot.get());
    }
    worker_.post([this] { render_best(); });  // one task per queued job; it renders whichever is best then
    return std::nullopt;
}

RenderService::Job* RenderService::take_best(std::shared_ptr<Document>& doc) {
    while (!stopping_ && !queue_.empty()) {
        Job* job = *queue_.begin();
        queue_.erase(queue_.begin());
        std::erase_if(job->waiters, [](const Waiter& w) { return !is_live(w); });
        doc = find_document(job->key.document);
        if (!job->waiters.empty() && doc) {
            job->running = true;
            return job;
        }
        ++counters_.dropped_stale;
        const TileKey key = job->key;  // erasing destroys the job
        jobs_.erase(key);
    }
    return nullptr;  // more tasks than jobs (stale or removed ones were dropped), or the service is stopping
}

std::unique_ptr<RenderService::EngineSet> RenderService::check_out_engines() {
    // No more tasks run at once than the worker has threads, so at most that many sets are ever made.
    std::unique_ptr<EngineSet> set;
    if (idle_engines_.empty()) {
        set = std::make_unique<EngineSet>();
    } else {
        set = std::move(idle_engines_.back());
        idle_engines_.pop_back();
    }
    std::erase_if(set->engines, [this](const auto& e) { return !documents_.contains(e.first); });
    return set;
}

void RenderService::render_best() {
    std::unique_lock lock(jobs_mutex_);
    std::shared_ptr<Document> doc;
    Job* job = take_best(doc);
    if (job == nullptr)
        return;
    const TileKey key = job->key;
    std::unique_ptr<EngineSet> engines = check_out_engines();
    lock.unlock();

    const RenderResult result = render(key, *doc, *engines);

    lock.lock();
    idle_engines_.push_back(std::move(engines));
    if (result.bitmap) {
        ++counters_.rendered;
        if (documents_.contains(key.document))
            cache_.put(key, result.bitmap);
    } else {
        ++counters_.failed;
        failures_[key] = result.error;
    }
    const std::vector<Waiter> waiters = std::move(jobs_[key]->waiters);
    jobs_.erase(key);
    lock.unlock();
    deliver(key, result, waiters);
}

RenderResult RenderService::render(const TileKey& key, const Document& doc, EngineSet& set) const {
    auto& engines = set.engines;
    RenderResult result;
    try {
        auto it = std::find_if(engines.begin(), engines.end(),
                               [&](const auto& e) { return e.first == key.document; });
        if (it == engines.end()) {
            engines.emplace_front(key.document, doc.prototype->clone());
            if (static_cast<int>(engines.size()) > options_.engines_per_thread)
                engines.pop_back();
        } else {
            engines.splice(engines.begin(), engines, it);
        }
        DocumentEngine& engine = *engines.front().second;
        if (key.page < 0 || key.page >= static_cast<int>(doc.sizes.size()))
            throw DocumentError("Page " + std::to_string(key.page + 1) + " does not exist in this document.");
        const TileGrid g = tile_grid(doc.sizes[static_cast<std::size_t>(key.page)], key.scale_milli,
                                     key.rotation, options_.tiles);
        RenderRequest request;
        request.page = key.page;
        request.scale = scale_of(key.scale_milli);
        request.rotation = key.rotation;
        if (g.columns > 1 || g.rows > 1)
            request.region = g.tile(key.column, key.row);
        result.bitmap = std::make_shared<const Bitmap>(engine.render(request));
    } catch (const std::exception& e) {
        // Reported to the listener (the canvas shows it in place of the page) and remembered per tile.
        result.error = e.what();
    }
    return result;
}

void RenderService::deliver(const TileKey& key, const RenderResult& result,
                            const std::vector<Waiter>& waiters) {
    for (const auto& w : waiters) {
        if (!is_live(w))
            continue;
        worker_.lifetime().to_main([channel = w.channel, key, result] {
            if (channel->open.load() && channel->listener)
                channel->listener(key, result);
        });
    }
}

RenderChannel::RenderChannel(RenderService& service, Listener listener)
    : service_(service), state_(std::make_shared<RenderService::ChannelState>()) {
    state_->listener = std::move(listener);
}

RenderChannel::~RenderChannel() {
    state_->open = false;
}

std::optional<RenderResult> RenderChannel::request(const TileKey& key, Priority priority) {
    auto result = service_.request(state_, key, priority);
    if (!result)
        ++misses_;
    return result;
}

int RenderChannel::request_page(DocumentId document, int page, int scale_milli, Rotation rotation,
                                Priority priority) {
    int cached = 0;
    for (const TileKey& key : service_.page_tiles(document, page, scale_milli, rotation))
        if (request(key, priority))
            ++cached;
    return cached;
}

std::uint64_t RenderChannel::next_generation() {
    return state_->generation.advance();
}

}  // namespace jaanch::viewer::render
