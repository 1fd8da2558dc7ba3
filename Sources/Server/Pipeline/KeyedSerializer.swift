/// Runs work for the same key one at a time (different keys run concurrently). The recorder uses it per
/// incident: the alerts of one group share a diagnosis, and only the first may save it and queue its
/// notifications; the others must see it saved.
actor KeyedSerializer {
    private var busy: Set<String> = []
    private var waiting: [String: [CheckedContinuation<Void, Never>]] = [:]

    func run<T: Sendable>(_ key: String, _ body: @Sendable () async -> T) async -> T {
        while busy.contains(key) {
            await withCheckedContinuation { waiting[key, default: []].append($0) }
        }
        busy.insert(key)
        let result = await body()
        busy.remove(key)
        if var queue = waiting[key], !queue.isEmpty {
            queue.removeFirst().resume()
            waiting[key] = queue.isEmpty ? nil : queue
        }
        return result
    }
}
