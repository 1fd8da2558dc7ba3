import Foundation

/// The READY, STATUS and RESTARTS cells of `kubectl get pods`, derived from a pod the way the API server's pod
/// printer does (kubernetes `pkg/printers/internalversion/printers.go`, `printPod`).
///
/// STATUS is the most specific thing known: a pod-level reason, else an init container's trouble
/// (`Init:ErrImagePull`, `Init:0/2`), else the last container with a waiting or terminated reason
/// (`ImagePullBackOff`, `ErrImagePull`, `CrashLoopBackOff`, `Completed`), else the phase; deletion turns it
/// into `Terminating`.
struct PodStatusSummary: Equatable {
    /// `ready/total`, counting restartable (sidecar) init containers in the total.
    var ready: String
    /// The STATUS column.
    var status: String
    /// `N`, or `N (AGE ago)` when the time of the last restart is known.
    var restarts: String

    init(ready: String, status: String, restarts: String) {
        self.ready = ready
        self.status = status
        self.restarts = restarts
    }

    init(pod: KubeObject, now: Date) {
        let spec = pod.json["spec"]
        let status = pod.json["status"]
        let phase = status?["phase"]?.stringValue ?? ""
        var reason = status?["reason"]?.stringValue.flatMap { $0.isEmpty ? nil : $0 } ?? phase
        let conditions = status?["conditions"]?.arrayValue ?? []
        if conditions.contains(where: { $0["type"] == "PodScheduled" && $0["reason"] == "SchedulingGated" }) {
            reason = "SchedulingGated"
        }

        let initSpecs = spec?["initContainers"]?.arrayValue ?? []
        let restartable = Set(initSpecs.filter { $0["restartPolicy"] == "Always" }.compactMap { $0["name"]?.stringValue })
        let total = (spec?["containers"]?.arrayValue.count ?? 0) + restartable.count
        var readyCount = 0
        var restarts = 0
        var sidecarRestarts = 0
        var lastRestart: Date?
        var lastSidecarRestart: Date?

        var initializing = false
        for (index, container) in (status?["initContainerStatuses"]?.arrayValue ?? []).enumerated() {
            let count = container["restartCount"]?.intValue ?? 0
            let finished = Self.lastTermination(container)
            restarts += count
            lastRestart = Self.later(lastRestart, finished)
            let isSidecar = restartable.contains(container["name"]?.stringValue ?? "")
            if isSidecar {
                sidecarRestarts += count
                lastSidecarRestart = Self.later(lastSidecarRestart, finished)
            }
            let state = container["state"]
            if let terminated = state?["terminated"], terminated["exitCode"]?.intValue ?? 0 == 0 { continue }
            if isSidecar && container["started"]?.boolValue == true {
                if container["ready"]?.boolValue == true { readyCount += 1 }
                continue
            }
            if let terminated = state?["terminated"] {
                reason = "Init:" + Self.terminationText(terminated)
            } else if let waiting = state?["waiting"]?["reason"]?.stringValue, !waiting.isEmpty, waiting != "PodInitializing" {
                reason = "Init:" + waiting
            } else {
                reason = "Init:\(index)/\(initSpecs.count)"
            }
            initializing = true
            break
        }

        let initialized = conditions.contains { $0["type"] == "Initialized" && $0["status"] == "True" }
        if !initializing || initialized {
            restarts = sidecarRestarts
            lastRestart = lastSidecarRestart
            var hasRunning = false
            for container in (status?["containerStatuses"]?.arrayValue ?? []).reversed() {
                restarts += container["restartCount"]?.intValue ?? 0
                lastRestart = Self.later(lastRestart, Self.lastTermination(container))
                let state = container["state"]
                if let waiting = state?["waiting"]?["reason"]?.stringValue, !waiting.isEmpty {
                    reason = waiting
                } else if let terminated = state?["terminated"] {
                    reason = Self.terminationText(terminated)
                } else if container["ready"]?.boolValue == true, state?["running"] != nil {
                    hasRunning = true
                    readyCount += 1
                }
            }
            if reason == "Completed" && hasRunning {
                let podReady = conditions.contains { $0["type"] == "Ready" && $0["status"] == "True" }
                reason = podReady ? "Running" : "NotReady"
            }
        }

        if pod.json["metadata"]?["deletionTimestamp"] != nil {
            if status?["reason"] == "NodeLost" {
                reason = "Unknown"
            } else if phase != "Succeeded" && phase != "Failed" {
                reason = "Terminating"
            }
        }

        var restartText = String(restarts)
        if restarts != 0, let lastRestart {
            restartText += " (\(HumanDuration.format(now.timeIntervalSince(lastRestart))) ago)"
        }
        self.init(ready: "\(readyCount)/\(total)", status: reason, restarts: restartText)
    }

    /// `reason`, else `Signal:N`, else `ExitCode:N`, for a terminated state.
    private static func terminationText(_ terminated: JSONValue) -> String {
        if let reason = terminated["reason"]?.stringValue, !reason.isEmpty { return reason }
        if let signal = terminated["signal"]?.intValue, signal != 0 { return "Signal:\(signal)" }
        return "ExitCode:\(terminated["exitCode"]?.intValue ?? 0)"
    }

    private static func lastTermination(_ container: JSONValue) -> Date? {
        container["lastState"]?["terminated"]?["finishedAt"]?.stringValue.flatMap(KubeTime.parse)
    }

    private static func later(_ current: Date?, _ candidate: Date?) -> Date? {
        guard let candidate else { return current }
        guard let current else { return candidate }
        return max(current, candidate)
    }
}
