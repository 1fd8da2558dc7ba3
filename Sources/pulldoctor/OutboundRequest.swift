import CurlClient

/// The libcurl client's request, named apart from Hummingbird's `HTTPRequest` for files that import both.
typealias OutboundRequest = HTTPRequest
