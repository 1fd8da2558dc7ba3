import Foundation

/// One column of a server-side table (`meta.k8s.io/v1` `TableColumnDefinition`).
struct TableColumn: Sendable {
    let name: String
    let type: String
    let format: String
    let description: String
    /// 0 for columns kubectl always shows, 1 for `-o wide` only.
    let priority: Int

    init(_ name: String, type: String = "string", format: String = "", priority: Int = 0, _ description: String) {
        self.name = name
        self.type = type
        self.format = format
        self.description = description
        self.priority = priority
    }

    var json: JSONValue {
        .object(JSONObject([
            ("name", .string(name)), ("type", .string(type)), ("format", .string(format)),
            ("description", .string(description)), ("priority", .int(priority)),
        ]))
    }

    static let name = TableColumn("Name", format: "name", "The object's name.")
    static let age = TableColumn("Age", "Time since the object was created.")
}

/// The columns and cells of one resource's table, as the API server's printer for it builds them.
protocol TablePrinter: Sendable {
    /// The column definitions, wide ones included.
    var columns: [TableColumn] { get }
    /// One cell per column for `object`, ages measured at `now`.
    func cells(for object: KubeObject, now: Date) -> [JSONValue]
}

/// What a table row carries besides its cells, from the `includeObject` query parameter.
public enum TableObjectPolicy: String, Sendable {
    /// No object.
    case none = "None"
    /// A `PartialObjectMetadata` with the object's metadata (the API server's default).
    case metadata = "Metadata"
    /// The whole object.
    case object = "Object"
}

/// Builds `Table` responses: what `kubectl get` asks for with
/// `Accept: application/json;as=Table;v=v1;g=meta.k8s.io`.
enum TableRenderer {
    /// The printer for a resource: the specific ones kubectl users know, NAME/AGE for the rest.
    static func printer(for type: ResourceType) -> any TablePrinter {
        switch type {
        case .pods: return PodTablePrinter()
        case .events: return EventTablePrinter()
        case .nodes: return NodeTablePrinter()
        case .deployments: return DeploymentTablePrinter()
        default: return DefaultTablePrinter()
        }
    }

    /// A table of `objects`; `listMetadata` becomes the table's `metadata` (resourceVersion, continue, ...).
    static func table(
        of objects: [KubeObject], type: ResourceType, listMetadata: JSONObject, include: TableObjectPolicy,
        apiVersion: String, now: Date
    ) -> JSONValue {
        let printer = printer(for: type)
        let rows: [JSONValue] = objects.map { object in
            var row = JSONObject([("cells", .array(printer.cells(for: object, now: now)))])
            switch include {
            case .none:
                break
            case .object:
                row["object"] = object.json
            case .metadata:
                row["object"] = .object(JSONObject([
                    ("kind", "PartialObjectMetadata"), ("apiVersion", .string(apiVersion)),
                    ("metadata", object.json["metadata"] ?? .object(JSONObject())),
                ]))
            }
            return .object(row)
        }
        return .object(JSONObject([
            ("kind", "Table"), ("apiVersion", .string(apiVersion)), ("metadata", .object(listMetadata)),
            ("columnDefinitions", .array(printer.columns.map(\.json))), ("rows", .array(rows)),
        ]))
    }
}

/// NAME and AGE, for every resource without a printer of its own.
struct DefaultTablePrinter: TablePrinter {
    var columns: [TableColumn] { [.name, .age] }

    func cells(for object: KubeObject, now: Date) -> [JSONValue] {
        [.string(object.name), .string(HumanDuration.since(object.creationTimestamp, now: now))]
    }
}
