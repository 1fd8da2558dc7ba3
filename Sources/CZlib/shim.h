// deflateInit2 is a macro in zlib.h: expose it as a function Swift can call.
#ifndef PULLDOCTOR_CZLIB_SHIM_H
#define PULLDOCTOR_CZLIB_SHIM_H
#include <zlib.h>

/// Starts a gzip (not raw deflate, not zlib) stream: windowBits 15 + 16.
static inline int pd_deflate_init_gzip(z_streamp strm, int level) {
    return deflateInit2(strm, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
}
static inline int pd_inflate_init_gzip(z_streamp strm) {
    return inflateInit2(strm, 15 + 32);
}
#endif
