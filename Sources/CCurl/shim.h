// Typed wrappers over libcurl's variadic setters: Swift cannot call C variadic functions.
#ifndef PULLDOCTOR_CCURL_SHIM_H
#define PULLDOCTOR_CCURL_SHIM_H

#include <curl/curl.h>

static inline CURLcode pd_easy_setopt_long(CURL *h, CURLoption o, long v) { return curl_easy_setopt(h, o, v); }
static inline CURLcode pd_easy_setopt_string(CURL *h, CURLoption o, const char *v) { return curl_easy_setopt(h, o, v); }
static inline CURLcode pd_easy_setopt_pointer(CURL *h, CURLoption o, void *v) { return curl_easy_setopt(h, o, v); }
static inline CURLcode pd_easy_setopt_slist(CURL *h, CURLoption o, struct curl_slist *v) { return curl_easy_setopt(h, o, v); }
static inline CURLcode pd_easy_setopt_off(CURL *h, CURLoption o, curl_off_t v) { return curl_easy_setopt(h, o, v); }
static inline CURLcode pd_easy_setopt_blob(CURL *h, CURLoption o, void *data, size_t len) {
    struct curl_blob blob;
    blob.data = data;
    blob.len = len;
    blob.flags = CURL_BLOB_COPY;
    return curl_easy_setopt(h, o, &blob);
}

typedef size_t (*pd_write_callback)(char *ptr, size_t size, size_t nmemb, void *userdata);
static inline CURLcode pd_easy_setopt_write_function(CURL *h, CURLoption o, pd_write_callback f) { return curl_easy_setopt(h, o, f); }

static inline CURLcode pd_easy_getinfo_long(CURL *h, CURLINFO i, long *v) { return curl_easy_getinfo(h, i, v); }
static inline CURLcode pd_easy_getinfo_pointer(CURL *h, CURLINFO i, void **v) { return curl_easy_getinfo(h, i, v); }
static inline CURLcode pd_easy_getinfo_double(CURL *h, CURLINFO i, double *v) { return curl_easy_getinfo(h, i, v); }
static inline CURLcode pd_easy_getinfo_string(CURL *h, CURLINFO i, char **v) { return curl_easy_getinfo(h, i, v); }

static inline CURLMcode pd_multi_setopt_long(CURLM *m, CURLMoption o, long v) { return curl_multi_setopt(m, o, v); }

/// The easy handle and result of a finished transfer, read from a CURLMsg (a union Swift imports poorly).
static inline int pd_multi_info_read(CURLM *m, CURL **easy, CURLcode *result) {
    int queued = 0;
    CURLMsg *msg = curl_multi_info_read(m, &queued);
    if (msg == NULL) return 0;
    if (msg->msg != CURLMSG_DONE) { *easy = NULL; return 2; }
    *easy = msg->easy_handle;
    *result = msg->data.result;
    return 1;
}

#endif
