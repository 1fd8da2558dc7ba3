import CurlClient

// Hummingbird re-exports HTTPTypes' `HTTPRequest`/`HTTPResponse`, and the `CurlClient` module shares its
// name with its class, so `CurlClient.HTTPResponse` cannot be spelled where both are imported. This file
// imports only the client and names its types once.

/// A response fetched with the project's client.
typealias FetchedResponse = HTTPResponse
/// A request for the project's client.
typealias FetchRequest = HTTPRequest
