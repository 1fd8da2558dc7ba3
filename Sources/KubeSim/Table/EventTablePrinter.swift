import Foundation

/// `kubectl get events`: LAST SEEN TYPE REASON OBJECT MESSAGE, and SUBOBJECT SOURCE FIRST SEEN COUNT NAME with
/// `-o wide`.
///
/// Times fall back the way the API server's event printer does: no `firstTimestamp` means `eventTime`, no
/// `lastTimestamp` means the first time, and an event `series` has the last observed time and count.
struct EventTablePrinter: TablePrinter {
    var columns: [TableColumn] {
        [
            TableColumn("Last Seen", "Time since the event was last observed."),
            TableColumn("Type", "Normal or Warning."),
            TableColumn("Reason", "Short, machine-readable reason for the event."),
            TableColumn("Object", "The object the event is about, as kind/name."),
            TableColumn("Subobject", priority: 1, "The part of the object the event is about (fieldPath)."),
            TableColumn("Source", priority: 1, "The component that reported the event."),
            TableColumn("Message", "Human-readable description of the event."),
            TableColumn("First Seen", priority: 1, "Time since the event was first observed."),
            TableColumn("Count", priority: 1, "How many times the event was observed."),
            TableColumn("Name", format: "name", priority: 1, "The event's name."),
        ]
    }

    func cells(for event: KubeObject, now: Date) -> [JSONValue] {
        let json = event.json
        let firstTimestamp = json["firstTimestamp"]?.stringValue ?? ""
        let first = HumanDuration.since(firstTimestamp.isEmpty ? json["eventTime"]?.stringValue ?? "" : firstTimestamp, now: now)
        let lastTimestamp = json["lastTimestamp"]?.stringValue ?? ""
        var last = lastTimestamp.isEmpty ? first : HumanDuration.since(lastTimestamp, now: now)
        var count = json["count"]?.intValue ?? 0
        if let series = json["series"], series != .null {
            last = HumanDuration.since(series["lastObservedTime"]?.stringValue ?? "", now: now)
            count = series["count"]?.intValue ?? 0
        }
        let involved = json["involvedObject"]
        let kind = (involved?["kind"]?.stringValue ?? "").lowercased()
        let name = involved?["name"]?.stringValue ?? ""
        let message = (json["message"]?.stringValue ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        return [
            .string(last), .string(json["type"]?.stringValue ?? ""), .string(json["reason"]?.stringValue ?? ""),
            .string(name.isEmpty ? kind : kind + "/" + name),
            .string(involved?["fieldPath"]?.stringValue ?? ""),
            .string(source(json)),
            .string(message), .string(first), .int(count), .string(event.name),
        ]
    }

    /// `component, host`, each falling back to the reporting controller and instance.
    private func source(_ json: JSONValue) -> String {
        func nonEmpty(_ values: String?...) -> String {
            values.compactMap { $0 }.first { !$0.isEmpty } ?? ""
        }
        let component = nonEmpty(json["source"]?["component"]?.stringValue, json["reportingComponent"]?.stringValue)
        let instance = nonEmpty(json["source"]?["host"]?.stringValue, json["reportingInstance"]?.stringValue)
        return instance.isEmpty ? component : component + ", " + instance
    }
}
