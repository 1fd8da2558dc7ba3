import Hummingbird

/// A file the pages load (`/static/pulldoctor.css`, `/static/copy.js`), kept in the binary as a Swift
/// string so a deployment is one executable with no resource folder to ship or lose.
///
/// Served with a strong ETag and a short max-age: browsers revalidate every few minutes and get a 304
/// when the binary did not change, so an upgrade shows its new stylesheet without a version in the URL.
struct StaticAsset: Sendable {
    /// The URL path it is served at.
    let path: String
    /// The `Content-Type` header.
    let contentType: String
    /// The file's bytes.
    let body: String
    /// A strong validator derived from the bytes (FNV-1a, 64 bits): stable across runs of one binary.
    let etag: String

    init(path: String, contentType: String, body: String) {
        self.path = path
        self.contentType = contentType
        self.body = body
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in body.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01b3
        }
        etag = "\"" + String(hash, radix: 16) + "\""
    }

    /// Every asset the pages use.
    static let all: [StaticAsset] = [stylesheet, copyScript]

    /// The response to a GET: 304 when the request already holds this version.
    func response(to request: Request) -> Response {
        var headers: HTTPFields = [
            .contentType: contentType,
            .eTag: etag,
            .cacheControl: "public, max-age=300",
        ]
        SecurityHeaders.apply(to: &headers)
        if let held = request.headers[.ifNoneMatch], held.split(separator: ",").contains(where: {
            $0.trimmingCharacters(in: .whitespaces) == etag || $0.trimmingCharacters(in: .whitespaces) == "*"
        }) {
            return Response(status: .notModified, headers: headers)
        }
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: body)))
    }
}
