#include "viewer/engine/resample.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace jaanch::viewer {
namespace {

// For each output coordinate along one axis: the first source index and the weights that follow it.
struct Taps {
    std::vector<int> first;
    std::vector<int> count;
    std::vector<float> weights;  // count[i] weights per output index, concatenated
    std::vector<std::size_t> offset;
};

Taps make_taps(int src_len, int out_len, int out_first, int out_count) {
    Taps t;
    const double ratio = static_cast<double>(src_len) / out_len;
    for (int o = out_first; o < out_first + out_count; ++o) {
        t.offset.push_back(t.weights.size());
        if (ratio > 1.0) {  // shrinking: each output pixel averages the source pixels it covers
            const double a = o * ratio, b = (o + 1) * ratio;
            const int i0 = static_cast<int>(std::floor(a));
            const int i1 = std::min(src_len, static_cast<int>(std::ceil(b)));
            t.first.push_back(i0);
            t.count.push_back(i1 - i0);
            for (int i = i0; i < i1; ++i) {
                const double cover = std::min<double>(b, i + 1) - std::max<double>(a, i);
                t.weights.push_back(static_cast<float>(cover / ratio));
            }
        } else {  // enlarging: bilinear between the two nearest source pixels
            const double c = std::clamp((o + 0.5) * ratio - 0.5, 0.0, src_len - 1.0);
            const int i0 = static_cast<int>(std::floor(c));
            const int i1 = std::min(i0 + 1, src_len - 1);
            const float f = static_cast<float>(c - i0);
            t.first.push_back(i0);
            if (i1 == i0) {
                t.count.push_back(1);
                t.weights.push_back(1.0f);
            } else {
                t.count.push_back(2);
                t.weights.push_back(1.0f - f);
                t.weights.push_back(f);
            }
        }
    }
    return t;
}

}  // namespace

Bitmap resample_region(const Bitmap& src, PixelSize out_size, const PixelRect& wanted) {
    const PixelRect region = intersect(wanted, {0, 0, out_size.width, out_size.height});
    Bitmap out(region.width, region.height);
    if (region.empty() || src.width <= 0 || src.height <= 0)
        return out;
    const Taps tx = make_taps(src.width, out_size.width, region.x, region.width);
    const Taps ty = make_taps(src.height, out_size.height, region.y, region.height);
    // Horizontal pass over only the source rows the vertical taps touch.
    const int row0 = ty.first.front();
    const int row1 = ty.first.back() + ty.count.back();
    const std::size_t rw = static_cast<std::size_t>(region.width) * 4;
    std::vector<float> mid(static_cast<std::size_t>(row1 - row0) * rw);
    for (int sy = row0; sy < row1; ++sy) {
        const std::uint8_t* in = src.row(sy);
        float* m = mid.data() + static_cast<std::size_t>(sy - row0) * rw;
        for (int ox = 0; ox < region.width; ++ox) {
            float acc[4] = {0, 0, 0, 0};
            const float* w = tx.weights.data() + tx.offset[static_cast<std::size_t>(ox)];
            const std::uint8_t* p = in + static_cast<std::size_t>(tx.first[static_cast<std::size_t>(ox)]) * 4;
            for (int k = 0; k < tx.count[static_cast<std::size_t>(ox)]; ++k, p += 4)
                for (int c = 0; c < 4; ++c)
                    acc[c] += w[k] * p[c];
            for (int c = 0; c < 4; ++c)
                m[static_cast<std::size_t>(ox) * 4 + static_cast<std::size_t>(c)] = acc[c];
        }
    }
    for (int oy = 0; oy < region.height; ++oy) {
        std::uint8_t* o = out.row(oy);
        const float* w = ty.weights.data() + ty.offset[static_cast<std::size_t>(oy)];
        const int first = ty.first[static_cast<std::size_t>(oy)] - row0;
        for (std::size_t i = 0; i < rw; ++i) {
            float acc = 0;
            for (int k = 0; k < ty.count[static_cast<std::size_t>(oy)]; ++k)
                acc += w[k] * mid[static_cast<std::size_t>(first + k) * rw + i];
            o[i] = static_cast<std::uint8_t>(std::clamp(acc + 0.5f, 0.0f, 255.0f));
        }
    }
    return out;
}

PixelRect unrotate_region(const PixelRect& r, PixelSize u, Rotation rotation) {
    switch (rotation) {
        case Rotation::r0:
            return r;
        case Rotation::r90:
            return {r.y, u.height - r.x - r.width, r.height, r.width};
        case Rotation::r180:
            return {u.width - r.x - r.width, u.height - r.y - r.height, r.width, r.height};
        case Rotation::r270:
            return {u.width - r.y - r.height, r.x, r.height, r.width};
    }
    return r;
}

}  // namespace jaanch::viewer
