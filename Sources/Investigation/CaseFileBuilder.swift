import Diagnosis
import Kube

/// The case file under construction, shared by the concurrent reads. At the deadline its current state
/// is taken as is.
actor CaseFileBuilder {
    private(set) var file: CaseFile

    init(_ file: CaseFile) { self.file = file }

    func update(_ change: (inout CaseFile) -> Void) {
        change(&file)
    }

    /// Records a read that failed, with the advice the error carries (for RBAC, the rule to add).
    func uncheck(_ what: String, _ error: KubeError) {
        var why = error.message
        if let rbac = error.rbac { why += " — \(rbac)" }
        file.unchecked.append(Unchecked(what: what, why: why))
    }

    /// The deadline passed: say what was not reached.
    func markPartial(after deadline: Duration) {
        file.partial = true
        var missing: [String] = []
        if file.pod == nil { missing.append("pod") }
        if file.events.isEmpty { missing.append("events") }
        if file.owners.isEmpty { missing.append("owner") }
        if file.node == nil { missing.append("node") }
        if file.probe == nil { missing.append("registry probe") }
        file.unchecked.append(Unchecked(what: missing.isEmpty ? "some reads" : missing.joined(separator: ", "),
                                        why: "the diagnosis deadline (\(deadline)) passed before they answered"))
    }
}
