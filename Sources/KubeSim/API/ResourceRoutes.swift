import Foundation

/// GET and LIST on the loaded objects, with the API server's selectors, pagination, RBAC refusals and
/// server-side tables.
struct ResourceRoutes: Sendable {
    let store: ObjectStore
    /// Requests refused with 403.
    let forbidden: [AccessRule]
    /// The user named in 403 messages.
    let user: String

    /// The answer for a resource request whose verb (`get` or `list`) is already known.
    func respond(to target: ResourceTarget, verb: String, request: APIRequest, now: Date) -> APIResponse {
        let type = target.type
        if forbidden.contains(where: { $0.refuses(verb: verb, resource: type, namespace: target.namespace, name: target.name) }) {
            return .status(.forbidden(type, verb: verb, namespace: target.namespace, name: target.name, user: user))
        }
        let table = Self.tableAPIVersion(accept: request.accept)
        let include = TableObjectPolicy(rawValue: request.query["includeObject"] ?? "") ?? .metadata
        if verb == "get" {
            return get(target, table: table, include: include, now: now)
        }
        return list(target, request: request, table: table, include: include, now: now)
    }

    private func get(_ target: ResourceTarget, table: String?, include: TableObjectPolicy, now: Date) -> APIResponse {
        guard target.subresource.isEmpty || target.subresource == "status" else {
            return .status(.unknownPath())
        }
        guard let object = store.get(target.type, namespace: target.namespace, name: target.name) else {
            return .status(.notFound(target.type, name: target.name))
        }
        guard let table else { return .json(object.json) }
        let metadata = JSONObject([("resourceVersion", .string(object.resourceVersion))])
        let body = TableRenderer.table(of: [object], type: target.type, listMetadata: metadata, include: include, apiVersion: table, now: now)
        return .json(body, contentType: Self.tableContentType(table))
    }

    private func list(_ target: ResourceTarget, request: APIRequest, table: String?, include: TableObjectPolicy, now: Date) -> APIResponse {
        let type = target.type
        let labels: LabelSelector
        let fields: FieldSelector
        do {
            labels = try LabelSelector(parsing: request.query["labelSelector"] ?? "")
            fields = try FieldSelector(parsing: request.query["fieldSelector"] ?? "")
        } catch {
            return .status(.badRequest("kubesim: \(error)"))
        }
        if let field = fields.unsupportedField(for: type) {
            // The API server's own wording (kubernetes pkg/apis/core/v1/conversion.go).
            return .status(.badRequest("field label not supported: \(field)"))
        }
        var items = store.list(type, namespace: target.namespace.isEmpty ? nil : target.namespace).filter {
            labels.matches($0.labels) && fields.matches($0, as: type)
        }
        if let token = request.query["continue"], !token.isEmpty {
            guard let start = ContinueToken(decoding: token) else {
                return .status(.badRequest("kubesim: the continue token is not one kubesim issued"))
            }
            items = Array(items.drop { $0.storageKey <= start.lastKey })
        }
        var metadata = JSONObject([("resourceVersion", .string(String(store.resourceVersion)))])
        if let limit = request.query["limit"].flatMap({ Int($0) }), limit > 0, items.count > limit {
            let remaining = items.count - limit
            items = Array(items.prefix(limit))
            metadata["continue"] = .string(ContinueToken(resourceVersion: store.resourceVersion, lastKey: items[limit - 1].storageKey).encoded)
            // Like the API server, which cannot count what a selector would keep without reading it all.
            if labels.requirements.isEmpty && fields.terms.isEmpty {
                metadata["remainingItemCount"] = .int(remaining)
            }
        }
        if let table {
            let body = TableRenderer.table(of: items, type: type, listMetadata: metadata, include: include, apiVersion: table, now: now)
            return .json(body, contentType: Self.tableContentType(table))
        }
        return .json(.object(JSONObject([
            ("kind", .string(type.listKind)), ("apiVersion", .string(type.groupVersion)),
            ("metadata", .object(metadata)), ("items", .array(items.map(\.json))),
        ])))
    }

    /// The Table version the `Accept` header asks for (`meta.k8s.io/v1` or `.../v1beta1`), if any, taking the
    /// first acceptable media range as the API server's negotiation does.
    static func tableAPIVersion(accept: String) -> String? {
        for range in accept.split(separator: ",") {
            let parts = range.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            var parameters: [String: String] = [:]
            for parameter in parts.dropFirst() {
                let pair = parameter.split(separator: "=", maxSplits: 1).map(String.init)
                if pair.count == 2 { parameters[pair[0]] = pair[1] }
            }
            guard parts.first == "application/json" else { continue }
            guard let kind = parameters["as"] else { return nil }
            if kind == "Table", parameters["g"] == "meta.k8s.io", let version = parameters["v"], version == "v1" || version == "v1beta1" {
                return "meta.k8s.io/" + version
            }
        }
        return nil
    }

    static func tableContentType(_ apiVersion: String) -> String {
        "application/json;as=Table;v=\(apiVersion.split(separator: "/").last ?? "v1");g=meta.k8s.io"
    }
}
