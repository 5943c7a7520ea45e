// RenderService: the viewer's worker threads, priority queue, stale-work dropping and pixel cache.
//
// Engines only render (viewer/engine); this service decides what is rendered when. Clients (a document
// canvas, a thumbnail strip, the next-application prefetcher) each hold a RenderChannel:
//   - request(key, priority) returns the tile at once when it is cached; otherwise it queues the work and the
//     channel's listener receives the result later, on the main thread, through jaanch::dispatch::to_main().
//   - next_generation() makes every request the channel queued before it stale: workers drop stale work
//     instead of rendering it (the generation counter), so scrolling never waits behind pages left behind.
// Requests for the same tile from several channels are coalesced into one job at the highest priority.
//
// Threads:
//   - Construct, add_document, remove_document and every RenderChannel method: the main thread.
//   - page_count, page_size, grid, cached, stats: any thread.
//   - The threads are an async::Worker's (util/worker.h; Options::threads of them). The priority queue stays
//     here, since a Worker runs its tasks first come, first served: every job queued posts one "render the
//     best job" task, which takes whatever job is best when a thread gets to it (so there are always at least
//     as many such tasks as queued jobs). A running task checks out one of the service's engine sets (one
//     engine instance per document, cloned from the document's prototype), so no two renders share an
//     engine; it renders, fills the cache, and posts results through the worker's lifetime. Workers never
//     call a listener directly, and so never touch a widget.
//   - The constructor calls pdf_warm_up() before starting any worker (Poppler's lazy colour profiles), and
//     fixes glibc's mmap threshold at 1 MiB (process-wide) so freed pixel buffers return to the system.
// Stale work: each channel's requests carry its async::Generation; a job none of whose waiters is current is
//   dropped unrendered.
// Lock order: jobs_mutex_ before PixelCache's internal mutex; never the reverse. No lock is held while an
//   engine renders or while a result is posted. ChannelState fields read by workers are atomics.
// Lifetime: destroying the service drops the queued jobs and waits for the tiles being rendered; results not
//   yet delivered are dropped (the worker's lifetime has ended, and each result checks that its channel is
//   still open). Channels must not outlive it.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "util/worker.h"
#include "viewer/engine/document_engine.h"
#include "viewer/render/pixel_cache.h"
#include "viewer/render/tiles.h"

namespace jaanch::viewer::render {

// Lower value = rendered first.
enum class Priority : int { visible = 0, neighbour = 1, thumbnail = 2, prefetch = 3 };

struct RenderResult {
    std::shared_ptr<const Bitmap> bitmap;  // null when the render failed
    std::string error;                     // a complete sentence when it failed
};

struct RenderStats {
    std::uint64_t rendered = 0;
    std::uint64_t dropped_stale = 0;
    std::uint64_t failed = 0;
    std::uint64_t cache_hits = 0;
    std::size_t cache_bytes = 0;
    std::size_t queued = 0;
    std::size_t running = 0;  // tiles a worker is rendering now
};

class RenderChannel;

class RenderService {
  public:
    struct Options {
        int threads = 2;
        std::size_t cache_bytes = 256u << 20;
        TileOptions tiles;
        int engines_per_thread = 8;  // open documents each engine set keeps (one set per thread)
    };

    explicit RenderService(Options options);
    RenderService() : RenderService(Options{}) {}
    ~RenderService();
    RenderService(const RenderService&) = delete;
    RenderService& operator=(const RenderService&) = delete;

    // Takes an opened engine (see open_document) as the prototype that workers clone, and reads its page
    // sizes. Throws what the engine throws for a broken page table.
    DocumentId add_document(std::unique_ptr<DocumentEngine> engine);
    // Drops the document's queued work and cached pixels; workers close their instances.
    void remove_document(DocumentId document);

    // An independent engine on the document (for text search on another thread). Throws DocumentError when
    // the document is not open.
    std::unique_ptr<DocumentEngine> clone_engine(DocumentId document) const;

    int page_count(DocumentId document) const;
    SizeF page_size(DocumentId document, int page) const;
    TileGrid grid(DocumentId document, int page, int scale_milli, Rotation rotation) const;
    // The keys of every tile of that page, row by row.
    std::vector<TileKey> page_tiles(DocumentId document, int page, int scale_milli, Rotation rotation) const;
    std::shared_ptr<const Bitmap> cached(const TileKey& key);
    RenderStats stats() const;
    const Options& options() const { return options_; }

  private:
    friend class RenderChannel;
    struct ChannelState;
    struct Document;
    struct Job;
    struct EngineSet;
    struct JobOrder {
        bool operator()(const Job* a, const Job* b) const;
    };
    struct Waiter {
        std::shared_ptr<ChannelState> channel;
        std::uint64_t generation;
    };

    std::optional<RenderResult> request(const std::shared_ptr<ChannelState>& channel, const TileKey& key,
                                        Priority priority);
    static async::Worker start_workers(const Options& options);
    void render_best();                              // a worker task
    Job* take_best(std::shared_ptr<Document>& doc);  // jobs_mutex_ held
    std::unique_ptr<EngineSet> check_out_engines();  // jobs_mutex_ held
    RenderResult render(const TileKey& key, const Document& doc, EngineSet& engines) const;
    void deliver(const TileKey& key, const RenderResult& result, const std::vector<Waiter>& waiters);
    std::shared_ptr<Document> find_document(DocumentId id) const;  // jobs_mutex_ held
    static bool is_live(const Waiter& w);

    Options options_;
    PixelCache cache_;

    mutable std::mutex jobs_mutex_;  // guards everything below, up to `worker_`
    bool stopping_ = false;
    std::uint64_t next_sequence_ = 0;
    DocumentId next_document_ = 1;
    std::map<DocumentId, std::shared_ptr<Document>> documents_;
    std::map<TileKey, std::unique_ptr<Job>> jobs_;  // queued and running, by tile
    std::set<Job*, JobOrder> queue_;                // queued only, best first
    std::map<TileKey, std::string> failures_;       // tiles that failed, so they are not retried in a loop
    RenderStats counters_;
    // Engine sets not in use; after documents_, so the clones go before their prototypes.
    std::vector<std::unique_ptr<EngineSet>> idle_engines_;

    async::Worker worker_;  // last: its threads stop before anything they use is destroyed
};

// One client's view of the service. Main thread only. The listener is called on the main thread for each
// result of this channel's current (non-stale) requests, never after the channel is destroyed.
class RenderChannel {
  public:
    using Listener = std::function<void(const TileKey&, const RenderResult&)>;
    RenderChannel(RenderService& service, Listener listener);
    ~RenderChannel();
    RenderChannel(const RenderChannel&) = delete;
    RenderChannel& operator=(const RenderChannel&) = delete;

    // The tile when cached (or known to fail); otherwise queues it and returns nullopt.
    std::optional<RenderResult> request(const TileKey& key, Priority priority);
    // Every tile of a page; returns how many were already cached.
    int request_page(DocumentId document, int page, int scale_milli, Rotation rotation, Priority priority);
    // Makes all earlier requests of this channel stale.
    std::uint64_t next_generation();
    RenderService& service() { return service_; }
    // Requests so far that the cache could not answer (each one queued a render, or joined one under way).
    // A viewer shown from a finished prefetch makes none.
    std::uint64_t misses() const { return misses_; }

  private:
    RenderService& service_;
    std::shared_ptr<RenderService::ChannelState> state_;
    std::uint64_t misses_ = 0;
};

}  // namespace jaanch::viewer::render
