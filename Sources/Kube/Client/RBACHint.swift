import Foundation

/// The RBAC rule a refused request needs, written as the commands and the YAML an operator would apply.
///
/// PullDoctor only reads, so the advice grants `get` and `list` together: a rule with `get` alone fixes
/// this request and fails on the next list.
public struct RBACHint: Sendable, Hashable {
    /// The verb that was refused.
    public var verb: String
    /// The resource that was refused.
    public var resource: ResourceDescriptor
    /// The namespace of the request; `nil` for cluster-scoped resources and all-namespace lists.
    public var namespace: String?
    /// Who was refused, as the server named it (`system:serviceaccount:pulldoctor:pulldoctor`).
    public var user: String?

    /// A hint for a refused `verb` on `resource`.
    public init(verb: String, resource: ResourceDescriptor, namespace: String?, user: String?) {
        self.verb = verb
        self.resource = resource
        self.namespace = namespace
        self.user = user
    }

    /// Verbs to grant.
    public var grantedVerbs: [String] {
        verb == "get" || verb == "list" ? ["get", "list"] : ["get", "list", verb]
    }

    /// The service account (namespace, name) when `user` is one.
    public var serviceAccount: (namespace: String, name: String)? {
        guard let user, user.hasPrefix("system:serviceaccount:") else { return nil }
        let parts = user.dropFirst("system:serviceaccount:".count).split(separator: ":", maxSplits: 1)
        guard parts.count == 2 else { return nil }
        return (String(parts[0]), String(parts[1]))
    }

    /// Whether a Role is enough: a namespaced resource in one namespace. Nodes and lists across all
    /// namespaces need a ClusterRole.
    public var needsClusterRole: Bool { namespace == nil || !resource.namespaced }

    /// `kubectl create role pulldoctor-read --verb=get,list --resource=secrets -n shop`, then the binding
    /// when the subject is a service account.
    public var kubectlCommands: [String] {
        let verbs = grantedVerbs.joined(separator: ",")
        var commands: [String] = []
        if needsClusterRole {
            commands.append("kubectl create clusterrole pulldoctor-read --verb=\(verbs) --resource=\(resource.qualifiedName)")
            if let account = serviceAccount {
                commands.append(
                    "kubectl create clusterrolebinding pulldoctor-read --clusterrole=pulldoctor-read --serviceaccount=\(account.namespace):\(account.name)")
            }
        } else if let namespace {
            commands.append("kubectl create role pulldoctor-read --verb=\(verbs) --resource=\(resource.qualifiedName) -n \(namespace)")
            if let account = serviceAccount {
                commands.append(
                    "kubectl create rolebinding pulldoctor-read --role=pulldoctor-read --serviceaccount=\(account.namespace):\(account.name) -n \(namespace)")
            }
        }
        return commands
    }

    /// The rule for a Role or ClusterRole's `rules:` list.
    public var yamlRule: String {
        let verbs = grantedVerbs.map { "\"\($0)\"" }.joined(separator: ", ")
        return """
            - apiGroups: ["\(resource.group)"]
              resources: ["\(resource.plural)"]
              verbs: [\(verbs)]
            """
    }

    /// One paragraph for messages and pages.
    public var advice: String {
        let kind = needsClusterRole ? "ClusterRole" : "Role"
        let commands = kubectlCommands.joined(separator: " && ")
        let rule = yamlRule.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        return "Grant it with: \(commands) (or add the rule `\(rule)` to the \(kind) bound to it)."
    }

    /// The user named in an API server Forbidden message:
    /// `... is forbidden: User "system:serviceaccount:pulldoctor:pulldoctor" cannot get resource ...`.
    static func user(inForbiddenMessage message: String) -> String? {
        guard let start = message.range(of: "User \"") else { return nil }
        let rest = message[start.upperBound...]
        guard let end = rest.firstIndex(of: "\"") else { return nil }
        let user = String(rest[..<end])
        return user.isEmpty ? nil : user
    }
}
