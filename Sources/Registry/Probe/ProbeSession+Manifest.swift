import CurlClient
import Foundation

/// What the manifest request found.
struct FetchedManifest {
    var status: Int
    var kind: ManifestDocument.Kind
    /// The body, when a GET was needed (HEAD has none).
    var body: [UInt8]?
}

/// The manifest check (HEAD, falling back to GET), the error mapping, and the tag list on a miss.
extension ProbeSession {
    var manifestURL: String { "\(base)/v2/\(reference.repository)/manifests/\(manifestReference)" }

    /// `HEAD` first: it is cheap, and Docker Hub does not count it as a pull. `GET` when the HEAD gives
    /// no usable answer (405, a 4xx whose body would say why, a 200 without a media type).
    func fetchManifest() async throws(ProbeStop) -> FetchedManifest {
        let accept = [(name: "Accept", value: ManifestDocument.accept)]
        let head = try await authorizedSend("HEAD", manifestURL, headers: accept, maxBytes: 64 << 10,
                                            what: "the manifest request")
        switch head.status {
        case 200..<300:
            let kind = ManifestDocument.kind(contentType: head.header("Content-Type"))
            if kind != .unknown {
                found(head)
                return FetchedManifest(status: head.status, kind: kind, body: nil)
            }
        case 401:
            throw unauthorized(head)
        case 429, 500...:
            throw classifyFailure(head, what: "the manifest of \(imageName)")
        default:
            break
        }
        let get = try await authorizedSend("GET", manifestURL, headers: accept, maxBytes: 4 << 20,
                                           what: "the manifest request")
        guard (200..<300).contains(get.status) else {
            if get.status == 401 { throw unauthorized(get) }
            throw await missOrFailure(get)
        }
        found(get)
        let kind = ManifestDocument.kind(contentType: get.header("Content-Type"), body: get.body)
        return FetchedManifest(status: get.status, kind: kind, body: get.body)
    }

    private func found(_ response: HTTPResponse) {
        result.digest = response.header("Docker-Content-Digest") ?? reference.digest
        result.mediaType = response.header("Content-Type")?.split(separator: ";").first
            .map { $0.trimmingCharacters(in: .whitespaces) }
    }

    /// The verdict on an error answer: the registry's codes first, then the status.
    func classifyFailure(_ response: HTTPResponse, what: String) -> ProbeStop {
        noteErrors(response)
        let body = RegistryErrorBody(body: response.body)
        let codes = body?.codes ?? []
        let said = body?.firstMessage.map { ": \"\($0)\"" } ?? ""
        let status = response.status
        let coded = codes.isEmpty ? "HTTP \(status)" : "HTTP \(status), \(codes.joined(separator: ", "))"
        if status == 429 || body?.contains(.tooManyRequests) == true {
            let limits = result.rateLimit.map { "; \($0.summary)" } ?? ""
            return ProbeStop(.rateLimited, "\(endpoint.host) is rate-limiting requests from PullDoctor's address "
                + "(\(coded))\(said)\(limits); the node shares the limit if it pulls through the same address",
                status: status)
        }
        if status == 401 || body?.contains(.unauthorized) == true { return unauthorized(response) }
        if status == 403 || body?.contains(.denied) == true {
            return ProbeStop(.denied, "\(endpoint.host) refuses \(what) to \(requester) (\(coded))\(said)", status: status)
        }
        if body?.contains(.nameUnknown) == true {
            return ProbeStop(.repositoryNotFound, "\(reference.registry) has no repository \(reference.repository) "
                + "(\(coded))\(said)", status: status)
        }
        if body?.contains(.nameInvalid) == true {
            return ProbeStop(.invalidReference, "\(reference.registry) rejects the repository name "
                + "\(reference.repository) (\(coded))\(said)", status: status)
        }
        if status >= 500 {
            return ProbeStop(.registryError, "\(endpoint.host) failed on \(what) with a server error (\(coded))\(said)",
                             status: status)
        }
        return ProbeStop(.registryError, "\(endpoint.host) answered \(what) with \(coded)\(said)", status: status)
    }

    /// A missing manifest is told apart from a missing repository by the tag list (distribution answers
    /// `MANIFEST_UNKNOWN` for both on the manifest URL, but `NAME_UNKNOWN` on the tag list of a
    /// repository it does not have); anything else goes to ``classifyFailure(_:what:)``.
    private func missOrFailure(_ response: HTTPResponse) async -> ProbeStop {
        let body = RegistryErrorBody(body: response.body)
        // A 404 with no error code at all (an HTML page, an empty body) is read as a miss too.
        let isMiss = body?.contains(.manifestUnknown) == true || (response.status == 404 && (body?.codes ?? []).isEmpty)
        guard isMiss else { return classifyFailure(response, what: "the manifest of \(imageName)") }
        noteErrors(response)
        let missing: ProbeOutcome = reference.digest != nil ? .digestNotFound : .tagNotFound
        let what = reference.digest != nil ? "no manifest with digest \(manifestReference)" : "no tag \(manifestReference)"
        let status = response.status
        guard options.listTagsOnMiss else {
            return ProbeStop(missing, "\(reference.registry)/\(reference.repository) has \(what) (HTTP \(status))",
                             status: status)
        }
        let tagsURL = "\(base)/v2/\(reference.repository)/tags/list"
        let tags: HTTPResponse
        do {
            tags = try await authorizedSend("GET", tagsURL, maxBytes: 1 << 20, what: "the tag list request")
        } catch {
            return ProbeStop(missing, "\(reference.registry)/\(reference.repository) has \(what) (HTTP \(status)); "
                + "the tag list could not be read to check the repository itself", status: status)
        }
        if tags.status == 404, RegistryErrorBody(body: tags.body)?.contains(.nameUnknown) == true {
            noteErrors(tags)
            return ProbeStop(.repositoryNotFound, "\(reference.registry) has no repository \(reference.repository): "
                + "the manifest is unknown and the tag list answers NAME_UNKNOWN (HTTP 404)", status: tags.status)
        }
        guard (200..<300).contains(tags.status), let list = Self.tags(in: tags.body) else {
            return ProbeStop(missing, "\(reference.registry)/\(reference.repository) has \(what) (HTTP \(status))",
                             status: status)
        }
        let sample = Array(list.prefix(20))
        result.availableTags = sample
        let shown = sample.isEmpty ? "the repository has no tags at all"
            : "tags it has include \(sample.prefix(8).joined(separator: ", "))"
        return ProbeStop(missing, "the repository \(reference.registry)/\(reference.repository) exists but has \(what) "
            + "(HTTP \(status)); \(shown)", status: status)
    }

    /// The `tags` array of a tag list (`{"name": ..., "tags": [...]}`; `null` for no tags).
    static func tags(in body: [UInt8]) -> [String]? {
        struct TagList: Decodable { var tags: [String]? }
        guard let list = try? JSONDecoder().decode(TagList.self, from: Data(body)) else { return nil }
        return list.tags ?? []
    }
}
